package io.dsr4j.programs.constfit;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;

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
 * @param solver                     {@code cholesky}: {@link DampedGaussNewton}, LM on plain arrays with the k×k normal
 *                                   equations; {@code hipparchus}: Hipparchus's MINPACK port (QR, trust region);
 *                                   {@code trust}: {@link TrustRegionLm}, the same algorithm (Moré 1978) on plain
 *                                   arrays. {@code ortho_tolerance} and {@code initial_step_bound} are read by
 *                                   {@code hipparchus} and {@code trust} only ({@code solver})
 */
public record LevenbergMarquardtSettings(int maxIterations, int maxEvaluations, double costRelativeTolerance,
                                         double parameterRelativeTolerance, double orthoTolerance,
                                         double initialStepBoundFactor, int restarts, double restartRange, long seed,
                                         String solver) {

    public static final String CHOLESKY = "cholesky";
    public static final String HIPPARCHUS = "hipparchus";
    public static final String TRUST = "trust";

    public LevenbergMarquardtSettings {
        if (!solver.equals(CHOLESKY) && !solver.equals(HIPPARCHUS) && !solver.equals(TRUST)) {
            throw new IllegalArgumentException("solver must be cholesky, hipparchus or trust, got " + solver);
        }
    }

    /** With the default solver. */
    public LevenbergMarquardtSettings(int maxIterations, int maxEvaluations, double costRelativeTolerance,
                                      double parameterRelativeTolerance, double orthoTolerance,
                                      double initialStepBoundFactor, int restarts, double restartRange, long seed) {
        this(maxIterations, maxEvaluations, costRelativeTolerance, parameterRelativeTolerance, orthoTolerance,
                initialStepBoundFactor, restarts, restartRange, seed, HIPPARCHUS);
    }

    /** The same settings with another solver. */
    public LevenbergMarquardtSettings withSolver(String s) {
        return new LevenbergMarquardtSettings(maxIterations, maxEvaluations, costRelativeTolerance,
                parameterRelativeTolerance, orthoTolerance, initialStepBoundFactor, restarts, restartRange, seed, s);
    }

    /**
     * Hipparchus's tolerances. The true structures of Constant-1..8 converge from all ones in 3–8 evaluations, while
     * degenerate fits of wrong programs (e.g. c0·sin(c1·x) + c2 on Constant-1, where c0 → ∞ and c1 → 0) keep
     * improving slowly until a limit; 50 iterations bound their cost without affecting real fits.
     */
    public static LevenbergMarquardtSettings defaults() {
        return new LevenbergMarquardtSettings(50, 200, 1e-10, 1e-10, 1e-10, 100, 0, 10, 0);
    }

    static final LevenbergMarquardtSettings D = defaults();
    static final Setting<Integer> MAX_ITERATIONS = Setting.integer("max_iterations", D.maxIterations()).range(1, 1_000_000)
            .doc("LM iterations per start");
    static final Setting<Integer> MAX_EVALUATIONS = Setting.integer("max_evaluations", D.maxEvaluations())
            .range(1, 10_000_000).doc("residual + Jacobian evaluations per start, rejected steps included");
    static final Setting<Double> COST_TOLERANCE = Setting.real("cost_tolerance", D.costRelativeTolerance()).range(0, 1)
            .doc("stop when the relative reduction of the residual norm is below this");
    static final Setting<Double> PARAMETER_TOLERANCE = Setting.real("parameter_tolerance", D.parameterRelativeTolerance())
            .range(0, 1).doc("stop when the relative change of the constants is below this");
    static final Setting<Double> ORTHO_TOLERANCE = Setting.real("ortho_tolerance", D.orthoTolerance()).range(0, 1)
            .doc("stop when the residuals are this close to orthogonal to the Jacobian's columns");
    static final Setting<Double> INITIAL_STEP_BOUND = Setting.real("initial_step_bound", D.initialStepBoundFactor())
            .range(1e-6, 1e6).doc("initial trust-region radius as a multiple of |start|");
    static final Setting<Integer> RESTARTS = Setting.integer("restarts", D.restarts()).range(0, 10_000)
            .doc("extra fits from random starts; the best fit wins");
    static final Setting<Double> RESTART_RANGE = Setting.real("restart_range", D.restartRange()).range(0, 1e12)
            .doc("restart j draws constant i uniformly from start_i +- this");
    static final Setting<Long> SEED = Setting.<Long>custom("seed", "integer", D.seed(), "any integer",
            (p, s) -> p.getLong(s.name(), D.seed())).doc("seed of the restart points (the same for every program)");
    static final Setting<String> SOLVER = Setting.choice("solver", D.solver(), CHOLESKY, HIPPARCHUS, TRUST)
            .doc("hipparchus: Hipparchus's MINPACK port; trust: the same trust-region LM (More 1978) on plain arrays, cheaper per fit, not bit-identical; cholesky: LM on plain arrays (normal equations, ~1.8x faster per fit on small data, worse minima more often)");

    /** The keys of {@code training.const_optimizer} for type {@code lm}. */
    public static final Settings SETTINGS = Settings.of(MAX_ITERATIONS, MAX_EVALUATIONS, COST_TOLERANCE,
            PARAMETER_TOLERANCE, ORTHO_TOLERANCE, INITIAL_STEP_BOUND, RESTARTS, RESTART_RANGE, SEED, SOLVER);

    /** Reads the section's keys (defaults above); unknown keys are reported with a "did you mean". */
    public static LevenbergMarquardtSettings from(Params p) {
        p.markUsed("type");
        LevenbergMarquardtSettings s = new LevenbergMarquardtSettings(MAX_ITERATIONS.read(p), MAX_EVALUATIONS.read(p),
                COST_TOLERANCE.read(p), PARAMETER_TOLERANCE.read(p), ORTHO_TOLERANCE.read(p),
                INITIAL_STEP_BOUND.read(p), RESTARTS.read(p), RESTART_RANGE.read(p), SEED.read(p), SOLVER.read(p));
        p.requireAllUsed();
        return s;
    }
}
