package io.dsr4j.policy.bench;

import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.PolicyLoss;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.util.Rng;
import io.dsr4j.policy.TestToken;
import io.dsr4j.policy.ToyEnvironment;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * JMH-free timing of the engines of {@link Dl4jPolicyBenchmark}: medians of the calling thread's CPU time, which on
 * a shared machine is far less noisy than wall time (ND4J runs its ops on the calling thread with
 * {@code OMP_NUM_THREADS=1}). Args: maxLength [iterations [engines...]].
 */
public final class Dl4jQuickTiming {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int maxLen = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int iters = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        String[] engines = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : new String[] {"dl4j-float", "dl4j-double", "lstm"};
        ToyEnvironment env = new ToyEnvironment(TestToken.koza(), 4, maxLen, true);
        for (String engine : engines) {
            try (Policy policy = Dl4jPolicyBenchmark.create(engine, env)) {
                double[] s = new double[iters], tr = new double[iters];
                long tokens = 0;
                for (int i = 0; i < iters; i++) {
                    long t0 = CPU.getCurrentThreadCpuTime();
                    SequenceBatch b = policy.sample(1000);
                    s[i] = (CPU.getCurrentThreadCpuTime() - t0) / 1e6;
                    for (int r = 0; r < b.size(); r++) tokens += b.length(r);
                    Rng rng = new Rng(i);
                    SequenceBatch top = Dl4jPolicyBenchmark.trainingRows(b, rng);
                    PolicyLoss loss = Dl4jPolicyBenchmark.pgLoss(top.size(), rng);
                    long t1 = CPU.getCurrentThreadCpuTime();
                    policy.trainStep(top, loss);
                    tr[i] = (CPU.getCurrentThreadCpuTime() - t1) / 1e6;
                }
                int skip = iters / 4; // JIT warm-up
                double[] sw = Arrays.copyOfRange(s, skip, iters), tw = Arrays.copyOfRange(tr, skip, iters);
                System.out.printf("%-11s maxLen %d: sample1000 cpu median %.1f ms (min %.1f), train50 median %.1f ms (min %.1f), mean length %.1f%n",
                        engine, maxLen, median(sw), min(sw), median(tw), min(tw), tokens / (1000.0 * iters));
            }
        }
    }

    private static double median(double[] a) {
        double[] c = a.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static double min(double[] a) {
        return Arrays.stream(a).min().orElse(Double.NaN);
    }
}
