package io.dsr4j.programs.symbolic.symja;

import io.dsr4j.programs.data.BenchmarkExpression;
import io.dsr4j.programs.symbolic.Simplified;
import io.dsr4j.programs.symbolic.SymbolicMath;
import io.dsr4j.programs.symbolic.SymbolicProgram;
import io.dsr4j.programs.symbolic.Verdict;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link SymbolicMath} served by a child JVM ({@link SymjaServer}: the same java binary and class path), for processes
 * that run many runs one after another (grids). A timed-out computation cannot always be stopped inside a JVM (JAS's
 * polynomial arithmetic once ran on for minutes past its limit, taking a core from later runs): a child can be killed.
 * The child starts with the first call or {@link #prepare()} (its start-up, 1-3 s, does not count against the call's
 * limit) and serves every later call. It times each call's limit itself with {@link SymjaMath}, as in process, so
 * answers are the same; past the limit Symja is asked to stop and its worker interrupted, and if the child still finds
 * a thread computing in Symja, or no answer comes within the limit plus {@link #GRACE}, the child is killed (and waited
 * for), and the next call starts a new one. A child that stopped its computation is kept: a new child's JIT is cold,
 * and killing after every timeout made the next simplifications 2-5x slower than in process (more of them timed out). A child that dies or answers garbage gives raw forms with
 * status {@code failed} or an unknown verdict. The child ends with {@link #close()} or when this JVM ends (its stdin
 * closes). If no child can be started (no java binary, a class path it cannot load), this says so once on stderr and
 * simplifies in this JVM instead. Calls are served one at a time.
 */
public final class SymjaChildProcess implements SymbolicMath {

    /**
     * Time past a call's limit that the parent waits for the child's answer: the child's own timeout path (up to 1 s
     * for its worker to stop, then a look at its threads) and the pipes.
     */
    static final Duration GRACE = Duration.ofSeconds(2);
    /** Longest time a child may take to start (JVM start-up and Symja's, 1-3 s on an idle machine). */
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);
    /** JVM options of the child: a small heap with the serial collector (it runs one computation at a time). */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmx512m",
            "-XX:MaxHeapFreeRatio=40", "-XX:-ShrinkHeapInSteps", "-Djava.awt.headless=true");

    private final Object lock = new Object();
    private final List<String> command;
    private final PrintStream warnings;
    private Child child;             // guarded by lock; null until a call needs one
    private SymbolicMath inProcess;  // guarded by lock; set once a child could not be started
    private long lastId;             // guarded by lock
    private boolean closed;          // guarded by lock

    /** A child of this JVM's java binary and class path; start-up problems are reported on {@code System.err}. */
    public SymjaChildProcess() {
        this(defaultCommand(), System.err);
    }

    /** @param command the child's command line (java, options, class path, {@link SymjaServer}) */
    SymjaChildProcess(List<String> command, PrintStream warnings) {
        this.command = List.copyOf(command);
        this.warnings = warnings;
    }

    /**
     * java from this JVM's home, {@link #JVM_OPTIONS} (and this JVM's {@code slf4j.provider}), this JVM's class path
     * and {@link SymjaServer}.
     */
    static List<String> defaultCommand() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        List<String> c = new ArrayList<>();
        c.add(java.toString());
        c.addAll(JVM_OPTIONS);
        // the launcher's choice among several SLF4J providers (Spark mode), else the child warns about each start
        String slf4j = System.getProperty("slf4j.provider");
        if (slf4j != null) c.add("-Dslf4j.provider=" + slf4j);
        c.add("-cp");
        c.add(classPath());
        c.add(SymjaServer.class.getName());
        return c;
    }

    /**
     * This JVM's class path, plus the jars or folders this class and Symja were loaded from and those of the URL class
     * loaders above this class (a Spark executor loads the application's jars with one).
     */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isEmpty()) entries.add(e);
        }
        ClassLoader loader = SymjaChildProcess.class.getClassLoader();
        addCodeSource(entries, SymjaChildProcess.class);
        try {
            addCodeSource(entries, Class.forName("org.matheclipse.core.eval.ExprEvaluator", false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            // the child will fail to start, and the parent fall back
        }
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) for (URL url : u.getURLs()) addFile(entries, url);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void addCodeSource(Set<String> entries, Class<?> c) {
        CodeSource s = c.getProtectionDomain().getCodeSource();
        if (s != null && s.getLocation() != null) addFile(entries, s.getLocation());
    }

    private static void addFile(Set<String> entries, URL url) {
        if (!"file".equals(url.getProtocol())) return;
        try {
            Path p = Path.of(url.toURI());
            if (Files.exists(p)) entries.add(p.toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not a local file: the child cannot use it
        }
    }

    @Override
    public Simplified simplify(SymbolicProgram program, Simplified.RawForms raw, Check check, Duration limit) {
        synchronized (lock) {
            Server server = closed ? Server.NONE : ensureChild();
            if (server == Server.NONE) return Simplified.raw(raw, Simplified.Status.FAILED);
            if (server == Server.IN_PROCESS) return inProcess.simplify(program, raw, check, limit);
            long id = ++lastId;
            Exchange x = exchange(SymjaWire.simplifyRequest(id, program, raw, check, limit.toMillis()), id,
                    SymjaWire.SIMPLIFY, limit);
            return switch (x.outcome) {
                case ANSWERED -> {
                    if (x.answer.stillComputing()) killChild();
                    yield x.answer.simplified();
                }
                case TIMEOUT -> Simplified.raw(raw, Simplified.Status.TIMEOUT);
                case FAILED -> Simplified.raw(raw, Simplified.Status.FAILED);
            };
        }
    }

    @Override
    public Verdict recovers(BenchmarkExpression target, SymbolicProgram model, Duration limit) {
        synchronized (lock) {
            Server server = closed ? Server.NONE : ensureChild();
            if (server == Server.NONE) return Verdict.UNKNOWN;
            if (server == Server.IN_PROCESS) return inProcess.recovers(target, model, limit);
            long id = ++lastId;
            Exchange x = exchange(SymjaWire.recoversRequest(id, target.source(), target.variableCount(), model,
                    limit.toMillis()), id, SymjaWire.RECOVERS, limit);
            if (x.outcome != Outcome.ANSWERED) return Verdict.UNKNOWN;
            if (x.answer.stillComputing()) killChild();
            return x.answer.verdict();
        }
    }

    /** Starts a child unless one is running (or none can be started). */
    @Override
    public void prepare() {
        synchronized (lock) {
            if (!closed) ensureChild();
        }
    }

    /** Ends the child (pending calls answer raw / unknown). */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            killChild();
            if (inProcess != null) inProcess.close();
        }
    }

    /** The running child, if any (tests). */
    Optional<ProcessHandle> childProcess() {
        synchronized (lock) {
            return child == null ? Optional.empty() : Optional.of(child.process.toHandle());
        }
    }

    private enum Outcome { ANSWERED, TIMEOUT, FAILED }

    private record Exchange(Outcome outcome, SymjaWire.Answer answer) { }

    /** Sends one request and waits for its answer until the limit plus {@link #GRACE}; kills the child on any failure. */
    private Exchange exchange(byte[] request, long id, byte kind, Duration limit) {
        Child c = child;
        try {
            SymjaWire.writeFrame(c.to, request);
        } catch (IOException e) {
            killChild();
            return new Exchange(Outcome.FAILED, null);
        }
        byte[] frame;
        try {
            frame = c.next(saturatedMillis(limit) + GRACE.toMillis());
        } catch (InterruptedException e) {
            killChild();
            Thread.currentThread().interrupt();
            return new Exchange(Outcome.FAILED, null);
        }
        if (frame == null) {
            killChild();
            return new Exchange(Outcome.TIMEOUT, null);
        }
        try {
            if (frame == Child.END) throw new IOException("the child exited");
            SymjaWire.Answer a = SymjaWire.readAnswer(frame, kind);
            if (a.id() != id) throw new IOException("answer to request " + a.id() + " instead of " + id);
            return new Exchange(Outcome.ANSWERED, a);
        } catch (IOException e) {
            killChild();
            return new Exchange(Outcome.FAILED, null);
        }
    }

    private static long saturatedMillis(Duration d) {
        try {
            return Math.max(0, d.toMillis());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }

    /** Who serves the next call. */
    private enum Server { CHILD, IN_PROCESS, NONE }

    /**
     * A ready child, started now if needed; {@link Server#IN_PROCESS} once none could be started, {@link Server#NONE}
     * when the caller was interrupted while one started.
     */
    private Server ensureChild() {
        if (inProcess != null) return Server.IN_PROCESS;
        if (child != null) return Server.CHILD;
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException | RuntimeException e) {
            fallBack(e.getMessage());
            return Server.IN_PROCESS;
        }
        Child c = new Child(p);
        byte[] first;
        try {
            first = c.next(STARTUP_LIMIT.toMillis());
        } catch (InterruptedException e) {
            c.kill();
            Thread.currentThread().interrupt();
            return Server.NONE;
        }
        if (first != null && SymjaWire.isReady(first)) {
            child = c;
            return Server.CHILD;
        }
        c.kill();
        fallBack(first == null ? "it did not start within " + STARTUP_LIMIT.toSeconds() + " s"
                : first == Child.END ? "it exited with status " + exitValue(p)
                : "it wrote something other than its ready message");
        return Server.IN_PROCESS;
    }

    private static String exitValue(Process p) {
        try {
            return String.valueOf(p.exitValue());
        } catch (IllegalThreadStateException e) {
            return "unknown";
        }
    }

    private void fallBack(String problem) {
        warnings.println("dsr: warning: could not start the Symja child process (" + problem + "; command: "
                + command.get(0) + " ... " + command.get(command.size() - 1)
                + "); simplifying in this JVM instead, where a timed-out simplification may go on computing");
        inProcess = new SymjaMath();
    }

    private void killChild() {
        if (child != null) {
            child.kill();
            child = null;
        }
    }

    /** A started child: its stdin, and the frames a reader thread takes from its stdout. */
    private static final class Child {
        /** Queued after the last frame when the child's stdout ends or breaks. */
        static final byte[] END = new byte[0];
        private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

        final Process process;
        final DataOutputStream to;
        private final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();

        Child(Process process) {
            this.process = process;
            this.to = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            DataInputStream from = new DataInputStream(new BufferedInputStream(process.getInputStream()));
            Thread reader = new Thread(() -> {
                try {
                    for (byte[] f = SymjaWire.readFrame(from); f != null; f = SymjaWire.readFrame(from)) frames.add(f);
                } catch (IOException e) {
                    // garbage or a broken pipe: the caller sees END
                } finally {
                    frames.add(END);
                }
            }, "dsr4j-symja-child-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        /** The next frame, {@link #END}, or null after {@code millis}. */
        byte[] next(long millis) throws InterruptedException {
            byte[] f = frames.poll(millis, TimeUnit.MILLISECONDS);
            if (f == END) frames.add(END); // stays at the end for a later call
            return f;
        }

        /** Kills the process and waits for it to exit (its stdout then ends, and the reader thread with it). */
        void kill() {
            try {
                to.close();
            } catch (IOException e) {
                // already gone
            }
            process.destroyForcibly();
            try {
                process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
