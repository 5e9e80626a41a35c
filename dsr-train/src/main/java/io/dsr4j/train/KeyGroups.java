package io.dsr4j.train;

/**
 * Groups the equal keys of a batch: for each row, the first row with the same key. What a {@code HashMap} of the
 * keys would give, in one small open-addressing table of row numbers (no boxing, no entries), since the trainer needs
 * it for every batch.
 */
final class KeyGroups {

    private KeyGroups() { }

    /** {@code first[i]} = the smallest {@code j} with {@code keys[j].equals(keys[i])} (so {@code first[i] ≤ i}). */
    static int[] firstOccurrence(String[] keys) {
        int n = keys.length;
        int[] first = new int[n];
        int capacity = Integer.highestOneBit(Math.max(1, n) * 2 - 1) << 1; // power of two, at least 2n
        int mask = capacity - 1;
        int[] table = new int[capacity];   // row + 1, 0 = empty
        int[] hashes = new int[capacity];
        for (int i = 0; i < n; i++) {
            String k = keys[i];
            int h = k.hashCode();
            int spread = h * 0x9E3779B9;
            for (int p = (spread ^ (spread >>> 16)) & mask; ; p = (p + 1) & mask) {
                int row = table[p] - 1;
                if (row < 0) {
                    table[p] = i + 1;
                    hashes[p] = h;
                    first[i] = i;
                    break;
                }
                if (hashes[p] == h && keys[row].equals(k)) {
                    first[i] = row;
                    break;
                }
            }
        }
        return first;
    }

    /** Number of distinct keys among {@code rows} (each row counted once), given {@link #firstOccurrence}. */
    static int distinct(int[] first, int[] rows) {
        boolean[] seen = new boolean[first.length];
        int count = 0;
        for (int r : rows) {
            if (!seen[first[r]]) {
                seen[first[r]] = true;
                count++;
            }
        }
        return count;
    }
}
