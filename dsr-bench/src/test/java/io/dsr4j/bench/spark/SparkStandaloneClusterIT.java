package io.dsr4j.bench.spark;

import io.dsr4j.bench.BenchApp;
import io.dsr4j.bench.ResultsFile;
import io.dsr4j.bench.TrainerRunExecutor;
import io.dsr4j.config.PluginRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real Spark standalone cluster on 127.0.0.1, from the Maven artifacts: a master and two workers, each its own JVM
 * (each worker starts its executor JVM), and the grid submitted with spark-submit's own class (SparkSubmit) and the
 * CLI jar, which holds no Spark. Faults are real: {@code kill -9} of a worker and its executor while tasks run, and
 * of the driver mid-grid. Every process is started and stopped here.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkStandaloneClusterIT {

    static final Path TARGET = Path.of("target").toAbsolutePath();
    static final Duration STEP = Duration.ofMinutes(4);

    @TempDir
    static Path dir;

    static final List<Process> started = new CopyOnWriteArrayList<>();
    static Path grid;
    static Path reference;
    static String sparkClassPath;
    static List<String> javaOptions;
    static Path sparkHome;
    static String masterUrl;
    static final List<Process> workers = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        sparkClassPath = Files.readString(TARGET.resolve("spark-classpath.txt")).trim();
        javaOptions = Arrays.asList(System.getProperty("spark.java.options", "").trim().split("\\s+"));
        assertTrue(Files.isRegularFile(cliJar()), "run after 'package': " + cliJar());

        // The reference: the same grid with the thread executor, in this JVM.
        grid = TinyGrid.write(dir, 20_000);
        reference = dir.resolve("threads");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (TrainerRunExecutor executor = new TrainerRunExecutor(PluginRegistry.load())) {
            assertEquals(BenchApp.OK, BenchApp.run(grid, reference, 2, false, executor, quiet));
        }

        // SPARK_HOME as a worker needs it: jars/ holds Spark's runtime (the executors' class path is SPARK_HOME/jars/*).
        sparkHome = dir.resolve("spark-home");
        Files.createDirectories(sparkHome.resolve("jars"));
        for (String jar : sparkClassPath.split(File.pathSeparator)) {
            Path link = sparkHome.resolve("jars").resolve(Path.of(jar).getFileName());
            if (!Files.exists(link)) Files.createSymbolicLink(link, Path.of(jar));
        }
        int port = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        Process master = java("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort()));
        waitFor(() -> log("master").contains("I have been elected leader"), "the master to start", master);
        for (int i = 1; i <= 2; i++) {
            Process w = java("worker" + i, "org.apache.spark.deploy.worker.Worker", masterUrl, "--host", "127.0.0.1",
                    "--cores", "1", "--memory", "1g", "--webui-port", String.valueOf(freePort()),
                    "--work-dir", dir.resolve("work" + i).toString());
            workers.add(w);
            int n = i;
            waitFor(() -> log("worker" + n).contains("Successfully registered with master"), "worker " + i + " to register", w);
        }
    }

    @AfterAll
    static void stopEverything() throws IOException {
        // Keep the logs (the temporary folder goes): target/spark-it-logs/
        Path keep = TARGET.resolve("spark-it-logs");
        Files.createDirectories(keep);
        try (var s = Files.list(dir)) {
            for (Path f : s.filter(x -> x.toString().endsWith(".log")).toList()) {
                Files.copy(f, keep.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : started) {
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aDriverKilledMidGridLosesAndRepeatsNothingWhenRerun() throws Exception {
        Path out = dir.resolve("driver-killed");
        Process driver = submit("driver-killed-1", out);
        waitFor(() -> rows(out) >= 3, "3 finished runs", driver);
        driver.descendants().forEach(ProcessHandle::destroyForcibly);
        driver.destroyForcibly();   // SIGKILL
        assertTrue(driver.waitFor(30, TimeUnit.SECONDS));
        int before = rows(out);
        assertTrue(before >= 3 && before < TinyGrid.RUNS, "killed mid-grid, with " + before + " runs recorded");

        Process again = submit("driver-killed-2", out);
        assertTrue(again.waitFor(STEP.toSeconds(), TimeUnit.SECONDS), "the rerun finishes");
        assertEquals(0, again.exitValue(), logs());
        assertTrue(log("driver-killed-2").contains(before + " already in"), log("driver-killed-2"));
        assertTrue(log("driver-killed-2").contains((TinyGrid.RUNS - before) + " to run"), log("driver-killed-2"));
        TinyGrid.assertSameResults(reference, out);
    }

    @Test
    @Order(2)
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aWorkerKilledWhileTasksRunChangesNoRow() throws Exception {
        Path out = dir.resolve("worker-killed");
        Process driver = submit("worker-killed", out);
        waitFor(() -> rows(out) >= 2, "2 finished runs", driver);
        Process victim = workers.get(0);
        List<ProcessHandle> executors = victim.descendants().toList();
        assertTrue(!executors.isEmpty(), "the worker runs an executor");
        executors.forEach(ProcessHandle::destroyForcibly);   // its executor JVM, running a task
        victim.destroyForcibly();                              // and the worker JVM: a lost machine
        assertTrue(rows(out) < TinyGrid.RUNS, "killed while runs were left");

        assertTrue(driver.waitFor(STEP.toSeconds(), TimeUnit.SECONDS), "the grid finishes on the other worker");
        assertEquals(0, driver.exitValue(), logs());
        String log = log("worker-killed");
        assertTrue(log.contains("Lost executor"), "the driver saw the executor go:\n" + log);
        // The killed executor was running a run: Spark started a second attempt of that task ("task 1.1").
        assertTrue(java.util.regex.Pattern.compile("Starting task \\d+\\.1 ").matcher(log).find(),
                "a task was retried:\n" + log);
        TinyGrid.assertSameResults(reference, out);
    }

    @Test
    @Order(3)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aBrokenPluginFailsItsRunsOnlyAndIsReportedNotRetried() throws Exception {
        Path jar = BrokenEstimatorPlugin.writeJar(dir.resolve("broken-plugin.jar"));
        Path brokenGrid = dir.resolve("broken.yaml");
        Files.writeString(brokenGrid, """
                name: broken
                overrides: {training.n_samples: 2000, training.batch_size: 250}
                variants:
                  dsr: {}
                  broken: {estimator.type: broken}
                benchmarks: [Nguyen-1]
                seeds: 2
                """);
        Path out = dir.resolve("broken");
        Process driver = java("broken", "org.apache.spark.deploy.SparkSubmit", submitOptions(
                "bench", brokenGrid.toString(), "--out", out.toString(), "--plugins", jar.toString()));
        assertTrue(driver.waitFor(STEP.toSeconds(), TimeUnit.SECONDS), "the grid finishes");
        assertEquals(1, driver.exitValue(), "a failed run gives exit 1\n" + logs());
        assertEquals(2, rows(out), "the dsr runs finished");
        List<String> failures = Files.readAllLines(out.resolve("failures.csv"));
        assertEquals(3, failures.size(), "one line per broken run, not one per Spark attempt: " + failures);
        assertTrue(failures.get(1).contains("UnsupportedOperationException: " + BrokenEstimatorPlugin.MESSAGE), failures.get(1));
        String trace = Files.readString(out.resolve("runs/broken/Nguyen-1/seed_0/error.txt"));
        assertTrue(trace.contains(BrokenEstimatorPlugin.MESSAGE) && trace.contains("\tat "), trace);
        assertTrue(!log("broken").contains("Lost task"), "Spark retried nothing");
    }

    /** spark-submit (its main class, from the Maven artifacts) of the CLI jar: {@code bench GRID --out DIR}. */
    static Process submit(String name, Path out) throws IOException {
        return java(name, "org.apache.spark.deploy.SparkSubmit", submitOptions("bench", grid.toString(), "--out", out.toString()));
    }

    /** The README's spark-submit options for a standalone master, then the CLI jar and {@code args}. */
    static String[] submitOptions(String... args) {
        List<String> o = new ArrayList<>(List.of("--master", masterUrl, "--class", "io.dsr4j.bench.cli.Main",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.executor.memory=768m",
                "--conf", "spark.driver.userClassPathFirst=true", "--conf", "spark.executor.userClassPathFirst=true",
                cliJar().toString()));
        o.addAll(List.of(args));
        return o.toArray(String[]::new);
    }

    static Path cliJar() {
        return TARGET.resolve("dsr4j-cli.jar");
    }

    static Process java(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx768m");
        cmd.addAll(javaOptions);
        cmd.add("-cp");
        cmd.add(sparkClassPath);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.12");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        started.add(p);
        return p;
    }

    static String log(String name) {
        try {
            Path f = dir.resolve(name + ".log");
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "";
        }
    }

    static int rows(Path out) {
        Path f = out.resolve(ResultsFile.NAME);
        return Files.exists(f) ? ResultsFile.read(f).size() : 0;
    }

    /** Waits (bounded) until {@code done}, failing early, with the logs, if {@code p} exits first. */
    static void waitFor(BooleanSupplier done, String what, Process p) throws InterruptedException {
        long end = System.nanoTime() + STEP.toNanos();
        while (!done.getAsBoolean()) {
            if (!p.isAlive()) fail("process exited (" + p.exitValue() + ") before " + what + "\n" + logs());
            if (System.nanoTime() > end) fail("timed out waiting for " + what + "\n" + logs());
            Thread.sleep(200);
        }
    }

    /** The end of every log, for a failure message. */
    static String logs() {
        StringBuilder sb = new StringBuilder();
        try (var s = Files.list(dir)) {
            for (Path f : s.filter(x -> x.toString().endsWith(".log")).sorted().toList()) {
                String log = Files.readString(f);
                sb.append("== ").append(f.getFileName()).append('\n')
                        .append(log.length() > 4000 ? log.substring(log.length() - 4000) : log).append('\n');
            }
        } catch (IOException e) {
            sb.append(e);
        }
        return sb.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
