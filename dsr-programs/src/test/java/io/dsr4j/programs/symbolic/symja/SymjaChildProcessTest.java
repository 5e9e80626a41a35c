package io.dsr4j.programs.symbolic.symja;

import io.dsr4j.programs.data.BenchmarkExpression;
import io.dsr4j.programs.data.BenchmarkRegistry;
import io.dsr4j.programs.symbolic.Simplified;
import io.dsr4j.programs.symbolic.SymbolicMath;
import io.dsr4j.programs.symbolic.SymbolicProgram;
import io.dsr4j.programs.symbolic.Verdict;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymjaChildProcessTest {

    private static final Duration LIMIT = Duration.ofSeconds(20); // generous: CI machines are shared
    private static final Simplified.RawForms RAW = new Simplified.RawForms("raw", "raw-latex", "raw_sympy");
    /** Takes far longer than a second (see SymjaMathTest.aTimedOutSimplificationStopsComputing). */
    private static final String HEAVY = "add,div,n4,n3,n2,add,x1,x2,n3,n2,sub,x1,x2,div,n4,n3,n2,sub,x2,x1,n3,n2,add,x1,1.5";

    /**
     * Found by a Constant-4 run of a grid (seed 0, hall of fame): Simplify computes on for minutes past its limit and
     * does not stop when asked to or interrupted (in process it went on beside the grid's next runs).
     */
    private static final String RUNAWAY = "exp,sin,div,4.6056964500807585,log,div,add,x1,add,exp,mul,sub,x2,mul,mul,mul,"
            + "div,log,x1,add,x2,-14058.534615759208,-41451.20337680766,div,x2,x2,x2,x1,x1,x2";

    private record Found(String benchmark, String traversal) { }

    private static List<Found> foundExpressions() throws IOException {
        List<Found> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                SymjaChildProcessTest.class.getResourceAsStream("found-expressions.tsv")), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                out.add(new Found(f[0], f[1]));
            }
        }
        return out;
    }

    private static BenchmarkExpression target(String name) {
        var b = BenchmarkRegistry.get().get(name);
        return BenchmarkExpression.parse(b.expression(), b.variableCount());
    }

    /** 12 rows of inputs in (0.1, 2.3) and the target's values there: programs equal to the target pass the check. */
    private static SymbolicMath.Check check(BenchmarkExpression target) {
        double[][] x = new double[target.variableCount()][12];
        for (int v = 0; v < x.length; v++) {
            for (int row = 0; row < 12; row++) x[v][row] = 0.1 + 0.17 * row + 0.05 * v;
        }
        return new SymbolicMath.Check(x, target.evaluate(x));
    }

    @Test
    void answersAsInProcessOnExpressionsRunsFound() throws IOException {
        List<Found> found = foundExpressions();
        assertTrue(found.size() > 50);
        int simplified = 0, rejected = 0, yes = 0, no = 0;
        try (SymjaMath local = new SymjaMath(); SymjaChildProcess child = new SymjaChildProcess()) {
            for (Found f : found) {
                BenchmarkExpression target = target(f.benchmark());
                // as a run with protected operators simplifies (checked on data), and unprotected, unchecked
                for (boolean protectedMode : new boolean[] {true, false}) {
                    SymbolicProgram p = SymbolicProgram.parse(f.traversal(), protectedMode);
                    SymbolicMath.Check c = protectedMode ? check(target) : null;
                    Simplified expected = local.simplify(p, RAW, c, LIMIT);
                    assertNotEquals(Simplified.Status.TIMEOUT, expected.status(), f.traversal());
                    Simplified actual = child.simplify(p, RAW, c, LIMIT);
                    assertEquals(expected, actual, f.traversal() + " protected " + protectedMode);
                    if (actual.status() == Simplified.Status.SIMPLIFIED) simplified++;
                    if (actual.status() == Simplified.Status.REJECTED) rejected++;
                }
                SymbolicProgram model = SymbolicProgram.parse(f.traversal(), false);
                Verdict expected = local.recovers(target, model, LIMIT);
                assertNotEquals(Verdict.UNKNOWN, expected, f.traversal());
                Verdict actual = child.recovers(target, model, LIMIT);
                assertEquals(expected, actual, f.benchmark() + " " + f.traversal());
                if (actual == Verdict.YES) yes++;
                if (actual == Verdict.NO) no++;
            }
        }
        // the set exercises every kind of answer
        assertTrue(simplified > 0 && rejected > 0 && yes > 0 && no > 0,
                simplified + " simplified, " + rejected + " rejected, " + yes + " yes, " + no + " no");
    }

    @Test
    void aTimedOutCallLeavesNothingComputingAndTheNextCallWorks() throws InterruptedException {
        try (SymjaChildProcess math = new SymjaChildProcess()) {
            assertEquals(Simplified.Status.SIMPLIFIED, math.simplify(SymbolicProgram.parse("add,x1,x1", false), RAW, null, LIMIT).status());
            ProcessHandle first = math.childProcess().orElseThrow();
            for (int ms : new int[] {300, 1000}) {
                long t0 = System.nanoTime();
                Simplified s = math.simplify(SymbolicProgram.parse(HEAVY, true), RAW, null, Duration.ofMillis(ms));
                double seconds = (System.nanoTime() - t0) / 1e9;
                assertEquals(Simplified.raw(RAW, Simplified.Status.TIMEOUT), s, "limit " + ms + " ms");
                assertTrue(seconds < 15, "the timed-out call took " + seconds + " s");
                // Symja stopped it (the child is kept: its JIT is warm) or the child was killed: either way no process
                // of ours computes any more, and no thread of this JVM
                ProcessHandle child = math.childProcess().orElse(first);
                assertTrue(!child.isAlive() || cpuSeconds(child, Duration.ofSeconds(2)) < 0.5,
                        "the child computes on after a " + ms + " ms limit");
                assertEquals(List.of(), threadsComputingSymbolically());
            }
            assertEquals("2*x1", math.simplify(SymbolicProgram.parse("add,x1,x1", false), RAW, null, LIMIT).infix());
            assertEquals(Verdict.UNKNOWN, math.recovers(target("Nguyen-1"),
                    SymbolicProgram.parse("add,x1,mul,add,mul,x1,x1,x1,x1", false), Duration.ZERO));
            assertEquals(Verdict.YES, math.recovers(target("Nguyen-1"),
                    SymbolicProgram.parse("add,x1,mul,add,mul,x1,x1,x1,x1", false), LIMIT));
        }
    }

    @Test
    void aComputationThatDoesNotStopIsKilledWithItsChildAndTheNextCallStartsANewOne() {
        try (SymjaChildProcess math = new SymjaChildProcess()) {
            math.prepare();
            ProcessHandle first = math.childProcess().orElseThrow();
            assertEquals(Simplified.raw(RAW, Simplified.Status.TIMEOUT),
                    math.simplify(SymbolicProgram.parse(RUNAWAY, true), RAW, null, Duration.ofSeconds(1)));
            assertFalse(first.isAlive(), "the child computing past its limit was not killed");
            assertTrue(math.childProcess().isEmpty());
            assertEquals(List.of(), threadsComputingSymbolically());
            assertEquals("2*x1", math.simplify(SymbolicProgram.parse("add,x1,x1", false), RAW, null, LIMIT).infix());
            assertNotEquals(first.pid(), math.childProcess().orElseThrow().pid());
        }
    }

    @Test
    void aChildStillComputingPastTheLimitIsKilledAndTheNextCallStartsANewOne() throws InterruptedException {
        try (SymjaChildProcess math = new SymjaChildProcess(misbehaving("stuck"), System.err)) {
            math.prepare();
            ProcessHandle first = math.childProcess().orElseThrow();
            assertEquals(Simplified.raw(RAW, Simplified.Status.TIMEOUT),
                    math.simplify(SymbolicProgram.parse("add,x1,x1", false), RAW, null, Duration.ofMillis(100)));
            assertFalse(first.isAlive(), "the child that computes on was not killed");
            assertTrue(math.childProcess().isEmpty());
            // answered by a new child (none would give status failed), killed in turn
            assertEquals(Simplified.raw(RAW, Simplified.Status.TIMEOUT),
                    math.simplify(SymbolicProgram.parse("add,x1,x1", false), RAW, null, Duration.ofMillis(100)));
            assertTrue(math.childProcess().isEmpty());
        }
    }

    @Test
    void aChildThatDoesNotAnswerIsKilledAtTheLimitPlusTheGrace() {
        try (SymjaChildProcess math = new SymjaChildProcess(misbehaving("silent"), System.err)) {
            math.prepare();
            ProcessHandle child = math.childProcess().orElseThrow();
            long t0 = System.nanoTime();
            assertEquals(Simplified.raw(RAW, Simplified.Status.TIMEOUT),
                    math.simplify(SymbolicProgram.parse("add,x1,x1", false), RAW, null, Duration.ofMillis(200)));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double expected = 0.2 + SymjaChildProcess.GRACE.toMillis() / 1000.0;
            assertTrue(seconds >= expected && seconds < expected + 10, seconds + " s");
            assertFalse(child.isAlive());
            assertTrue(math.childProcess().isEmpty());
        }
    }

    /** CPU seconds {@code p} uses over {@code d}. */
    private static double cpuSeconds(ProcessHandle p, Duration d) throws InterruptedException {
        Duration a = p.info().totalCpuDuration().orElseThrow();
        Thread.sleep(d.toMillis());
        Duration b = p.info().totalCpuDuration().orElse(a);
        return b.minus(a).toNanos() / 1e9;
    }

    private static List<String> misbehaving(String how) {
        List<String> command = new ArrayList<>(SymjaChildProcess.defaultCommand());
        command.set(command.size() - 1, MisbehavingServer.class.getName());
        command.add(how);
        return command;
    }

    @Test
    void closeEndsTheChild() throws InterruptedException {
        SymjaChildProcess math = new SymjaChildProcess();
        assertTrue(math.childProcess().isEmpty(), "started before the first call");
        math.prepare();
        ProcessHandle child = math.childProcess().orElseThrow();
        assertEquals("2*x1", math.simplify(SymbolicProgram.parse("add,x1,x1", false), RAW, null, LIMIT).infix());
        assertEquals(child.pid(), math.childProcess().orElseThrow().pid(), "the prepared child serves the call");
        math.close();
        assertFalse(child.isAlive());
        assertEquals(Simplified.raw(RAW, Simplified.Status.FAILED),
                math.simplify(SymbolicProgram.parse("add,x1,x1", false), RAW, null, LIMIT));
        assertTrue(math.childProcess().isEmpty(), "a call after close started a child");
    }

    @Test
    void theChildExitsWhenItsParentIsKilled() throws Exception {
        List<String> command = new ArrayList<>(SymjaChildProcess.defaultCommand());
        command.set(command.size() - 1, ParentThatHangs.class.getName());
        Process parent = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String line = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertTrue(line != null && line.endsWith(" 2*x1"), "the parent printed " + line);
            ProcessHandle child = ProcessHandle.of(Long.parseLong(line.split(" ")[0])).orElseThrow();
            assertEquals(parent.pid(), child.parent().orElseThrow().pid());
            parent.destroyForcibly(); // SIGKILL: nothing of the parent's code runs, only its pipes close
            child.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(child.isAlive());
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void aChildThatDiesGivesRawFormsAndTheNextCallStartsANewOne() throws Exception {
        try (SymjaChildProcess math = new SymjaChildProcess()) {
            math.simplify(SymbolicProgram.parse("add,x1,x1", false), RAW, null, LIMIT);
            ProcessHandle child = math.childProcess().orElseThrow();
            child.destroyForcibly();
            child.onExit().get();
            assertEquals(Simplified.raw(RAW, Simplified.Status.FAILED),
                    math.simplify(SymbolicProgram.parse("add,x1,x1", false), RAW, null, LIMIT));
            assertEquals("2*x1", math.simplify(SymbolicProgram.parse("add,x1,x1", false), RAW, null, LIMIT).infix());
            assertNotEquals(child.pid(), math.childProcess().orElseThrow().pid());
        }
    }

    @Test
    void aChildThatAnswersGarbageIsKilledAndGivesRawForms() {
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        try (SymjaChildProcess math = new SymjaChildProcess(misbehaving("garbage"), new PrintStream(warnings, true))) {
            assertEquals(Simplified.raw(RAW, Simplified.Status.FAILED),
                    math.simplify(SymbolicProgram.parse("add,x1,x1", false), RAW, null, LIMIT));
            assertTrue(math.childProcess().isEmpty());
            assertEquals(Verdict.UNKNOWN, math.recovers(target("Nguyen-1"), SymbolicProgram.parse("x1", false), LIMIT));
            assertTrue(math.childProcess().isEmpty());
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutAJavaBinaryItSaysSoOnceAndSimplifiesInProcess() {
        List<String> command = new ArrayList<>(SymjaChildProcess.defaultCommand());
        command.set(0, "/nonexistent/bin/java");
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        try (SymjaChildProcess math = new SymjaChildProcess(command, new PrintStream(warnings, true))) {
            assertEquals("2*x1", math.simplify(SymbolicProgram.parse("add,x1,x1", false), RAW, null, LIMIT).infix());
            assertEquals(Verdict.YES, math.recovers(target("Nguyen-1"),
                    SymbolicProgram.parse("add,x1,mul,add,mul,x1,x1,x1,x1", false), LIMIT));
            assertTrue(math.childProcess().isEmpty());
        }
        String w = warnings.toString(StandardCharsets.UTF_8);
        assertTrue(w.contains("could not start the Symja child process"), w);
        assertEquals(1, w.lines().count(), w);
    }

    /** Threads of this JVM inside Symja or JAS code, except in-process SymjaMath workers of other tests. */
    private static List<String> threadsComputingSymbolically() {
        List<String> busy = new ArrayList<>();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().equals("dsr4j-symja")) return;
            for (StackTraceElement e : stack) {
                if (e.getClassName().startsWith("org.matheclipse") || e.getClassName().startsWith("edu.jas")) {
                    busy.add(t.getName() + " at " + e);
                    return;
                }
            }
        });
        return busy;
    }
}
