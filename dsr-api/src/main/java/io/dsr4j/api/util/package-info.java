/** Small utilities shared by plugins: the seeded {@link io.dsr4j.api.util.Rng}. */
package io.dsr4j.api.util;
