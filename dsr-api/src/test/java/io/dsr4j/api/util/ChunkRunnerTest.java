package io.dsr4j.api.util;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkRunnerTest {

    /** Many short calls back to back (workers spinning) and calls after pauses (workers parked): no chunk lost. */
    @Test
    void runsEveryChunkExactlyOnce() throws InterruptedException {
        try (ChunkRunner runner = new ChunkRunner(3)) {
            for (int call = 0; call < 3000; call++) {
                int chunks = 1 + call % 17;
                AtomicIntegerArray done = new AtomicIntegerArray(chunks);
                AtomicIntegerArray workers = new AtomicIntegerArray(3);
                runner.run(chunks, (c, w) -> {
                    done.incrementAndGet(c);
                    workers.incrementAndGet(w);
                });
                for (int c = 0; c < chunks; c++) assertEquals(1, done.get(c), "call " + call + " chunk " + c);
                assertEquals(chunks, workers.get(0) + workers.get(1) + workers.get(2));
                if (call % 500 == 0) Thread.sleep(2 * ChunkRunner.SPIN_NANOS / 1_000_000 + 5);
            }
        }
    }

    @Test
    void waitsForSlowChunksOnTheWorkers() {
        try (ChunkRunner runner = new ChunkRunner(2)) {
            long[] out = new long[4];
            runner.run(4, (c, w) -> {
                long until = System.nanoTime() + 3 * ChunkRunner.SPIN_NANOS;
                while (System.nanoTime() < until) Thread.onSpinWait();
                out[c] = c + 1;
            });
            assertEquals(10, out[0] + out[1] + out[2] + out[3]);
        }
    }

    @Test
    void rethrowsAFailureAndStaysUsable() {
        try (ChunkRunner runner = new ChunkRunner(2)) {
            IllegalStateException boom = new IllegalStateException("boom");
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> runner.run(8, (c, w) -> { if (c == 5) throw boom; }));
            assertSame(boom, e);
            AtomicIntegerArray done = new AtomicIntegerArray(8);
            runner.run(8, (c, w) -> done.incrementAndGet(c));
            for (int c = 0; c < 8; c++) assertEquals(1, done.get(c));
        }
    }

    @Test
    void oneThreadRunsInlineAndClosedRunnerRefusesWork() {
        ChunkRunner single = new ChunkRunner(1);
        Thread caller = Thread.currentThread();
        single.run(3, (c, w) -> assertTrue(Thread.currentThread() == caller && w == 0));
        single.close();

        ChunkRunner runner = new ChunkRunner(2);
        runner.close();
        assertThrows(IllegalStateException.class, () -> runner.run(2, (c, w) -> { }));
    }
}
