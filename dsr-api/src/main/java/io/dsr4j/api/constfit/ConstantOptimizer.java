package io.dsr4j.api.constfit;

/** Fits the {@code const} placeholders of one program. Implementations must be thread-safe. */
public interface ConstantOptimizer {

    /** @return the fitted constants (the start point or best point found if the fit fails) */
    double[] optimize(FitProblem problem, double[] start);
}
