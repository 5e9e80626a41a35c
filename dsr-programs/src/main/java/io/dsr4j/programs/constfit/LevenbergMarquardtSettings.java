package io.dsr4j.programs.constfit;

import io.dsr4j.api.config.Params;

/**
 * Settings of the "lm" constant optimizer ({@code training.const_optimizer}).
 *
 * @param maxIterations              LM iterations per start ({@code max_iterations})
 * @param maxEvaluations             residual + Jacobian evaluations per start, rejected steps included
 *                                   ({@code max_evaluations})
 * @param costRelativeTolerance      stop when the relative reduction of the residual norm is below this
 *                                   ({@code cost_tolerance})
 * @param parameterRelativeTolerance stop when the relative change of the constants is below this
 *                                   ({@code parameter_tolerance})
 * @param orthoTolerance             stop when the residuals are this close to orthogonal to the Jacobian's
 *                                   columns ({@code ortho_tolerance})
 * @param initialStepBoundFactor     initial trust-region radius as a multiple of |start| ({@code initial_step_bound})
 * @param restarts                   extra fits from random starts; the best fit wins ({@code restarts})
 * @param restartRange               restart j draws constant i uniformly from start_i ± this ({@code restart_range})
 * @param seed                       seed of the restart points ({@code seed}); the same for every program
 */
public record LevenbergMarquardtSettings(int maxIterations, int maxEvaluations, double costRelativeTolerance,
                                         double parameterRelativeTolerance, double orthoTolerance,
                                         double initialStepBoundFactor, int restarts, double restartRange, long seed) {

    /**
     * Hipparchus's tolerances. The true structures of Constant-1..8 converge from all ones in 3–8 evaluations, while
     * degenerate fits of wrong programs (e.g. c0·sin(c1·x) + c2 on Constant-1, where c0 → ∞ and c1 → 0) keep
     * improving slowly until a limit; 50 iterations bound their cost without affecting real fits.
     */
    public static LevenbergMarquardtSettings defaults() {
        return new LevenbergMarquardtSettings(50, 200, 1e-10, 1e-10, 1e-10, 100, 0, 10, 0);
    }

    /** Reads the section's keys (defaults above); unknown keys are reported with a "did you mean". */
    public static LevenbergMarquardtSettings from(Params p) {
        LevenbergMarquardtSettings d = defaults();
        p.markUsed("type");
        LevenbergMarquardtSettings s = new LevenbergMarquardtSettings(
                p.getInt("max_iterations", d.maxIterations(), 1, 1_000_000),
                p.getInt("max_evaluations", d.maxEvaluations(), 1, 10_000_000),
                p.getDouble("cost_tolerance", d.costRelativeTolerance(), 0, 1),
                p.getDouble("parameter_tolerance", d.parameterRelativeTolerance(), 0, 1),
                p.getDouble("ortho_tolerance", d.orthoTolerance(), 0, 1),
                p.getDouble("initial_step_bound", d.initialStepBoundFactor(), 1e-6, 1e6),
                p.getInt("restarts", d.restarts(), 0, 10_000),
                p.getDouble("restart_range", d.restartRange(), 0, 1e12),
                p.getLong("seed", d.seed()));
        p.requireAllUsed();
        return s;
    }
}
