package io.dsr4j.programs.constfit;

/** The valid point with the smallest sum of squared residuals seen by one optimize() call (the start until then). */
final class BestPoint {
    double[] point;
    double sse = Double.POSITIVE_INFINITY;

    BestPoint(double[] start) {
        point = start.clone();
    }

    /** Keeps a copy of {@code c} when its sum of squares {@code s} is strictly below the best so far. */
    void offer(double[] c, double s) {
        if (s < sse) {
            sse = s;
            point = c.clone();
        }
    }
}
