package io.dsr4j.train.estimator;

import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.util.Rng;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopKSampleQueueTest {

    private static final SequenceBatch BATCH = TestBatches.batch(20);

    private static SequenceBatch row(int id) { return BATCH.select(new int[] {id}); }

    private static List<String> keys(TopKSampleQueue q) {
        return q.entries().stream().map(TopKSampleQueue.Entry::key).toList();
    }

    @Test
    void keysAreUnique() {
        TopKSampleQueue q = new TopKSampleQueue(3);
        assertTrue(q.push("a", 0.5, row(1)));
        assertFalse(q.push("a", 0.9, row(2)));
        assertEquals(1, q.size());
        assertEquals(0.5, q.entries().get(0).reward());
        assertArrayEquals(new int[] {1}, TestBatches.ids(q.entries().get(0).sample()));
    }

    @Test
    void keepsTheTopKAndDropsTiesWithTheWorst() {
        TopKSampleQueue q = new TopKSampleQueue(3);
        q.push("a", 0.5, row(1));
        q.push("b", 0.2, row(2));
        q.push("c", 0.7, row(3));
        assertFalse(q.push("d", 0.1, row(4)));   // worse than all
        assertFalse(q.push("e", 0.2, row(5)));   // ties the worst: incumbent stays (heappushpop)
        assertTrue(q.push("f", 0.6, row(6)));    // evicts b
        assertEquals(List.of("a", "c", "f"), keys(q));
        assertFalse(q.contains("b"));
        assertTrue(q.push("b", 0.9, row(2)));    // an evicted key may come back
        assertEquals(List.of("c", "f", "b"), keys(q));
    }

    @Test
    void drawsUniformlyWithReplacement() {
        TopKSampleQueue q = new TopKSampleQueue(4);
        for (int i = 0; i < 4; i++) q.push("k" + i, i, row(10 + i));
        SequenceBatch drawn = q.draw(4000, new Rng(3));
        assertEquals(4000, drawn.size());
        int[] counts = new int[4];
        for (int id : TestBatches.ids(drawn)) counts[id - 10]++;
        for (int c : counts) assertTrue(c > 850 && c < 1150, "count " + c); // ~1000 each

        TopKSampleQueue single = new TopKSampleQueue(4);
        single.push("only", 1, row(7));
        SequenceBatch repeated = single.draw(5, new Rng(1));
        assertArrayEquals(new int[] {7, 7, 7, 7, 7}, TestBatches.ids(repeated));
        assertEquals(TestBatches.lengthOf(7), repeated.length(4));

        // same RNG state → same draws
        assertArrayEquals(TestBatches.ids(q.draw(50, new Rng(9))), TestBatches.ids(q.draw(50, new Rng(9))));
        assertThrows(IllegalStateException.class, () -> new TopKSampleQueue(2).draw(1, new Rng(1)));
    }

    @Test
    void saveAndLoadRestoreEntriesExactly() throws IOException {
        TopKSampleQueue q = new TopKSampleQueue(3);
        q.push("x\u00e9", 0.25, row(5));
        q.push("y", 0.75, row(6));
        q.push("z", -3.0, row(11));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        q.save(new DataOutputStream(bytes));

        TopKSampleQueue loaded = new TopKSampleQueue(3);
        loaded.push("junk", 9, row(0));
        loaded.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(keys(q), keys(loaded));
        for (int i = 0; i < 3; i++) {
            TopKSampleQueue.Entry a = q.entries().get(i), b = loaded.entries().get(i);
            assertEquals(a.reward(), b.reward());
            assertSameRows(a.sample(), b.sample());
        }
        assertFalse(loaded.contains("junk"));

        // a smaller k on resume keeps the best
        TopKSampleQueue smaller = new TopKSampleQueue(2);
        smaller.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(List.of("x\u00e9", "y"), keys(smaller));
    }

    static void assertSameRows(SequenceBatch a, SequenceBatch b) {
        assertEquals(a.size(), b.size());
        assertEquals(a.librarySize(), b.librarySize());
        for (int r = 0; r < a.size(); r++) {
            assertEquals(a.length(r), b.length(r));
            for (int t = 0; t < a.length(r); t++) {
                assertEquals(a.action(r, t), b.action(r, t));
                assertEquals(a.parent(r, t), b.parent(r, t));
                assertEquals(a.sibling(r, t), b.sibling(r, t));
                assertEquals(a.dangling(r, t), b.dangling(r, t));
                for (int l = 0; l < a.librarySize(); l++) assertEquals(a.prior(r, t, l), b.prior(r, t, l));
            }
        }
    }
}
