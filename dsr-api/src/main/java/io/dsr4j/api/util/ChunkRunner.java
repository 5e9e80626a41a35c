package io.dsr4j.api.util;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs numbered chunks of work on a fixed set of threads (the caller plus {@code threads − 1} daemon workers) and
 * returns when all are done. Work is split into chunks by the caller independently of the thread count, and each
 * chunk writes only its own outputs, so results never depend on how many threads ran them. With one thread
 * everything runs inline.
 *
 * <p>One runner serves a whole run (the policy's sampling and training and the trainer's scoring take turns on it),
 * so a run never has more threads than {@code training.n_threads}. Between calls a worker spins for a short while
 * before it parks: the phases of an iteration follow each other within well under a millisecond, and waking a parked
 * thread (on a virtual machine, an idle virtual CPU) costs tens of microseconds per phase.
 *
 * <p>{@link #run} is not reentrant and is meant for one calling thread at a time.
 */
public final class ChunkRunner implements AutoCloseable {

    /** The work of one chunk; {@code worker} in [0, threads) identifies the thread's private scratch. */
    public interface Body {
        void run(int chunk, int worker);
    }

    /** How long an idle worker, or the caller waiting for the workers, spins before it parks. */
    static final long SPIN_NANOS = 200_000;

    private final int threads;
    private final Thread[] workers;
    private final boolean[] parked;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private volatile long generation;
    private volatile Body body;
    private volatile int chunks;
    private volatile boolean closed;
    private volatile Throwable failure;
    private volatile Thread caller;
    private volatile boolean callerParked;
    private final Object parkFlags = new Object();

    public ChunkRunner(int threads) {
        this.threads = Math.max(1, threads);
        this.workers = new Thread[this.threads - 1];
        this.parked = new boolean[this.threads];
        for (int w = 1; w < this.threads; w++) {
            final int id = w;
            Thread t = new Thread(() -> workerLoop(id), "dsr4j-worker-" + id);
            t.setDaemon(true);
            workers[w - 1] = t;
            t.start();
        }
    }

    public int threads() { return threads; }

    /** Runs {@code work} for chunks 0..count-1; rethrows the first failure. */
    public void run(int count, Body work) {
        if (count <= 0) return;
        if (threads == 1 || count == 1) {
            for (int c = 0; c < count; c++) work.run(c, 0);
            return;
        }
        if (closed) throw new IllegalStateException("the worker threads are closed");
        caller = Thread.currentThread();
        body = work;
        chunks = count;
        next.set(0);
        failure = null;
        running.set(threads - 1);
        generation = generation + 1; // publishes the fields above to the workers
        for (int w = 1; w < threads; w++) {
            if (isParked(w)) LockSupport.unpark(workers[w - 1]);
        }
        drain(0);
        awaitWorkers();
        body = null;
        Throwable f = failure;
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException(f);
    }

    private void awaitWorkers() {
        long deadline = System.nanoTime() + SPIN_NANOS;
        int spins = 0;
        while (running.get() != 0) {
            if (spinning(++spins, deadline)) {
                Thread.onSpinWait();
                continue;
            }
            callerParked = true;
            if (running.get() != 0) LockSupport.park(this);
            callerParked = false;
        }
    }

    private void drain(int worker) {
        Body b = body;
        int n = chunks;
        for (int c = next.getAndIncrement(); c < n; c = next.getAndIncrement()) {
            try {
                b.run(c, worker);
            } catch (Throwable t) {
                if (failure == null) failure = t;
                next.set(n);
            }
        }
    }

    private void workerLoop(int id) {
        long seen = 0;
        while (true) {
            long deadline = System.nanoTime() + SPIN_NANOS;
            int spins = 0;
            long g;
            while ((g = generation) == seen) {
                if (closed) return;
                if (spinning(++spins, deadline)) {
                    Thread.onSpinWait();
                    continue;
                }
                setParked(id, true);
                if (generation == seen && !closed) LockSupport.park(this);
                setParked(id, false);
            }
            seen = g;
            drain(id);
            if (running.decrementAndGet() == 0 && callerParked) LockSupport.unpark(caller);
        }
    }

    /** True while the spin phase lasts (the clock is read every 64 spins only). */
    private static boolean spinning(int spins, long deadline) {
        return (spins & 63) != 0 || System.nanoTime() < deadline;
    }

    // A worker announces that it may park, then re-checks the generation; the caller publishes a generation, then
    // looks at the flags: one of the two always sees the other (the lock orders them), so no wake-up is lost.
    private void setParked(int id, boolean value) {
        synchronized (parkFlags) {
            parked[id] = value;
        }
    }

    private boolean isParked(int id) {
        synchronized (parkFlags) {
            return parked[id];
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : workers) LockSupport.unpark(t);
    }
}
