package io.dsr4j.programs.constfit.bench;

import io.dsr4j.api.constfit.ConstantOptimizer;
import io.dsr4j.api.constfit.FitProblem;
import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.reward.Metric;
import io.dsr4j.api.token.Library;
import io.dsr4j.programs.constfit.LevenbergMarquardtConstantOptimizer;
import io.dsr4j.programs.constfit.LevenbergMarquardtSettings;
import io.dsr4j.programs.data.BenchmarkDataset;
import io.dsr4j.programs.data.BenchmarkRegistry;
import io.dsr4j.programs.eval.Workspace;
import io.dsr4j.programs.print.ExpressionParser;
import io.dsr4j.programs.reward.BuiltinRewardsPlugin;
import io.dsr4j.programs.task.Evaluation;
import io.dsr4j.programs.task.RegressionTask;
import io.dsr4j.programs.token.BuiltinTokensPlugin;
import io.dsr4j.programs.token.LibraryBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Replays constant fits of real programs through {@link RegressionTask#score} with each given {@code lm} solver, to
 * compare solvers (or two builds of one) on robustness and cost. Two modes (run from the test classpath, one thread):
 * <ul>
 *   <li>{@code recover SOLVERS results.csv...}: every row with {@code success=true} of the given grid results (e.g.
 *   {@code docs/results/constants-10seeds/results.csv}) has its fitted numbers replaced by {@code const}, is fitted
 *   again from all ones, and counts when the refit still passes the benchmark's success test (noiseless test NMSE
 *   below 1e-12). A solver that misses here loses runs that found the true structure.</li>
 *   <li>{@code replay SOLVERS CORPUS [REPS [OUTDIR]]}: fits every program of a corpus of sampled programs (lines
 *   {@code Constant-7;[3, 5, 5, 1, ...]}: a benchmark and a traversal as token indices of the benchmark's own
 *   library; {@code .gz} allowed) REPS times (default 3) and prints, for the last pass, thread CPU µs per fit,
 *   evaluations per fit and a hash of every point evaluated in order; against the first solver, the fits with more
 *   evaluations and with other rewards. With OUTDIR, {@code OUTDIR/SOLVER.txt} gets each fit's reward and constants
 *   as exact bits and {@code OUTDIR/SOLVER.evaluations.txt} its evaluation count, to compare two builds with
 *   {@code cmp}. The shipped corpus, {@code src/test/resources/constfit/sampled-programs.txt.gz}, holds every third
 *   of the 59,899 programs scored in a Constant-7 (200 iterations) and a Constant-3 (100 iterations) run of seed 0.</li>
 * </ul>
 * {@code SOLVERS} is a comma-separated list of {@code training.const_optimizer.solver} values; the other settings
 * are the defaults. Run from the repository root: {@code java -cp <test classpath>
 * io.dsr4j.programs.constfit.bench.FitReplay replay hipparchus,cholesky
 * dsr-programs/src/test/resources/constfit/sampled-programs.txt.gz} (the test classpath: dsr-programs' and dsr-api's
 * target/classes, dsr-programs/target/test-classes, and {@code mvn dependency:build-classpath -pl dsr-programs
 * -Dmdep.includeScope=test}).
 */
public final class FitReplay {

    private FitReplay() { }

    public static void main(String[] args) throws IOException {
        // replay ... [REPS [OUTDIR]]: OUTDIR/SOLVER.txt gets each fit's reward and constants as exact bits
        if (args.length < 3 || !(args[0].equals("recover") || args[0].equals("replay"))) {
            System.err.println("usage: FitReplay recover SOLVER[,SOLVER...] results.csv...\n"
                    + "       FitReplay replay SOLVER[,SOLVER...] CORPUS [REPS [OUTDIR]]");
            System.exit(2);
        }
        String[] solvers = args[1].split(",");
        if (args[0].equals("recover")) {
            List<String[]> rows = new ArrayList<>();
            for (int i = 2; i < args.length; i++) rows.addAll(successRows(Path.of(args[i])));
            for (String s : solvers) recover(s, rows);
        } else {
            Map<String, List<int[]>> corpus = corpus(Path.of(args[2]));
            int reps = args.length > 3 ? Integer.parseInt(args[3]) : 3;
            Path out = args.length > 4 ? Path.of(args[4]) : null;
            Replay first = null;
            for (String s : solvers) {
                Replay r = replay(s, corpus, reps);
                r.print(first);
                if (out != null) r.write(out.resolve(s + ".txt"), out.resolve(s + ".evaluations.txt"));
                if (first == null) first = r;
            }
        }
    }

    /** One benchmark's task with a counting optimizer. */
    private static final class Bench {
        final RegressionTask task;
        final Workspace ws;
        final CountingOptimizer counter;

        Bench(String benchmark, String solver) {
            Dataset d = BenchmarkDataset.generate(benchmark);
            BenchmarkRegistry reg = BenchmarkRegistry.get();
            List<String> functions = reg.functionSet(reg.get(benchmark).functionSetName());
            Library lib = LibraryBuilder.build(d.variableCount(), functions, false, BuiltinTokensPlugin.factories());
            Metric m = BuiltinRewardsPlugin.factories().get("inv_nrmse").create(d.yTrain(), new double[] {1.0});
            counter = new CountingOptimizer(new LevenbergMarquardtConstantOptimizer(
                    LevenbergMarquardtSettings.defaults().withSolver(solver)));
            task = new RegressionTask(d, lib, m, counter, 1e-12, false);
            ws = task.newWorkspace();
        }
    }

    private static void recover(String solver, List<String[]> rows) {
        Map<String, Bench> benches = new HashMap<>();
        int ok = 0;
        List<String> misses = new ArrayList<>();
        for (String[] row : rows) {
            Bench b = benches.computeIfAbsent(row[0], name -> new Bench(name, solver));
            int[] traversal = new ExpressionParser(b.task.library()).parseTraversal(row[2]).traversal();
            Evaluation e = b.task.score(traversal, b.ws);
            if (b.task.test(traversal, e.constants(), b.ws).success()) {
                ok++;
            } else {
                misses.add(row[0] + " seed " + row[1] + ": " + String.join(",", names(b.task.library(), traversal)) + " -> " + java.util.Arrays.toString(e.constants()));
            }
        }
        System.out.printf(Locale.ROOT, "%-10s recovered %d/%d%n", solver, ok, rows.size());
        for (String m : misses) System.out.println("  miss " + m);
    }

    private static List<String> names(Library lib, int[] traversal) {
        List<String> out = new ArrayList<>();
        for (int t : traversal) out.add(lib.name(t));
        return out;
    }

    /** Costs of one solver over the corpus. */
    private record Replay(String solver, long fits, double microsPerFit, long[] evaluations, double[] rewards,
                          double[][] constants, long trace) {

        /**
         * One line per fit: reward and fitted constants as exact bits into {@code results} (to compare two builds),
         * problem evaluations into {@code counts}.
         */
        void write(Path results, Path counts) throws IOException {
            Files.createDirectories(results.toAbsolutePath().getParent());
            StringBuilder sb = new StringBuilder();
            StringBuilder ev = new StringBuilder();
            for (int i = 0; i < rewards.length; i++) {
                sb.append(Double.doubleToLongBits(rewards[i]));
                for (double c : constants[i]) sb.append(' ').append(Double.doubleToLongBits(c));
                sb.append('\n');
                ev.append(evaluations[i]).append('\n');
            }
            Files.writeString(results, sb);
            Files.writeString(counts, ev);
        }

        void print(Replay base) {
            long evals = 0;
            for (long e : evaluations) evals += e;
            System.out.printf(Locale.ROOT, "%-10s %d fits  %.2f us/fit  %.2f evaluations/fit  trace %016x", solver,
                    fits, microsPerFit, (double) evals / fits, trace);
            if (base != null) {
                long more = 0, differ = 0, better = 0, worse = 0;
                for (int i = 0; i < rewards.length; i++) {
                    if (evaluations[i] > base.evaluations[i]) more++;
                    if (Double.compare(rewards[i], base.rewards[i]) != 0) differ++;
                    if (rewards[i] > base.rewards[i]) better++;
                    if (rewards[i] < base.rewards[i]) worse++;
                }
                System.out.printf(Locale.ROOT, "  vs %s: more evaluations %d (%.2f %%), rewards differ %d (higher %d, lower %d)",
                        base.solver, more, 100.0 * more / fits, differ, better, worse);
            }
            System.out.println();
        }
    }

    private static Replay replay(String solver, Map<String, List<int[]>> corpus, int reps) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int total = 0;
        for (List<int[]> l : corpus.values()) total += l.size();
        long[] evaluations = new long[total];
        double[] rewards = new double[total];
        double[][] constants = new double[total][];
        long nanos = 0, trace = 0;
        for (int r = 0; r < reps; r++) {
            nanos = 0;
            trace = 0;
            int i = 0;
            for (Map.Entry<String, List<int[]>> e : corpus.entrySet()) {
                Bench b = new Bench(e.getKey(), solver);
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int[] t : e.getValue()) {
                    long before = b.counter.evaluations;
                    Evaluation ev = b.task.score(t, b.ws);
                    rewards[i] = ev.reward();
                    constants[i] = ev.constants();
                    evaluations[i++] = b.counter.evaluations - before;
                }
                nanos += cpu.getCurrentThreadCpuTime() - t0;
                trace = 31 * trace + b.counter.trace;
            }
        }
        return new Replay(solver, total, nanos / 1e3 / total, evaluations, rewards, constants, trace);
    }

    /** Counts the problem evaluations of the fits it runs (one thread). */
    private static final class CountingOptimizer implements ConstantOptimizer {
        final ConstantOptimizer inner;
        long evaluations;
        /** A hash of every point evaluated, in order: equal traces give equal hashes. */
        long trace = 1;

        CountingOptimizer(ConstantOptimizer inner) {
            this.inner = inner;
        }

        @Override
        public double[] optimize(FitProblem problem, double[] start) {
            return inner.optimize(new FitProblem() {
                @Override public int constantCount() { return problem.constantCount(); }

                @Override public int residualCount() { return problem.residualCount(); }

                @Override
                public boolean evaluate(double[] c, double[] residuals, double[][] jacobian) {
                    count(c);
                    return problem.evaluate(c, residuals, jacobian);
                }

                @Override
                public boolean evaluateColumns(double[] c, double[] residuals, double[][] columns) {
                    count(c);
                    return problem.evaluateColumns(c, residuals, columns);
                }
            }, start);
        }

        private void count(double[] c) {
            evaluations++;
            for (double v : c) trace = 31 * trace + Double.doubleToLongBits(v);
        }
    }

    /** (benchmark, seed, traversal) of each successful row of a grid's results.csv. */
    static List<String[]> successRows(Path resultsCsv) throws IOException {
        List<String> lines = Files.readAllLines(resultsCsv);
        List<String> header = splitCsv(lines.get(0));
        int bench = header.indexOf("benchmark"), seed = header.indexOf("seed"), success = header.indexOf("success"),
                traversal = header.indexOf("traversal");
        if (bench < 0 || seed < 0 || success < 0 || traversal < 0) {
            throw new IllegalArgumentException(resultsCsv + ": need columns benchmark, seed, success, traversal");
        }
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            List<String> f = splitCsv(line);
            if (f.get(success).equals("true")) out.add(new String[] {f.get(bench), f.get(seed), f.get(traversal)});
        }
        return out;
    }

    /** One CSV line; fields may be double-quoted (no quotes inside quotes in results.csv). */
    private static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** benchmark → traversals, in file order. */
    static Map<String, List<int[]>> corpus(Path file) throws IOException {
        Map<String, List<int[]>> out = new LinkedHashMap<>();
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) in = new GZIPInputStream(in);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                int semi = line.indexOf(';');
                String tokens = line.substring(semi + 1).trim();
                String[] t = tokens.substring(1, tokens.length() - 1).split(",");
                int[] traversal = new int[t.length];
                for (int i = 0; i < t.length; i++) traversal[i] = Integer.parseInt(t[i].trim());
                out.computeIfAbsent(line.substring(0, semi), k -> new ArrayList<>()).add(traversal);
            }
        }
        return out;
    }
}
