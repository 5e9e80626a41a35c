package io.dsr4j.config;

import io.dsr4j.api.config.Params;

/**
 * Section {@code experiment}.
 *
 * @param seed    first seed; run i of a multi-seed experiment uses {@code seed + i}
 * @param logdir  root directory of run outputs, or null to write no files
 * @param expName experiment name (sub-directory of {@code logdir}), or null for the dataset name
 */
public record ExperimentConfig(long seed, String logdir, String expName) {

    static ExperimentConfig from(Params p) {
        SectionReader r = new SectionReader(p);
        return new ExperimentConfig(r.anyLong("seed"), r.optionalString("logdir"), r.optionalString("exp_name"));
    }
}
