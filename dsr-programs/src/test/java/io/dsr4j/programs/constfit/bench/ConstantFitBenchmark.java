package io.dsr4j.programs.constfit.bench;

import io.dsr4j.api.constfit.ConstantOptimizer;
import io.dsr4j.api.constfit.FitProblem;
import io.dsr4j.api.data.Dataset;
import io.dsr4j.programs.constfit.LevenbergMarquardtConstantOptimizer;
import io.dsr4j.programs.constfit.LevenbergMarquardtSettings;
import io.dsr4j.programs.data.BenchmarkDataset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.concurrent.TimeUnit;

/**
 * Constant fits per second on Constant-1-like problems: 20 rows (Constant-1's training inputs), 3 constants, start
 * at all ones, default "lm" settings with either solver, one thread. "cubic" is Constant-1's own structure c0·x³ + c1·x² + c2·x
 * (linear in c); "trig" is c0·sin(c1·x) + c2 fitted to Constant-1's y (nonlinear, does not fit exactly).
 * The model is hand-written (with its Jacobian by rows and by columns, as a program's fit gives both), so this
 * measures the optimizer's overhead plus ~20-row evaluations.
 *
 * <p>Run: {@code java -cp <test classpath> io.dsr4j.programs.constfit.bench.ConstantFitBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConstantFitBenchmark {

    @Param({"cubic", "trig"})
    public String model;

    @Param({"cholesky", "hipparchus"})
    public String solver;

    private FitProblem problem;
    private ConstantOptimizer lm;
    private final double[] start = {1, 1, 1};

    @Setup
    public void setup() {
        Dataset d = BenchmarkDataset.generate("Constant-1");
        double[] x = d.xTrain()[0];
        double[] y = d.yTrain();
        problem = model.equals("cubic") ? new Cubic(x, y) : new Trig(x, y);
        lm = new LevenbergMarquardtConstantOptimizer(LevenbergMarquardtSettings.defaults().withSolver(solver));
    }

    @Benchmark
    public double[] fit() {
        return lm.optimize(problem, start);
    }

    /** c0·x³ + c1·x² + c2·x − y. */
    static final class Cubic implements FitProblem {
        private final double[] x;
        private final double[] y;

        Cubic(double[] x, double[] y) {
            this.x = x;
            this.y = y;
        }

        public int constantCount() { return 3; }

        public int residualCount() { return x.length; }

        public boolean evaluate(double[] c, double[] r, double[][] jac) {
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                double v2 = v * v;
                double v3 = v2 * v;
                r[i] = c[0] * v3 + c[1] * v2 + c[2] * v - y[i];
                if (jac != null) {
                    jac[i][0] = v3;
                    jac[i][1] = v2;
                    jac[i][2] = v;
                }
            }
            return true;
        }

        @Override
        public boolean evaluateColumns(double[] c, double[] r, double[][] cols) {
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                double v2 = v * v;
                double v3 = v2 * v;
                r[i] = c[0] * v3 + c[1] * v2 + c[2] * v - y[i];
                cols[0][i] = v3;
                cols[1][i] = v2;
                cols[2][i] = v;
            }
            return true;
        }
    }

    /** c0·sin(c1·x) + c2 − y. */
    static final class Trig implements FitProblem {
        private final double[] x;
        private final double[] y;

        Trig(double[] x, double[] y) {
            this.x = x;
            this.y = y;
        }

        public int constantCount() { return 3; }

        public int residualCount() { return x.length; }

        public boolean evaluate(double[] c, double[] r, double[][] jac) {
            for (int i = 0; i < x.length; i++) {
                double s = Math.sin(c[1] * x[i]);
                r[i] = c[0] * s + c[2] - y[i];
                if (jac != null) {
                    jac[i][0] = s;
                    jac[i][1] = c[0] * x[i] * Math.cos(c[1] * x[i]);
                    jac[i][2] = 1;
                }
            }
            return true;
        }

        @Override
        public boolean evaluateColumns(double[] c, double[] r, double[][] cols) {
            for (int i = 0; i < x.length; i++) {
                double s = Math.sin(c[1] * x[i]);
                r[i] = c[0] * s + c[2] - y[i];
                cols[0][i] = s;
                cols[1][i] = c[0] * x[i] * Math.cos(c[1] * x[i]);
                cols[2][i] = 1;
            }
            return true;
        }
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(ConstantFitBenchmark.class.getSimpleName()).build()).run();
    }
}
