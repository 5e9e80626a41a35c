package io.dsr4j.train;

import java.time.Duration;

/**
 * Loop settings resolved from the configuration.
 *
 * @param nSamples           budget of sampled expressions
 * @param batchSize          expressions per iteration
 * @param earlyStopping      stop as soon as the best program succeeds on the test set
 * @param threads            reward-evaluation threads
 * @param cacheCapacity      program cache entries
 * @param hofSize            hall-of-fame size
 * @param checkpointEvery    iterations between checkpoints (0 = off)
 * @param checkpointInterval wall time between checkpoints (null = off)
 */
public record TrainerSettings(long nSamples, int batchSize, boolean earlyStopping, int threads, int cacheCapacity,
                              int hofSize, long checkpointEvery, Duration checkpointInterval) { }
