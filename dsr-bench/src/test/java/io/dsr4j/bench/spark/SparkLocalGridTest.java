package io.dsr4j.bench.spark;

import io.dsr4j.bench.BenchApp;
import io.dsr4j.bench.TrainerRunExecutor;
import io.dsr4j.config.PluginRegistry;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tiny grid on Spark embedded in this JVM ({@code local[2]}) gives the same rows and run files as the thread
 * executor, and either can finish a grid the other started.
 */
@Tag("slow")
class SparkLocalGridTest {

    @TempDir
    static Path dir;

    static Path grid;
    static Path threads;
    static Path spark;
    static String sparkPrinted;
    static final PluginRegistry registry = PluginRegistry.load();
    static final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

    @BeforeAll
    static void runWithThreadsAndOnSpark() throws Exception {
        grid = TinyGrid.write(dir, 2000);
        threads = dir.resolve("threads");
        try (TrainerRunExecutor executor = new TrainerRunExecutor(registry)) {
            assertEquals(BenchApp.OK, BenchApp.run(grid, threads, 2, false, executor, quiet));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        spark = dir.resolve("spark");
        assertEquals(BenchApp.OK, runOnSpark(spark, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        sparkPrinted = bytes.toString(StandardCharsets.UTF_8);
    }

    static int runOnSpark(Path out, PrintStream print) throws Exception {
        SparkConf conf = SparkSetup.conf("local[2]", "tiny")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        try (TrainerRunExecutor executor = new TrainerRunExecutor(registry)) {
            return BenchApp.run(grid, out, false, null, executor, new SparkDispatcher(conf, List.of(), executor, print), print);
        }
    }

    @Test
    void sparkGivesTheThreadExecutorsRowsAndFiles() throws Exception {
        TinyGrid.assertSameResults(threads, spark);
        for (String f : List.of("table.md", "table.csv", "recovery.png", "settings.yaml", "grid.yaml")) {
            assertTrue(Files.size(spark.resolve(f)) > 0, f);
        }
        assertEquals(untimed(threads.resolve("table.md")), untimed(spark.resolve("table.md")));
        String printed = sparkPrinted;
        assertTrue(printed.contains("12 to run, as Spark tasks on local[2]"), printed);
        assertTrue(printed.contains("[12/12] "), printed);
        assertTrue(printed.matches("(?s).*\\[6/12] .*\\(recovered \\d+/6 so far, ETA \\d+m\\d\\ds\\).*"), printed);
    }

    /**
     * The variants train differently on the executors, not only in config.yaml (which the driver writes): vanilla PG
     * trains on the whole batch (epsilon 1: the subset's mean reward is the batch's), risk-seeking on its top 5 %.
     * With the tiny grid's budget (8 iterations at learning rate 5e-4) the policy barely moves and both variants
     * sample from the same seeded random stream, so their batches, and mostly their best expressions, coincide; the
     * training signal is what tells them apart.
     */
    @Test
    void eachVariantsEstimatorRunsOnTheExecutors() throws Exception {
        for (String run : List.of("Nguyen-1/seed_0", "Nguyen-1/seed_1", "data_cubic/seed_0")) {
            List<Double> vpgFull = TinyGrid.iterationColumn(spark, "vpg/" + run, "r_avg_full");
            assertEquals(vpgFull, TinyGrid.iterationColumn(spark, "vpg/" + run, "r_avg_sub"), "vpg " + run);
            List<Double> dsrFull = TinyGrid.iterationColumn(spark, "dsr/" + run, "r_avg_full");
            List<Double> dsrSub = TinyGrid.iterationColumn(spark, "dsr/" + run, "r_avg_sub");
            for (int i = 0; i < dsrFull.size(); i++) {
                assertTrue(dsrSub.get(i) > dsrFull.get(i), "dsr " + run + " iteration " + i + ": top 5 % only");
            }
            assertEquals(dsrFull.get(0), vpgFull.get(0), "same first batch (same seed, same initial policy)");
            assertTrue(!dsrFull.equals(vpgFull), "different updates: later batches differ, " + run);
        }
    }

    @Test
    void sparkFinishesAGridStartedWithThreadsAndViceVersa() throws Exception {
        Path mixed = dir.resolve("threads-then-spark");
        copy(threads, mixed);
        List<String> dropped = TinyGrid.dropLastRows(mixed, 3);
        // as a driver killed while writing a run's returned files leaves it (the run is not recorded, so it reruns)
        Path staleDir = mixed.resolve("runs").resolve(dropped.get(0));
        Files.writeString(staleDir.resolve(".hof.csv.3k2j9x.tmp"), "rank,r,compl");
        assertEquals(BenchApp.OK, runOnSpark(mixed, quiet));
        TinyGrid.assertSameResults(threads, mixed);

        Path back = dir.resolve("spark-then-threads");
        copy(mixed, back);
        TinyGrid.dropLastRows(back, 2);
        try (TrainerRunExecutor executor = new TrainerRunExecutor(registry)) {
            assertEquals(BenchApp.OK, BenchApp.run(grid, back, 2, false, executor, quiet));
        }
        TinyGrid.assertSameResults(threads, back);
    }

    /** A table without its wall-clock seconds. */
    static String untimed(Path table) throws Exception {
        return Files.readString(table).replaceAll("[0-9.]+ s /", "- s /");
    }

    static void copy(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
