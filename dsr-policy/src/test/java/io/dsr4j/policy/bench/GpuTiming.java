package io.dsr4j.policy.bench;

import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.PolicyLoss;
import io.dsr4j.api.policy.SamplingEnvironment;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.util.Rng;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * Wall-clock timing of the policy engines at large batches, for {@code scripts/gpu-check} (with {@code -Pcuda} the
 * {@code dl4j-*} engines run on the GPU; {@code lstm} always runs on the CPU, one thread). Per engine and batch size:
 * median of {@code iterations} (after a quarter as warm-up) of {@code sample(batch)} and of one training step on the
 * top 5 % of the batch. Args: maxLength iterations batch[,batch...] engine...
 */
public final class GpuTiming {

    public static void main(String[] args) {
        int maxLen = Integer.parseInt(args[0]);
        int iters = Integer.parseInt(args[1]);
        int[] batches = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        String[] engines = Arrays.copyOfRange(args, 3, args.length);
        System.out.println("ND4J backend: " + Nd4j.getBackend().getClass().getName()
                + ", devices: " + Nd4j.getAffinityManager().getNumberOfDevices());
        SamplingEnvironment env = BenchEnvironments.create("priors", maxLen);
        for (String engine : engines) {
            for (int batch : batches) {
                try (Policy policy = Dl4jPolicyBenchmark.create(engine, env)) {
                    double[] s = new double[iters], tr = new double[iters];
                    long tokens = 0;
                    for (int i = 0; i < iters; i++) {
                        long t0 = System.nanoTime();
                        SequenceBatch b = policy.sample(batch);
                        s[i] = (System.nanoTime() - t0) / 1e6;
                        for (int r = 0; r < b.size(); r++) tokens += b.length(r);
                        Rng rng = new Rng(i);
                        int[] rows = new int[Math.max(1, batch / 20)];
                        for (int k = 0; k < rows.length; k++) rows[k] = rng.nextInt(b.size());
                        SequenceBatch top = b.select(rows);
                        PolicyLoss loss = Dl4jPolicyBenchmark.pgLoss(top.size(), rng);
                        long t1 = System.nanoTime();
                        policy.trainStep(top, loss);
                        tr[i] = (System.nanoTime() - t1) / 1e6;
                    }
                    int skip = iters / 4;
                    System.out.printf("%-11s batch %5d maxLen %d: sample median %.1f ms, train on top 5%% median %.1f ms, mean length %.1f%n",
                            engine, batch, maxLen, median(Arrays.copyOfRange(s, skip, iters)),
                            median(Arrays.copyOfRange(tr, skip, iters)), tokens / ((double) batch * iters));
                }
            }
        }
    }

    private static double median(double[] a) {
        double[] c = a.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
