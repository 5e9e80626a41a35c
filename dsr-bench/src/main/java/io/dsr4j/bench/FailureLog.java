package io.dsr4j.bench;

import io.dsr4j.train.run.AtomicFiles;

import io.dsr4j.programs.data.QuotedCsv;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code failures.csv}: one line per failed run attempt (time, variant, benchmark, seed, error). Failed runs are not in
 * results.csv, so running the grid again retries them; this log keeps the history. The full stack trace goes to
 * {@code error.txt} in the run's folder.
 */
final class FailureLog {

    static final String NAME = "failures.csv";
    static final String HEADER = "time,variant,benchmark,seed,error";

    private final AtomicCsv csv;

    FailureLog(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        List<String> existing = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        this.csv = new AtomicCsv(file, HEADER, existing.isEmpty() ? List.of() : existing.subList(1, existing.size()));
    }

    Path file() {
        return csv.file();
    }

    /** Records a failure; returns its one-line description. */
    String record(RunSpec spec, Path runDir, Throwable error) throws IOException {
        String message = describe(error);
        csv.append(QuotedCsv.row(Instant.now().toString(), spec.variant(), spec.benchmark(), spec.seed(), message));
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        AtomicFiles.write(runDir.resolve("error.txt"), trace.toString());
        return message;
    }

    static String describe(Throwable error) {
        if (error instanceof RemoteRunFailure r) return r.description();
        return io.dsr4j.train.run.ExperimentRunner.describe(error); // the cause, not its wrapper
    }
}
