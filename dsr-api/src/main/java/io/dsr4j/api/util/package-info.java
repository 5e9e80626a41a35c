/** Small utilities shared by plugins: the seeded {@link io.dsr4j.api.util.Rng} and a run's worker threads ({@link io.dsr4j.api.util.ChunkRunner}). */
package io.dsr4j.api.util;
