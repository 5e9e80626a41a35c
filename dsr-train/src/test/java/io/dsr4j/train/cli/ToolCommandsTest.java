package io.dsr4j.train.cli;

import io.dsr4j.config.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** constraints, benchmarks and data with the real built-in plugins. */
class ToolCommandsTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) { }

    private static Result run(String... args) {
        CommandLine cl = DsrCli.commandLine(new DsrCli(REGISTRY));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Result(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void constraintsExitCodesFollowTheReplay() throws Exception {
        Path cfg = dir.resolve("n1.yaml");
        Files.writeString(cfg, "task:\n  dataset: Nguyen-1\n");
        Result ok = run("constraints", cfg.toString(), "add,x1,mul,x1,x1");
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("all 5 tokens allowed"), ok.out());
        Result trig = run("constraints", cfg.toString(), "add,x1,sin,cos,x1");
        assertEquals(1, trig.exit());
        assertTrue(trig.out().contains("NO") && trig.out().contains("trig"), trig.out());
        Result typo = run("constraints", cfg.toString(), "add,x1,sinn,x1");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().contains("did you mean 'sin'"), typo.err());
    }

    @Test
    void dataWritesTheReferenceLayout() throws Exception {
        Result r = run("data", "Nguyen-1", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(20, Files.readAllLines(dir.resolve("Nguyen-1.csv")).size());
        assertEquals(20, Files.readAllLines(dir.resolve("Nguyen-1_test.csv")).size());
        assertEquals(2, run("data", "Nguyen-99", "--out", dir.toString()).exit());
    }

    @Test
    void benchmarksListsNamesAndSets() {
        Result r = run("benchmarks", "Nguyen-1");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Nguyen-1 ") && r.out().contains("Koza"), r.out());
        assertEquals(0, run("benchmarks", "nguyen").exit(), "prefixes match whatever their case");
    }

    @Test
    void benchmarksWithAPrefixNoNameStartsWithIsAUserError() {
        Result r = run("benchmarks", "Ngyuen");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("", r.out(), "no empty table");
        int all = io.dsr4j.programs.data.BenchmarkRegistry.get().names().size();
        assertEquals("dsr: error: no benchmark name starts with 'Ngyuen' (did you mean 'Nguyen'?); ./dsr benchmarks "
                + "without a prefix lists all " + all + System.lineSeparator(), r.err());
    }
}
