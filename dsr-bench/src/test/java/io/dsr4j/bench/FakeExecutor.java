package io.dsr4j.bench;

import io.dsr4j.train.run.RunResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A deterministic stand-in for the trainer: the outcome is a function of the run spec only. */
class FakeExecutor implements RunExecutor {

    final List<String> calls = new CopyOnWriteArrayList<>();
    final Set<String> failing = ConcurrentHashMap.newKeySet();
    final List<RunSpec> checked = new CopyOnWriteArrayList<>();
    volatile Path watchResults;   // when set, every run re-reads this results file (it must always parse)
    volatile int sleepMillis;

    @Override
    public RunResult run(RunSpec spec, Path runDir) throws Exception {
        calls.add(spec.key());
        if (!Files.isDirectory(runDir)) throw new IllegalStateException("run folder not created: " + runDir);
        if (watchResults != null) ResultsFile.read(watchResults);
        if (sleepMillis > 0) Thread.sleep(sleepMillis);
        if (failing.contains(spec.key())) throw new IllegalArgumentException("boom on " + spec.key() + "\nsecond line");
        long samples = spec.overrides().get("training.n_samples") instanceof Number n ? n.longValue() : 2_000_000L;
        boolean success = (spec.seed() + spec.variant().length()) % 2 == 0;
        long iterations = 10 + spec.seed() * 3 + spec.benchmark().length();
        return new RunResult(spec.seed(), spec.dataset(), success, iterations, Math.min(samples, iterations * 1000),
                iterations * 0.1, success ? 1.0 : 0.9, 0.0, success ? 0.0 : 0.5, "x1*(x1 + 1), \"quoted\"", "mul,x1,add,x1,1", 5);
    }

    @Override
    public void check(RunSpec spec) {
        checked.add(spec);
    }
}
