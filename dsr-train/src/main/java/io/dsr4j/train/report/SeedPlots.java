package io.dsr4j.train.report;

import io.dsr4j.config.DsrConfig;
import io.dsr4j.train.ProgramRecord;
import io.dsr4j.train.ProgramScorer;
import io.dsr4j.train.run.FinishedSeed;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the plots of a finished seed ({@link RunPlots}) into its folder. A plot is an extra: any failure to draw or
 * write one is reported as a warning and never fails the run.
 */
public final class SeedPlots {

    private SeedPlots() { }

    /** @return true when both plots were written */
    public static boolean write(FinishedSeed t, DsrConfig config, Path seedDir, String title, PrintStream err) {
        try {
            RunPlots.trainingCurve(seedDir.resolve("iterations.csv"), title + ": training",
                    baselineLabel(config.estimator().type()), seedDir.resolve(RunPlots.TRAINING_PNG));
            ProgramScorer sc = t.scorer();
            List<RunPlots.ParetoPoint> front = new ArrayList<>();
            for (ProgramRecord p : t.paretoFront()) {
                front.add(new RunPlots.ParetoPoint(p.complexity(), p.reward(), sc.test(p.traversal(), p.constants()).nmseTest()));
            }
            RunPlots.paretoFront(front, title, seedDir.resolve(RunPlots.PARETO_PNG));
            return true;
        } catch (VirtualMachineError e) {
            if (!(e instanceof OutOfMemoryError)) throw e;
            err.println("dsr: warning: no plots for " + seedDir + ": " + e);
            return false;
        } catch (Exception | LinkageError e) { // e.g. no fonts or AWT on a stripped-down JVM
            err.println("dsr: warning: no plots for " + seedDir + ": " + e);
            return false;
        }
    }

    /** What the {@code baseline} column of iterations.csv holds for this estimator. */
    static String baselineLabel(String estimator) {
        return switch (estimator) {
            case "risk_seeking" -> "top-\u03b5 quantile (baseline)";
            default -> "baseline (" + estimator + ")";
        };
    }
}
