package io.dsr4j.train;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyGroupsTest {

    /** Against a HashMap of first rows, with many repeats and keys of equal hash codes ("Aa" and "BB"). */
    @Test
    void firstOccurrenceAndDistinctMatchAHashMap() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int round = 0; round < 200; round++) {
            int n = rng.nextInt(1, 400);
            String[] keys = new String[n];
            for (int i = 0; i < n; i++) {
                StringBuilder b = new StringBuilder();
                int len = rng.nextInt(1, 4);
                for (int j = 0; j < len; j++) b.append(rng.nextBoolean() ? "Aa" : "BB");
                if (rng.nextInt(3) == 0) b.append((char) rng.nextInt(5));
                keys[i] = new String(b.toString().toCharArray()); // distinct objects for equal keys
            }
            Map<String, Integer> firstRow = new HashMap<>();
            int[] expected = new int[n];
            for (int i = 0; i < n; i++) expected[i] = firstRow.computeIfAbsent(keys[i], k -> firstRowOf(k, keys));
            int[] first = KeyGroups.firstOccurrence(keys);
            assertArrayEquals(expected, first, "round " + round);

            int[] rows = new int[rng.nextInt(0, n + 1)];
            Set<String> distinct = new HashSet<>();
            for (int r = 0; r < rows.length; r++) {
                rows[r] = rng.nextInt(n);
                distinct.add(keys[rows[r]]);
            }
            assertEquals(distinct.size(), KeyGroups.distinct(first, rows), "round " + round);
        }
    }

    private static int firstRowOf(String key, String[] keys) {
        for (int i = 0; ; i++) if (keys[i].equals(key)) return i;
    }

    @Test
    void emptyBatch() {
        assertArrayEquals(new int[0], KeyGroups.firstOccurrence(new String[0]));
        assertEquals(0, KeyGroups.distinct(new int[0], new int[0]));
    }
}
