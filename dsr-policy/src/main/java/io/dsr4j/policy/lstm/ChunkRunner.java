package io.dsr4j.policy.lstm;

import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs numbered chunks of work on a fixed set of threads (the caller plus {@code threads − 1} daemon workers) and
 * returns when all are done. Work is split into chunks by the caller independently of the thread count, and each
 * chunk writes only its own outputs, so results never depend on how many threads ran them. Reuses its threads
 * (no per-call allocation); with one thread everything runs inline.
 */
final class ChunkRunner implements AutoCloseable {

    /** The work of one chunk; {@code worker} in [0, threads) identifies the thread's private scratch. */
    interface Body {
        void run(int chunk, int worker);
    }

    private final int threads;
    private final Phaser phaser;
    private final Thread[] workers;
    private final AtomicInteger next = new AtomicInteger();
    private volatile Body body;
    private volatile int chunks;
    private volatile boolean closed;
    private volatile Throwable failure;

    ChunkRunner(int threads) {
        this.threads = Math.max(1, threads);
        this.phaser = new Phaser(this.threads);
        this.workers = new Thread[this.threads - 1];
        for (int w = 1; w < this.threads; w++) {
            final int id = w;
            Thread t = new Thread(() -> workerLoop(id), "dsr4j-policy-" + id);
            t.setDaemon(true);
            workers[w - 1] = t;
            t.start();
        }
    }

    int threads() { return threads; }

    /** Runs {@code body} for chunks 0..count-1; rethrows the first failure. Not reentrant. */
    void run(int count, Body work) {
        if (count <= 0) return;
        if (threads == 1 || count == 1) {
            for (int c = 0; c < count; c++) work.run(c, 0);
            return;
        }
        if (closed) throw new IllegalStateException("policy is closed");
        body = work;
        chunks = count;
        next.set(0);
        failure = null;
        phaser.arriveAndAwaitAdvance(); // start
        drain(0);
        phaser.arriveAndAwaitAdvance(); // end
        body = null;
        Throwable f = failure;
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException(f);
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
        while (true) {
            phaser.arriveAndAwaitAdvance();
            if (closed) {
                phaser.arriveAndDeregister();
                return;
            }
            drain(id);
            phaser.arriveAndAwaitAdvance();
        }
    }

    @Override
    public void close() {
        if (closed || threads == 1) {
            closed = true;
            return;
        }
        closed = true;
        phaser.arriveAndDeregister(); // releases the workers from the start barrier; they see closed and leave
    }
}
