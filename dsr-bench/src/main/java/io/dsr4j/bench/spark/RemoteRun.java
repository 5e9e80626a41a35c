package io.dsr4j.bench.spark;

import io.dsr4j.bench.RunSpec;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a Spark task needs to rebuild a {@link RunSpec} on an executor: driver paths (base config, CSV dataset) are
 * keys into the job's {@link JobInputs}, not files the executor could open.
 *
 * @param index      position in the dispatched list (how the driver matches the outcome to its run)
 * @param baseConfig the driver's absolute path of the base config file, or null for the defaults
 * @param overrides  the run's overrides as the driver has them (task.dataset: benchmark name or driver CSV path)
 */
record RemoteRun(int index, String variant, String benchmark, long seed, String baseConfig,
                 LinkedHashMap<String, Object> overrides) implements Serializable {

    static RemoteRun of(int index, RunSpec spec) {
        return new RemoteRun(index, spec.variant(), spec.benchmark(), spec.seed(),
                spec.baseConfig() == null ? null : spec.baseConfig().toAbsolutePath().normalize().toString(),
                new LinkedHashMap<>(spec.overrides()));
    }

    /** "variant/benchmark/seed", as {@link RunSpec#key()}. */
    String key() {
        return variant + "/" + benchmark + "/" + seed;
    }

    /** Overrides with the driver's CSV path of task.dataset replaced by {@code localDataset} (when not null). */
    Map<String, Object> overridesWithDataset(String localDataset) {
        Map<String, Object> o = new LinkedHashMap<>(overrides);
        if (localDataset != null) o.put("task.dataset", localDataset);
        return o;
    }
}
