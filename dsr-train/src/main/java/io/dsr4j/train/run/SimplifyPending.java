package io.dsr4j.train.run;

import io.dsr4j.programs.data.QuotedCsv;
import io.dsr4j.programs.symbolic.SymbolicMath;
import io.dsr4j.train.ExpressionSimplifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The second step of a run whose simplification was deferred ({@link ExperimentRunner#deferSimplification}): for each
 * seed folder of a run directory with a {@value PendingOutputs#FILE} file, writes hof.csv, pareto.csv and result.yaml
 * again with the simplified forms, replaces the seed's row of summary.csv, deletes the pending file and prints the
 * seed's line. The files are then the same as a run that simplified in its own process. A seed that fails keeps its
 * raw forms (status {@code pending}) and its pending file, so running this again retries it.
 */
public final class SimplifyPending {

    private SimplifyPending() { }

    /** @return the seeds that failed, each as one line (empty when all pending seeds were simplified) */
    public static List<String> run(Path runDir, SymbolicMath math, PrintStream out) throws IOException {
        List<String> failed = new ArrayList<>();
        try (DirLock lock = ExperimentRunner.lock(runDir)) {
            List<Path> pending;
            try (Stream<Path> dirs = Files.list(runDir)) {
                pending = dirs.map(d -> d.resolve(PendingOutputs.FILE)).filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : pending) {
                try {
                    RunResult r = simplify(runDir, file, math);
                    out.println(ExperimentRunner.seedLine(r));
                } catch (IOException | RuntimeException e) {
                    failed.add(file.getParent() + ": " + ExperimentRunner.describe(e));
                }
            }
        }
        return failed;
    }

    private static RunResult simplify(Path runDir, Path file, SymbolicMath math) throws IOException {
        PendingOutputs p = PendingOutputs.read(file);
        FinishedSeed f = p.finished();
        ExpressionSimplifier simplifier = new ExpressionSimplifier(f.scorer(), math, true, Duration.ofMillis(p.limitMillis()));
        RunResult r = RunOutputs.finish(f, file.getParent(), p.seed(), p.benchmark(), p.writePareto(), simplifier);
        replaceSummaryRow(runDir.resolve(ExperimentRunner.SUMMARY), r);
        Files.delete(file);
        return r;
    }

    /** Replaces the row of {@code r}'s seed (the training process wrote it with raw forms), atomically. */
    static void replaceSummaryRow(Path summary, RunResult r) throws IOException {
        if (!Files.exists(summary)) return; // the training process stopped before writing it: nothing to replace
        List<String> lines = Files.readAllLines(summary, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i > 0 && !line.isBlank() && QuotedCsv.split(line).get(0).equals(Long.toString(r.seed()))) line = r.csv();
            sb.append(line).append('\n');
        }
        AtomicFiles.write(summary, sb.toString());
    }
}
