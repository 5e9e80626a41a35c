package io.dsr4j.programs.prior.bench;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;
import io.dsr4j.programs.prior.PriorEnvironment;
import io.dsr4j.programs.prior.PriorEpisode;
import io.dsr4j.programs.prior.PriorSet;
import io.dsr4j.programs.prior.TestLibraries;
import io.dsr4j.programs.prior.builtin.BuiltinPriors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Joint-prior cost with the default regression priors (length 4..64, repeat const <= 3, inverse, trig, const,
 * no_inputs, uniform_arity, soft_length) on Koza + const, batch 1000. Target: one step <= 0.1 ms on one core.
 * Run: {@code java -cp <test classpath> io.dsr4j.programs.prior.bench.PriorBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx1g"})
public class PriorBench {

    static final int BATCH = 1000;
    /** Tokens already chosen in every row of the mid-sequence step. */
    static final int MID = 8;

    private Library library;
    private PriorEnvironment env;
    private PriorEpisode midEpisode;
    private float[] out;
    private int[] actions;
    private Rng rng;

    static Map<String, Object> m(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    /** The built-in defaults' prior section. */
    static Map<String, Object> defaultPriors() {
        return m("length", m("on", true, "min_", 4, "max_", 64),
                "repeat", m("on", true, "tokens", "const", "min_", null, "max_", 3),
                "inverse", m("on", true), "trig", m("on", true), "const", m("on", true), "no_inputs", m("on", true),
                "uniform_arity", m("on", true), "soft_length", m("on", true, "loc", 10, "scale", 5));
    }

    @Setup(Level.Trial)
    public void setUp() {
        library = TestLibraries.kozaConst(1);
        env = PriorSet.build(Params.of("prior", defaultPriors()), BuiltinPriors.factories(), library, null, 64).environment();
        out = new float[BATCH * library.size()];
        actions = new int[BATCH];
        rng = new Rng(1);
        // Mid-sequence rows: MID random allowed tokens each, never completing early (operators while dangling is 1).
        midEpisode = env.start(BATCH);
        for (int t = 0; t < MID; t++) {
            midEpisode.priors(out);
            for (int r = 0; r < BATCH; r++) actions[r] = randomAllowed(r, midEpisode.dangling(r) == 1);
            midEpisode.advance(actions);
        }
        for (int r = 0; r < BATCH; r++) {
            if (midEpisode.finished(r)) throw new IllegalStateException("row " + r + " finished during setup");
        }
    }

    private int randomAllowed(int row, boolean operatorOnly) {
        int stride = library.size();
        for (int tries = 0; ; tries++) {
            int k = rng.nextInt(stride);
            if (out[row * stride + k] == Float.NEGATIVE_INFINITY) continue;
            if (operatorOnly && library.arity(k) == 0 && tries < 1000) continue;
            return k;
        }
    }

    /** One joint-prior step for 1000 unfinished mid-sequence rows. */
    @Benchmark
    public float[] jointPriorStep() {
        midEpisode.priors(out);
        return out;
    }

    /**
     * A whole 1000-row episode as an untrained policy samples it: uniform logits plus the joint prior (exact
     * softmax sampling by rejection: every prior here is <= 0). Returns the mean length through the blackhole.
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void wholeEpisodePolicyLike(Blackhole bh) {
        bh.consume(episode(true));
    }

    /** Worst case: uniform over the allowed tokens, so rows grow to the length limit (mean length ~56). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void wholeEpisodeUniformAllowed(Blackhole bh) {
        bh.consume(episode(false));
    }

    // (Each benchmark runs in its own fork, so superseding the setup's mid-sequence episode here is harmless.)
    private long episode(boolean softmax) {
        PriorEpisode ep = env.start(BATCH);
        while (!ep.allFinished()) {
            ep.priors(out);
            for (int r = 0; r < BATCH; r++) {
                if (ep.finished(r)) continue;
                actions[r] = softmax ? softmaxChoice(r) : randomAllowed(r, false);
            }
            ep.advance(actions);
        }
        long tokens = 0;
        for (int r = 0; r < BATCH; r++) tokens += ep.length(r);
        return tokens;
    }

    private int softmaxChoice(int row) {
        int stride = library.size();
        while (true) {
            int k = rng.nextInt(stride);
            float v = out[row * stride + k];
            if (v != Float.NEGATIVE_INFINITY && rng.nextDouble() < Math.exp(v)) return k;
        }
    }

    /** Prints the mean lengths of the two episode kinds (context for the timings). */
    static void printMeanLengths() {
        PriorBench b = new PriorBench();
        b.setUp();
        System.out.printf("mean length: policy-like %.1f, uniform-allowed %.1f%n",
                b.episode(true) / (double) BATCH, b.episode(false) / (double) BATCH);
    }

    public static void main(String[] args) throws Exception {
        printMeanLengths();
        new Runner(new OptionsBuilder().include(PriorBench.class.getSimpleName()).build()).run();
    }
}
