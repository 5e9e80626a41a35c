package io.dsr4j.policy.bench;

import io.dsr4j.api.policy.OptimizerSpec;
import io.dsr4j.api.policy.PolicyContext;
import io.dsr4j.policy.RnnSpec;
import io.dsr4j.policy.lstm.JvmLstmPolicy;

/**
 * Sampling alone, for A/B comparisons on a shared machine: the same untrained policy samples 1000 sequences (max
 * length 30) over and over, so every call does the same work; prints the median and lower quartile of the calling
 * thread's CPU time (robust to other processes taking turns on the cores, unlike wall time). Args: precision
 * (float64|float32), calls, environment (priors|const-priors|toy, see {@link BenchEnvironments}).
 */
public final class SampleTiming {

    public static void main(String[] args) {
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        String precision = args.length > 0 ? args[0] : "float64";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        String env = args.length > 2 ? args[2] : "priors";
        try (JvmLstmPolicy p = new JvmLstmPolicy(RnnSpec.defaults(), new PolicyContext(BenchEnvironments.create(env, 30), 0, 1,
                OptimizerSpec.adam(5e-4)), JvmLstmPolicy.Precision.of(precision))) {
            for (int i = 0; i < 300; i++) p.sample(1000); // warm-up: the Vector API runs interpreted until compiled
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                long a = cpu.getCurrentThreadCpuTime();
                p.sample(1000);
                t[i] = (cpu.getCurrentThreadCpuTime() - a) / 1e6;
            }
            java.util.Arrays.sort(t);
            System.out.printf("%s %s: sample1000 thread-CPU median %.3f ms, lower quartile %.3f ms%n", env, precision, t[n / 2], t[n / 4]);
        }
    }
}
