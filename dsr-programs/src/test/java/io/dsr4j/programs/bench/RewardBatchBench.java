package io.dsr4j.programs.bench;

import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.reward.Metric;
import io.dsr4j.api.token.Library;
import io.dsr4j.programs.eval.Workspace;
import io.dsr4j.programs.reward.BuiltinRewardsPlugin;
import io.dsr4j.programs.task.RegressionTask;
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

import java.util.concurrent.TimeUnit;

/**
 * The reward step of one DSR iteration: score a batch of 1000 random Koza programs (lengths 4-30) on 20 rows,
 * compile + evaluate + inv_nrmse included, on one thread. Target: at most 1 ms per batch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-XX:+UseSerialGC"})
public class RewardBatchBench {

    RegressionTask task;
    int[][] batch;
    Workspace ws;

    @Setup(Level.Trial)
    public void setup() {
        Library lib = BenchData.koza();
        Dataset data = BenchData.nguyen1(20, 1);
        Metric metric = BuiltinRewardsPlugin.factories().get("inv_nrmse").create(data.yTrain(), new double[] {1.0});
        task = new RegressionTask(data, lib, metric, null, 1e-12, false);
        batch = BenchData.batch(lib, 1000, 2);
        ws = task.newWorkspace();
    }

    /** Whole batch; returns the reward sum so nothing is dead code. */
    @Benchmark
    public double scoreBatch() {
        double s = 0;
        for (int[] t : batch) s += task.score(t, ws).reward();
        return s;
    }
}
