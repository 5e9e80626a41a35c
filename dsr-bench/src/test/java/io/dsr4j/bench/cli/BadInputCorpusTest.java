package io.dsr4j.bench.cli;

import io.dsr4j.train.cli.DsrCli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input corpus of issue 11, through the real CLI (all commands, the real plugins): every case exits 2 with one
 * "dsr: error:" paragraph that names the file, line or key, no stack trace, and nothing written (no output folder,
 * nothing on standard output but what a run prints before it checks).
 */
@Tag("slow")
class BadInputCorpusTest {

    @TempDir
    Path dir;

    /** A case: how to set it up in a fresh folder, the arguments ({@code OUT} is the output folder) and what the message must say. */
    record Case(String name, Setup setup, List<String> args, List<String> expected) {
        @Override
        public String toString() { return name; }
    }

    @FunctionalInterface
    interface Setup {
        void in(Path dir) throws IOException;

        default Setup and(Setup next) {
            return d -> {
                in(d);
                next.in(d);
            };
        }

        default Setup andGrid() {
            return and(grid());
        }

        /** A valid one-run grid, g.yaml. */
        static Setup grid() {
            return d -> Files.writeString(d.resolve("g.yaml"), "name: g\nvariants: {dsr: {}}\nbenchmarks: [Nguyen-1]\nseeds: 1\n");
        }
    }

    private static final Setup NOTHING = d -> { };

    private static Case c(String name, Setup setup, String args, String... expected) {
        return new Case(name, setup, List.of(args.split(" ")), List.of(expected));
    }

    private static Setup file(String name, String content) {
        return d -> Files.writeString(d.resolve(name), content);
    }

    private static Setup bytes(String name, byte[] content) {
        return d -> Files.write(d.resolve(name), content);
    }

    private static final String SMALL = "--set training.n_samples=2000 --set logging.progress=off";

    static Stream<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        // configuration (run and config)
        cases.add(c("n_threads 100000", NOTHING, "run --set training.n_threads=100000 --out OUT", "training.n_threads", "1024"));
        cases.add(c("n_threads in dsr config", NOTHING, "config --set training.n_threads=100000", "training.n_threads", "1024"));
        cases.add(c("batch_size 1e9", NOTHING, "run --set training.batch_size=1e9 --out OUT", "training.batch_size", "array"));
        cases.add(c("batch_size beyond memory", NOTHING, "run --set training.batch_size=3000000 --out OUT",
                "training.batch_size", "needs about", "Java may use"));
        cases.add(c("batch_size beyond memory in dsr config", NOTHING, "config --set training.batch_size=3000000",
                "training.batch_size", "needs about"));
        cases.add(c("function set without operator", NOTHING, "run --set task.function_set=[const,1.0] --out OUT",
                "task.function_set", "no operator"));
        cases.add(c("function set without operator in dsr config", NOTHING, "config --set task.function_set=[const,1.0]",
                "task.function_set", "no operator"));
        cases.add(c("typo in a section name", file("e.yaml", "trainng:\n  n_samples: 10\n"), "run DIR/e.yaml --out OUT",
                "e.yaml:1:1", "trainng"));
        cases.add(c("unknown policy type", file("e.yaml", "policy: {type: lstmm}\n"), "run DIR/e.yaml --out OUT",
                "e.yaml:1", "policy.type", "lstm"));
        cases.add(c("wrong type", file("e.yaml", "training:\n  batch_size: many\n"), "run DIR/e.yaml --out OUT",
                "e.yaml:2", "training.batch_size"));
        cases.add(c("yaml syntax error", file("e.yaml", "task:\n  function_set: [add, mul\n"), "run DIR/e.yaml --out OUT", "e.yaml"));
        cases.add(c("config file missing", NOTHING, "run DIR/nope.yaml --out OUT", "nope.yaml"));
        // data files
        cases.add(c("UTF-16 CSV", bytes("d.csv", "x,y\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_16)),
                "run --set task.dataset=DIR/d.csv --out OUT", "d.csv", "UTF-16", "UTF-8"));
        cases.add(c("Latin-1 CSV", bytes("d.csv", "x,y\n1,2\n3,4\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)),
                "run --set task.dataset=DIR/d.csv --out OUT", "d.csv line 3", "not UTF-8"));
        cases.add(c("CSV with +-1e308", file("d.csv", "x,y\n1,1e308\n2,-1e308\n3,1\n"),
                "run --set task.dataset=DIR/d.csv --out OUT", "d.csv line 2, column 2 ('y')", "too large", "rescale"));
        cases.add(c("CSV that is a folder", d -> Files.createDirectory(d.resolve("d.csv")),
                "run --set task.dataset=DIR/d.csv --out OUT", "d.csv", "directory"));
        cases.add(c("CSV missing", NOTHING, "run --set task.dataset=DIR/d.csv --out OUT", "d.csv", "does not exist"));
        cases.add(c("CSV ragged row", file("d.csv", "1,2\n3,4,5\n"), "run --set task.dataset=DIR/d.csv --out OUT",
                "d.csv line 2", "3 columns"));
        cases.add(c("CSV non-number", file("d.csv", "1,2\n3,abc\n"), "run --set task.dataset=DIR/d.csv --out OUT",
                "d.csv line 2, column 2", "'abc'"));
        cases.add(c("CSV NaN", file("d.csv", "1,2\n3,NaN\n"), "run --set task.dataset=DIR/d.csv --out OUT",
                "d.csv line 2, column 2", "finite"));
        cases.add(c("CSV with 100000 columns", d -> {
            StringBuilder rows = new StringBuilder();
            for (int r = 1; r <= 3; r++) {
                for (int i = 0; i <= 100_000; i++) rows.append(i == 0 ? "" : ",").append(i * r % 7);
                rows.append('\n');
            }
            Files.writeString(d.resolve("d.csv"), rows);
        }, "run --set task.dataset=DIR/d.csv --out OUT", "training.batch_size", "100000 of them inputs"));
        // command line
        cases.add(c("run --out is a file", file("f", "x"), "run " + SMALL + " --out DIR/f", "--out", "is a file"));
        cases.add(c("run --out below a file", file("f", "x"), "run " + SMALL + " --out DIR/f/sub", "--out", "is a file"));
        cases.add(c("data --out is a file", file("f", "x"), "data Nguyen-1 --out DIR/f", "--out", "is a file"));
        cases.add(c("bench --out is a file", file("f", "x").andGrid(), "bench DIR/g.yaml --out DIR/f", "--out", "is a file"));
        cases.add(c("run --parallel 0", NOTHING, "run --parallel 0 --out OUT", "--parallel"));
        cases.add(c("run --runs 0", NOTHING, "run --runs 0 --out OUT", "--runs"));
        cases.add(c("run --resume of a folder that is not a run", d -> Files.createDirectory(d.resolve("r")),
                "run --resume DIR/r", "not a run directory"));
        cases.add(c("run --resume with a config", NOTHING, "run DIR/x.yaml --resume DIR/r", "--resume takes the run directory only"));
        cases.add(c("data: unknown benchmark", NOTHING, "data Nguyen-99 --out OUT", "Nguyen-99"));
        cases.add(c("data: negative noise", NOTHING, "data Nguyen-1 --noise -1 --out OUT", "--noise"));
        // damaged run directories
        cases.add(c("run.yaml with a bad seed", runDir("format: 1\nseeds: [1, x2]\nparallel: 1\n"), "run --resume DIR/r",
                "run.yaml line 2", "seeds", "'x2'"));
        cases.add(c("run.yaml garbage", runDir("\u0000\u0001garbage\n"), "run --resume DIR/r", "run.yaml", "damaged"));
        cases.add(c("run.yaml changed after writing", runDir("# x\nformat: 1\nseeds: [0, 1]\nparallel: 1\ncrc32c: 00000000\n"),
                "run --resume DIR/r", "run.yaml", "checksum"));
        cases.add(c("garbage checkpoint", runDir("seeds: [0]\n").and(d -> {
            Files.createDirectories(d.resolve("r/seed_0"));
            Files.writeString(d.resolve("r/seed_0/checkpoint.bin"), "not a checkpoint at all");
        }), "run --resume DIR/r", "seed_0/checkpoint.bin is damaged", "start seed 0 over"));
        // grids
        cases.add(c("bench --parallel 0", Setup.grid(), "bench DIR/g.yaml --parallel 0 --out OUT", "--parallel"));
        cases.add(c("bench --parallel -1", Setup.grid(), "bench DIR/g.yaml --parallel -1 --out OUT", "--parallel"));
        cases.add(c("bench --seeds 0", Setup.grid(), "bench DIR/g.yaml --seeds 0 --out OUT", "--seeds"));
        cases.add(c("grid with an unknown benchmark", file("g.yaml", "name: g\nvariants: {dsr: {}}\nbenchmarks: [Nguyen-99]\nseeds: 1\n"),
                "bench DIR/g.yaml --out OUT", "Nguyen-99"));
        cases.add(c("grid with a bad variant key", file("g.yaml", "name: g\nvariants: {dsr: {training.batch_sise: 5}}\n"
                + "benchmarks: [Nguyen-1]\nseeds: 1\n"), "bench DIR/g.yaml --out OUT",
                "g.yaml:2:18: variant 'dsr': key 'training.batch_sise': unknown key (did you mean 'batch_size'?)"));
        cases.add(c("grid with a bad variant value", file("g.yaml", "name: g\nvariants:\n  dsr:\n    training.batch_size: 0\n"
                + "benchmarks: [Nguyen-1]\nseeds: 1\n"), "bench DIR/g.yaml --out OUT",
                "g.yaml:4:26: variant 'dsr': key 'training.batch_size': value 0 is out of range"));
        cases.add(c("bench --variants unknown", Setup.grid(), "bench DIR/g.yaml --variants dssr --out OUT", "--variants",
                "'dssr'", "did you mean 'dsr'"));
        cases.add(c("bench --benchmarks unknown", Setup.grid(), "bench DIR/g.yaml --benchmarks Nguyen-2 --out OUT",
                "--benchmarks", "'Nguyen-2'", "Nguyen-1"));
        cases.add(c("bench --aggregate-only --variants", Setup.grid(), "bench DIR/g.yaml --aggregate-only --variants dsr --out OUT",
                "--aggregate-only", "--variants"));
        cases.add(c("grid missing", NOTHING, "bench DIR/none.yaml --out OUT", "none.yaml"));
        // plugin paths the user named
        cases.add(c("--plugins not a jar", file("p.txt", "x"), "--plugins DIR/p.txt plugins", "p.txt", "not a jar"));
        cases.add(c("--plugins empty jar", d -> new ZipOutputStream(Files.newOutputStream(d.resolve("e.jar"))).close(),
                "--plugins DIR/e.jar plugins", "e.jar", "declares no dsr4j plugin"));
        cases.add(c("--plugins corrupt jar", file("b.jar", "not a zip"), "--plugins DIR/b.jar plugins", "b.jar", "not a readable jar"));
        cases.add(c("--plugins missing", NOTHING, "--plugins DIR/nothing plugins", "nothing", "no such"));
        return cases.stream();
    }

    private static Setup runDir(String runYaml) {
        return d -> {
            Files.createDirectories(d.resolve("r"));
            Files.writeString(d.resolve("r/config.yaml"), "task: {dataset: Nguyen-1}\n");
            Files.writeString(d.resolve("r/run.yaml"), runYaml);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void badInputIsOneClearParagraphWithExitTwoAndNothingWritten(Case c) throws Exception {
        c.setup().in(dir);
        List<Path> before = tree(dir);
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>();
        for (String a : c.args()) args.add(a.replace("DIR", dir.toString()).replace("OUT", out.toString()));
        Result r = run(args.toArray(String[]::new));
        String err = r.err();
        assertEquals(2, r.exit(), c + ": " + err + r.out());
        assertTrue(err.startsWith("dsr: error: "), c + ": " + err);
        for (String e : c.expected()) assertTrue(err.contains(e), c + ": expected '" + e + "' in: " + err);
        // warnings and the test class path's SLF4J start-up notes are not part of the message
        List<String> errorLines = err.lines().filter(l -> !l.startsWith("dsr: warning:") && !l.startsWith("[WARN]")
                && !l.startsWith("SLF4J(")).toList();
        assertEquals(1, errorLines.size(), c + ": one paragraph: " + err + "\n--- out:\n" + r.out());
        assertFalse(err.contains("\tat ") || err.contains("Exception"), c + ": no stack trace: " + err);
        assertEquals(before, tree(dir), c + ": nothing written");
        assertFalse(r.out().contains("run directory:"), c + ": no run directory created: " + r.out());
        assertFalse(r.out().contains(" to run, "), c + ": a grid that cannot run announces no runs: " + r.out());
    }

    /** Every path under {@code root} with its size and modification time, to see that nothing was written. */
    static List<Path> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> {
                try {
                    return Path.of(p + "#" + (Files.isRegularFile(p) ? Files.size(p) + "#" + Files.getLastModifiedTime(p) : "d"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }

    record Result(int exit, String out, String err) { }

    /** The CLI in this JVM with System.out/err captured (the run command prints there directly). */
    static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter cliOut = new StringWriter();
        StringWriter cliErr = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cl = DsrCli.commandLine(new DsrCli(), Main.benchSubcommands());
            cl.setOut(new PrintWriter(cliOut, true));
            cl.setErr(new PrintWriter(cliErr, true));
            int exit = cl.execute(args);
            return new Result(exit, out.toString(StandardCharsets.UTF_8) + cliOut,
                    cliErr + err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
