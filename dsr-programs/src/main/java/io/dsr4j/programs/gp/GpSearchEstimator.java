package io.dsr4j.programs.gp;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.estimator.EstimatorContext;
import io.dsr4j.api.estimator.EstimatorFactory;
import io.dsr4j.api.estimator.EstimatorStep;
import io.dsr4j.api.estimator.GradientEstimator;
import io.dsr4j.api.estimator.TrainingSamples;
import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.settings.Settings;

/** Estimator {@code gp}: no gradient; hands the scored generation to the {@code gp} policy to breed the next one. */
public final class GpSearchEstimator implements GradientEstimator {

    /** Its plugin factory (estimator {@code gp}, only with policy {@code gp}; no settings). */
    public static final class Factory implements EstimatorFactory {
        @Override
        public GradientEstimator create(EstimatorContext context, Params params) { return new GpSearchEstimator(); }

        @Override
        public Settings settings() { return Settings.NONE; }

        @Override
        public String requiredPolicy() { return "gp"; }

        @Override
        public String description() { return "breeds the next generation of policy gp (standalone GP, no gradient)"; }
    }

    @Override
    public EstimatorStep update(Policy policy, TrainingSamples samples) {
        if (!(policy instanceof GpSearchPolicy gp)) {
            throw new ConfigException("estimator.type 'gp' breeds the population of policy.type 'gp'; it cannot train "
                    + "policy " + policy.getClass().getSimpleName() + " (use a gradient estimator such as risk_seeking)");
        }
        int n = samples.sequences().size();
        int[][] programs = new int[n][];
        for (int i = 0; i < n; i++) programs[i] = samples.sequences().tokens(i);
        gp.evolve(programs, samples.rewards());
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        return new EstimatorStep(Double.NaN, Double.NaN, 0, 0, all);
    }
}
