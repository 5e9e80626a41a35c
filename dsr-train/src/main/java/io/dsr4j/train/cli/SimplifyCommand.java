package io.dsr4j.train.cli;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.programs.symbolic.SymbolicMath;
import io.dsr4j.train.run.SimplifyPending;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code dsr simplify RUN_DIR...}: the simplified forms of seeds whose simplification is pending. {@code ./dsr run}
 * runs it in a second JVM once training has exited, so that the computer algebra's memory never adds to the training's.
 */
@Command(name = "simplify", mixinStandardHelpOptions = true,
        description = {"Write the simplified forms (hof.csv, pareto.csv, result.yaml, summary.csv) of the seeds of run "
                + "directories whose simplification is pending (simplify_status: pending). './dsr run' does this "
                + "itself in a second process after training; run it by hand when that step failed.",
                "Exit codes: 0 every pending seed simplified (or none pending), 1 a seed failed (its raw forms are "
                        + "kept; run this again), 2 not a run directory or the run directory is in use."})
final class SimplifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run directories (as 'dsr run' printed them).")
    List<Path> runDirs;

    @Override
    public Integer call() throws IOException {
        for (Path d : runDirs) {
            if (!Files.isRegularFile(d.resolve("config.yaml"))) {
                throw new ConfigException(d + " is not a run directory (no config.yaml); pass the directory that "
                        + "'dsr run' printed, e.g. runs/Nguyen-1");
            }
        }
        List<String> failed = new ArrayList<>();
        try (SymbolicMath math = SymbolicMath.create()) {
            for (Path d : runDirs) failed.addAll(SimplifyPending.run(d, math, System.out));
        }
        if (failed.isEmpty()) return DsrCli.EXIT_OK;
        System.err.println("dsr: simplification failed for " + failed.size() + " seed(s), their raw forms are kept "
                + "(simplify_status: pending): " + String.join("; ", failed) + ". Fix the cause, then 'dsr simplify "
                + String.join(" ", runDirs.stream().map(Path::toString).toList()) + "' retries them.");
        return DsrCli.EXIT_FAILURE;
    }
}
