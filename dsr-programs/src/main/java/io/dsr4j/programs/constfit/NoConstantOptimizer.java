package io.dsr4j.programs.constfit;

import io.dsr4j.api.constfit.ConstantOptimizer;
import io.dsr4j.api.constfit.FitProblem;

/** "none": keeps the start values (the reference's "dummy" optimizer). */
public final class NoConstantOptimizer implements ConstantOptimizer {

    @Override
    public double[] optimize(FitProblem problem, double[] start) {
        return start.clone();
    }
}
