package io.dsr4j.policy.bench;

import io.dsr4j.api.policy.OptimizerSpec;
import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.PolicyContext;
import io.dsr4j.api.policy.PolicyLoss;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.util.Rng;
import io.dsr4j.policy.RnnSpec;
import io.dsr4j.policy.TestToken;
import io.dsr4j.policy.ToyEnvironment;
import io.dsr4j.policy.dl4j.Dl4jLstmPolicy;
import io.dsr4j.policy.lstm.JvmLstmPolicy;
import org.nd4j.linalg.api.buffer.DataType;
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
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.concurrent.TimeUnit;

/**
 * Speed of {@code dl4j-lstm} (float and double) next to the plain-Java {@code lstm} engine, in one run so that all
 * engines see the same machine load: sampling 1000 sequences and one training step on 50 of them, at max length 30
 * and 64. Same set-up as {@code PolicyBenchmark}: Koza set, hard length constraint [4, maxLength], soft
 * uniform-arity prior, default policy (1-layer 32-unit LSTM, zeros init, one-hot parent + sibling), one thread.
 *
 * <p>Run: {@code OMP_NUM_THREADS=1 java -cp <test classpath> io.dsr4j.policy.bench.Dl4jPolicyBenchmark [JMH options]}.
 * DL4J's training step keeps speeding up for a few hundred calls (JIT of DL4J's deep call paths on a busy
 * machine): for steady-state numbers use e.g. {@code -wi 15 Dl4jPolicyBenchmark.trainStep50}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"})
public class Dl4jPolicyBenchmark {

    @Param({"30", "64"})
    public int maxLength;

    @Param({"dl4j-float", "dl4j-double", "lstm"})
    public String engine;

    private Policy policy;
    private SequenceBatch trainBatch;
    private PolicyLoss loss;

    static Policy create(String engine, ToyEnvironment env) {
        OptimizerSpec adam = OptimizerSpec.adam(5e-4);
        return switch (engine) {
            case "dl4j-float" -> new Dl4jLstmPolicy(env, RnnSpec.defaults(), DataType.FLOAT, 0, adam);
            case "dl4j-double" -> new Dl4jLstmPolicy(env, RnnSpec.defaults(), DataType.DOUBLE, 0, adam);
            case "lstm" -> new JvmLstmPolicy(RnnSpec.defaults(), new PolicyContext(env, 0, 1, adam));
            default -> throw new IllegalArgumentException(engine);
        };
    }

    /** 50 random rows of a 1000-sample batch and a PG-like loss with fixed weights. */
    static SequenceBatch trainingRows(SequenceBatch all, Rng rng) {
        int[] rows = new int[50];
        for (int i = 0; i < rows.length; i++) rows[i] = rng.nextInt(all.size());
        return all.select(rows);
    }

    static PolicyLoss pgLoss(int n, Rng rng) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = rng.nextDouble() / n;
        return new PolicyLoss() {
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

    @Setup(Level.Trial)
    public void setUp() {
        ToyEnvironment env = new ToyEnvironment(TestToken.koza(), 4, maxLength, true);
        policy = create(engine, env);
        Rng rng = new Rng(1);
        trainBatch = trainingRows(policy.sample(1000), rng);
        loss = pgLoss(trainBatch.size(), rng);
    }

    @TearDown(Level.Trial)
    public void tearDown() { policy.close(); }

    @Benchmark
    public SequenceBatch sample1000() { return policy.sample(1000); }

    @Benchmark
    public double trainStep50() { return policy.trainStep(trainBatch, loss); }

    /** JMH command-line options, e.g. {@code -wi 15 -p engine=dl4j-float trainStep50}; default: everything here. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions cli = new CommandLineOptions(args);
        var options = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) options.include(Dl4jPolicyBenchmark.class.getSimpleName());
        new Runner(options.build()).run();
    }
}
