package io.dsr4j.policy.bench;

import io.dsr4j.api.policy.OptimizerSpec;
import io.dsr4j.api.policy.PolicyContext;
import io.dsr4j.api.policy.PolicyLoss;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.util.Rng;
import io.dsr4j.policy.RnnSpec;
import io.dsr4j.policy.lstm.JvmLstmPolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.concurrent.TimeUnit;

/**
 * Policy-engine speed (targets on one core: sampling 1000 sequences ≤ 6 ms at max length 30, training step on
 * 50 sequences ≤ 3 ms). Environments: see {@link BenchEnvironments}. The default policy (1-layer 32-unit LSTM,
 * zeros init, parent + sibling one-hot) is uniform before priors, as at the start of training.
 *
 * <p>Run: {@code java -cp <test classpath> io.dsr4j.policy.bench.PolicyBenchmark [gc] [param=v1,v2 ...]}
 * ("gc" adds -prof gc, "scalar" runs without the Vector API kernel; e.g. {@code threads=1,2 maxLength=30 environment=priors}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-XX:+UseParallelGC", "--add-modules=jdk.incubator.vector"})
public class PolicyBenchmark {

    @Param({"30", "64"})
    public int maxLength;

    @Param({"1"})
    public int threads;

    /** "priors" (real PriorEnvironment, default regression priors) or "toy" (length + uniform arity only). */
    @Param({"priors", "toy"})
    public String environment;

    /** {@code policy.precision}: float64 (default) or float32 sampling. */
    @Param({"float64"})
    public String precision;

    private JvmLstmPolicy policy;
    private SequenceBatch trainBatch;
    private PolicyLoss loss;

    @Setup(Level.Trial)
    public void setUp() {
        policy = new JvmLstmPolicy(RnnSpec.defaults(), new PolicyContext(BenchEnvironments.create(environment, maxLength),
                0, threads, OptimizerSpec.adam(5e-4)), JvmLstmPolicy.Precision.of(precision));
        SequenceBatch all = policy.sample(1000);
        int[] rows = new int[50];
        Rng rng = new Rng(1);
        for (int i = 0; i < rows.length; i++) rows[i] = rng.nextInt(all.size());
        trainBatch = all.select(rows);
        double[] w = new double[rows.length];
        for (int i = 0; i < w.length; i++) w[i] = rng.nextDouble() / w.length;
        loss = new PolicyLoss() {
            @Override public double entropyGamma() { return 0.7; }

            @Override
            public double evaluate(double[] nlp, double[] ent, double[] gN, double[] gE) {
                double v = 0;
                for (int i = 0; i < nlp.length; i++) {
                    v += w[i] * nlp[i] - 0.03 * ent[i] / nlp.length;
                    gN[i] = w[i];
                    gE[i] = -0.03 / nlp.length;
                }
                return v;
            }
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        policy.close();
    }

    @Benchmark
    public SequenceBatch sample1000() {
        return policy.sample(1000);
    }

    @Benchmark
    public double trainStep50() {
        return policy.trainStep(trainBatch, loss);
    }

    public static void main(String[] args) throws RunnerException {
        ChainedOptionsBuilder o = new OptionsBuilder().include("\\.PolicyBenchmark\\.");
        for (String a : args) {
            if (a.equals("gc")) o.addProfiler("gc");
            else if (a.equals("scalar")) o.jvmArgsAppend("-Ddsr4j.vector=false");
            else if (a.contains("=")) o.param(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1).split(","));
        }
        new Runner(o.build()).run();
    }
}
