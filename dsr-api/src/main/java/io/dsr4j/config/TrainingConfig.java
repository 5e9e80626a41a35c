package io.dsr4j.config;

import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Params;

/**
 * Section {@code training}.
 *
 * @param nSamples        budget: total number of sampled expressions
 * @param batchSize       expressions sampled per iteration
 * @param earlyStopping   stop as soon as the best expression meets the success threshold
 * @param nThreads        threads that evaluate rewards
 * @param complexity      complexity measure for the Pareto front: the name of a complexity plugin ({@code token},
 *                        {@code length} or a plugin's)
 * @param cacheCapacity   entries of the bounded program cache (0: no cache)
 * @param constOptimizer  {@code training.const_optimizer}: {@code type} + the optimizer's own keys
 * @param checkpointEvery {@code training.checkpoint.every}
 */
public record TrainingConfig(long nSamples, int batchSize, boolean earlyStopping, int nThreads, String complexity,
                             int cacheCapacity, PluginSection constOptimizer, CheckpointEvery checkpointEvery) {

    static TrainingConfig from(Params p, ConfigNode.MapNode defaults, PluginSettings plugins) {
        SectionReader r = new SectionReader(p);
        long nSamples = r.longAtLeast("n_samples", 1);
        int batchSize = r.intAtLeast("batch_size", 1);
        boolean earlyStopping = r.bool("early_stopping");
        int nThreads = r.intAtLeast("n_threads", 1);
        String complexity = r.string("complexity");   // a complexity plugin's name, checked against the registry
        int cacheCapacity = r.intAtLeast("cache_capacity", 0);
        PluginSection constOptimizer = PluginSection.from(p, "const_optimizer", defaults,
                io.dsr4j.api.plugin.PluginKind.CONSTANT_OPTIMIZER, plugins);
        Params checkpoint = p.child("checkpoint");
        CheckpointEvery every;
        try {
            every = CheckpointEvery.parse(checkpoint.getNode("every") instanceof ConfigNode.ScalarNode s ? s.value()
                    : checkpoint.has("every") ? checkpoint.node().get("every").toPlain() : null);
        } catch (IllegalArgumentException e) {
            throw checkpoint.error("every", e.getMessage());
        }
        checkpoint.requireAllUsed();
        return new TrainingConfig(nSamples, batchSize, earlyStopping, nThreads, complexity, cacheCapacity,
                constOptimizer, every);
    }
}
