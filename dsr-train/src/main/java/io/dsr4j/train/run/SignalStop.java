package io.dsr4j.train.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT (Ctrl-C) and SIGTERM (a scheduler's stop) into a stop request that a command polls between iterations,
 * so that each running seed saves a checkpoint where it stopped instead of losing everything since the last periodic
 * one. A JVM shutdown hook sets the request and then holds the JVM up (at most {@code grace}) until the command has
 * finished its work and called {@link #close()}. The checkpoint files are written atomically (temporary file and
 * rename), so a JVM that ends before the grace is over, or a kill -9, leaves the previous checkpoint intact.
 *
 * <p>Uses only the standard shutdown-hook API (no {@code sun.misc.Signal}); the exit status stays the signal's (130
 * for SIGINT, 143 for SIGTERM).
 */
public final class SignalStop implements AutoCloseable {

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;

    private SignalStop(Duration grace, PrintStream err, String onSignal) {
        this.hook = new Thread(() -> {
            requested = true;
            err.println("dsr: stopping: " + onSignal);
            try {
                finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "dsr-signal-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Installs the hook of {@code dsr run} until {@link #close()}. */
    public static SignalStop install(Duration grace, PrintStream err) {
        return install(grace, err, "each running seed saves a checkpoint after its current iteration (waiting at most "
                + grace.toSeconds() + " s; 'dsr run --resume' continues from there)");
    }

    /** Installs the hook until {@link #close()}; on a signal it prints "dsr: stopping: {@code onSignal}". */
    public static SignalStop install(Duration grace, PrintStream err, String onSignal) {
        return new SignalStop(grace, err, onSignal);
    }

    /** Whether the JVM was asked to stop (the stop condition of {@link ExperimentRunner#setStop}). */
    public boolean requested() {
        return requested;
    }

    /** The command is done: lets a pending shutdown go on, or removes the hook when none is pending. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it returns now that the latch is open
        }
    }
}
