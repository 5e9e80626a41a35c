package io.dsr4j.policy.bench;

import io.dsr4j.api.policy.OptimizerSpec;
import io.dsr4j.api.policy.PolicyContext;
import io.dsr4j.api.policy.PolicyLoss;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.util.Rng;
import io.dsr4j.policy.RnnSpec;
import io.dsr4j.policy.lstm.JvmLstmPolicy;

/**
 * A quick, JMH-free timing loop (medians of thread CPU time over repeated calls) for iterating on the engine; the numbers to report
 * come from {@link PolicyBenchmark}. Args: maxLength threads [iterations [priors|const-priors|toy [float64|float32]]].
 */
public final class QuickTiming {

    /** CPU time of the calling thread: robust to other processes on a shared machine (threads=1 only). */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int maxLen = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int iters = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        String kind = args.length > 3 ? args[3] : "priors";
        JvmLstmPolicy.Precision precision = JvmLstmPolicy.Precision.of(args.length > 4 ? args[4] : "float64");
        io.dsr4j.api.policy.SamplingEnvironment env = BenchEnvironments.create(kind, maxLen);
        try (JvmLstmPolicy policy = new JvmLstmPolicy(RnnSpec.defaults(), new PolicyContext(env, 0, threads, OptimizerSpec.adam(5e-4)), precision)) {
            double[] s = new double[iters], tr = new double[iters], pr = new double[iters];
            long tokens = 0;
            for (int i = 0; i < iters; i++) {
                long t0 = CPU.getCurrentThreadCpuTime();
                SequenceBatch b = policy.sample(1000);
                long t1 = CPU.getCurrentThreadCpuTime();
                s[i] = (t1 - t0) / 1e6;
                for (int r = 0; r < b.size(); r++) tokens += b.length(r);
                int[] rows = new int[50];
                Rng rng = new Rng(i);
                for (int k = 0; k < 50; k++) rows[k] = rng.nextInt(1000);
                SequenceBatch top = b.select(rows);
                PolicyLoss loss = new PolicyLoss() {
                    @Override public double entropyGamma() { return 0.7; }

                    @Override
                    public double evaluate(double[] nlp, double[] ent, double[] gN, double[] gE) {
                        for (int k = 0; k < nlp.length; k++) {
                            gN[k] = 1.0 / nlp.length;
                            gE[k] = -0.03 / nlp.length;
                        }
                        return 0;
                    }
                };
                long t2 = CPU.getCurrentThreadCpuTime();
                policy.trainStep(top, loss);
                tr[i] = (CPU.getCurrentThreadCpuTime() - t2) / 1e6;
                var ep = env.start(1000);
                float[] buf = new float[1000 * env.library().size()];
                int[] acts = new int[1000];
                long t3 = CPU.getCurrentThreadCpuTime();
                Rng pick = new Rng(i);
                while (!ep.allFinished()) { // priors + tree bookkeeping alone, uniform choice among allowed
                    ep.priors(buf);
                    for (int r = 0; r < 1000; r++) {
                        int a;
                        do { a = pick.nextInt(env.library().size()); } while (buf[r * env.library().size() + a] == Float.NEGATIVE_INFINITY);
                        acts[r] = a;
                    }
                    ep.advance(acts);
                }
                pr[i] = (CPU.getCurrentThreadCpuTime() - t3) / 1e6;
            }
            System.out.printf("%s %s maxLen %d threads %d: sample1000 cpu-median %.2f ms (min %.2f), train50 median %.2f ms (min %.2f), env-only %.2f ms, mean length %.1f%n",
                    kind, precision.yamlName(), maxLen, threads, median(s), min(s), median(tr), min(tr), median(pr), tokens / (1000.0 * iters));
        }
    }

    private static double median(double[] a) {
        double[] c = a.clone();
        java.util.Arrays.sort(c);
        return c[c.length / 2];
    }

    private static double min(double[] a) {
        double m = Double.MAX_VALUE;
        for (double v : a) m = Math.min(m, v);
        return m;
    }
}
