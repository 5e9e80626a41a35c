package io.dsr4j.bench.spark;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.bench.BenchApp;
import io.dsr4j.bench.GridSelection;
import io.dsr4j.bench.TrainerRunExecutor;
import io.dsr4j.config.PluginRegistry;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code dsr bench GRID --spark [MASTER]}: {@link BenchApp#run} with the runs as Spark tasks. Its signatures hold no
 * Spark type, so the CLI can call it without loading Spark unless Spark mode is chosen.
 */
public final class SparkBench {

    private SparkBench() { }

    /** Whether Spark is on the class path (./dsr adds it for --spark; spark-submit provides it). */
    public static boolean available() {
        try {
            Class.forName("org.apache.spark.SparkConf", false, SparkBench.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Runs under spark-submit: it sets the {@code spark.master} system property before calling the main class. */
    public static boolean underSparkSubmit() {
        return System.getProperty("spark.master") != null;
    }

    /**
     * @param master      {@code local[N]}, {@code spark://HOST:PORT}, ...; null or blank: spark-submit's master
     * @param pluginPaths plugin directories and jars of this process, shipped to the executors
     * @return {@link BenchApp#OK} or {@link BenchApp#SOME_RUNS_FAILED}
     */
    public static int run(Path gridFile, Path outDir, boolean quick, Integer seeds, String master, List<Path> pluginPaths,
                          PluginRegistry registry, PrintStream out) throws IOException, InterruptedException {
        return run(gridFile, outDir, GridSelection.of(quick, seeds), master, pluginPaths, registry, () -> false, out);
    }

    /**
     * As {@link #run(Path, Path, boolean, Integer, String, List, PluginRegistry, PrintStream)}, for a part of the grid,
     * stopping when {@code stop} turns true: the job is cancelled, runs finished before are recorded, the others not
     * (a Spark task keeps no checkpoint: running the grid again starts them over, with the same result).
     *
     * @return {@link BenchApp#OK}, {@link BenchApp#SOME_RUNS_FAILED} or {@link BenchApp#INTERRUPTED}
     */
    public static int run(Path gridFile, Path outDir, GridSelection selection, String master, List<Path> pluginPaths,
                          PluginRegistry registry, BooleanSupplier stop, PrintStream out)
            throws IOException, InterruptedException {
        if (!available()) {
            throw new ConfigException("--spark: Apache Spark is not on the class path. Start the command with ./dsr, "
                    + "which adds the Spark jars the build resolved (dsr-bench/target/spark-classpath.txt), or submit "
                    + "the CLI jar with spark-submit on a cluster");
        }
        try (TrainerRunExecutor executor = new TrainerRunExecutor(registry)) {
            String app = "dsr4j bench " + gridFile.getFileName();
            SparkDispatcher dispatcher = new SparkDispatcher(SparkSetup.conf(master, app), pluginPaths, executor, out);
            return BenchApp.run(gridFile, outDir, selection, executor, dispatcher, stop, out);
        }
    }
}
