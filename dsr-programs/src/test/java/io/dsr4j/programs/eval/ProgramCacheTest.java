package io.dsr4j.programs.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProgramCacheTest {

    @Test
    void keyRoundTrips() {
        int[] t = {0, 5, 300, 65535, 2};
        assertArrayEquals(t, ProgramCache.decode(ProgramCache.key(t)));
        assertThrows(IllegalArgumentException.class, () -> ProgramCache.key(new int[] {-1}));
    }

    @Test
    void keepsFirstResultAndCountsHitsAndMisses() {
        ProgramCache c = new ProgramCache(10);
        String k = ProgramCache.key(new int[] {1, 2, 3});
        assertNull(c.lookup(k));
        ProgramCache.Entry e = c.put(k, 0.5, false, new double[] {1.5});
        assertEquals(e, c.lookup(k));
        assertEquals(0.5, c.lookup(new int[] {1, 2, 3}).reward());
        ProgramCache.Entry again = c.put(k, 0.9, true, null);
        assertEquals(0.5, again.reward());
        assertEquals(false, again.invalid());
        assertArrayEquals(new double[] {1.5}, again.constants());
        assertEquals(2, c.hits());
        assertEquals(1, c.misses());
        assertEquals(1, c.size());
        assertArrayEquals(new int[] {1, 2, 3}, e.traversal());
    }

    @Test
    void evictsLeastRecentlyUsed() {
        ProgramCache c = new ProgramCache(2);
        String a = ProgramCache.key(new int[] {1}), b = ProgramCache.key(new int[] {2}), d = ProgramCache.key(new int[] {3});
        c.put(a, 1, false, null);
        c.put(b, 2, false, null);
        assertNotNull(c.lookup(a)); // a is now more recent than b
        c.put(d, 3, false, null);
        assertEquals(2, c.size());
        assertNull(c.peek(b));
        assertNotNull(c.peek(a));
        assertNotNull(c.peek(d));
        assertEquals(1, c.evictions());
        assertEquals(List.of(a, d), c.entries().stream().map(ProgramCache.Entry::key).toList());
        assertEquals(0, c.peek(a).constants().length);
    }

    @Test
    void entriesStayValidAfterTheirSlotIsReused() {
        ProgramCache c = new ProgramCache(1);
        ProgramCache.Entry first = c.put(ProgramCache.key(new int[] {1}), 0.25, false, new double[] {2.0});
        c.put(ProgramCache.key(new int[] {2}), 0.75, true, null);
        assertEquals(0.25, first.reward());
        assertArrayEquals(new double[] {2.0}, first.constants());
        assertArrayEquals(new int[] {1}, first.traversal());
    }

    @Test
    void capacityZeroStoresNothing() {
        ProgramCache c = new ProgramCache(0);
        String k = ProgramCache.key(new int[] {4, 2});
        assertEquals(0.5, c.put(k, 0.5, false, null).reward());
        assertNull(c.lookup(k));
        assertEquals(0, c.size());
        assertThrows(IllegalArgumentException.class, () -> new ProgramCache(-1));
    }

    /** Random workload against a LinkedHashMap in access order: same content, same LRU order, wide keys included. */
    @Test
    void behavesLikeAnAccessOrderedLruMap() {
        int capacity = 300;
        ProgramCache c = new ProgramCache(capacity);
        Map<String, Double> model = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
                return size() > capacity;
            }
        };
        SplittableRandom rng = new SplittableRandom(7);
        List<String> universe = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            int[] t = new int[1 + rng.nextInt(12)];
            for (int j = 0; j < t.length; j++) t[j] = rng.nextInt(20) == 0 ? 255 + rng.nextInt(1000) : rng.nextInt(30);
            universe.add(ProgramCache.key(t));
        }
        long hits = 0, misses = 0;
        for (int step = 0; step < 50_000; step++) {
            String k = universe.get(rng.nextInt(universe.size()));
            int op = rng.nextInt(5);
            if (op == 0) {
                Double expected = model.get(k);
                ProgramCache.Entry e = c.lookup(k);
                assertEquals(expected, e == null ? null : e.reward(), "lookup " + step);
                if (expected == null) misses++; else hits++;
            } else if (op == 3) {
                // the look-up in two halves, as the trainer does it for a batch
                Double expected = model.get(k);
                int slot = c.locate(k);
                assertEquals(expected, slot < 0 ? null : c.entryAt(slot, k).reward(), "locate " + step);
                c.recordLookup(slot);
                if (expected == null) misses++; else hits++;
            } else if (op == 4) {
                // a batch of look-ups searched at once
                String[] batch = new String[rng.nextInt(1, 40)];
                for (int i = 0; i < batch.length; i++) batch[i] = universe.get(rng.nextInt(universe.size()));
                int from = rng.nextInt(batch.length);
                int[] slots = new int[batch.length];
                c.locateAll(batch, from, batch.length, slots);
                for (int i = from; i < batch.length; i++) {
                    assertEquals(c.locate(batch[i]), slots[i], "locateAll " + step);
                    Double expected = model.get(batch[i]);
                    assertEquals(expected, slots[i] < 0 ? null : c.entryAt(slots[i], batch[i]).reward(), "locateAll " + step);
                    c.recordLookup(slots[i]);
                    if (expected == null) misses++; else hits++;
                }
            } else if (op == 1) {
                Double expected = model.get(k);
                ProgramCache.Entry e = c.peek(k);
                assertEquals(expected, e == null ? null : e.reward(), "peek " + step);
            } else {
                double r = rng.nextDouble();
                Double before = model.get(k);
                if (before == null) model.put(k, r);
                assertEquals(before == null ? r : before, c.put(k, r, false, null).reward(), "put " + step);
            }
            assertEquals(model.size(), c.size());
        }
        assertEquals(new ArrayList<>(model.keySet()), c.entries().stream().map(ProgramCache.Entry::key).toList());
        assertEquals(hits, c.hits());
        assertEquals(misses, c.misses());
        c.clear();
        assertEquals(0, c.size());
        assertNull(c.peek(universe.get(0)));
    }
}
