package io.dsr4j.programs.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bounded memo of evaluated programs keyed by the finished traversal, least recently used evicted first.
 *
 * <p>A long run evaluates over a million distinct programs, so the layout is compact rather than a map of objects
 * (a {@code LinkedHashMap<String, Entry>} costs about 160 bytes per program, which made the cache most of a run's
 * memory): entries live in parallel arrays indexed by slot (key bytes, reward, invalid flag, constants, LRU links) and
 * an open-addressing table of slot numbers finds them. A key is stored as one byte per token when every token index
 * is below 255 (any realistic library), else as a 0xFF marker followed by two bytes per token. About 60–70 bytes per
 * program.
 *
 * <p>Lookups return {@link Entry} snapshots: values, valid after the slot is evicted and reused. Capacity 0 stores
 * nothing (every lookup misses).
 *
 * <p>Not thread-safe, except {@link #locate}, {@link #locateAll} and {@link #entryAt} (reads only): the trainer
 * searches a batch's keys on its worker threads, then records the look-ups, hands the misses to scoring workers and
 * stores the results, in batch order on its own thread (so the content is independent of threads).
 */
public final class ProgramCache {

    /**
     * One cached program.
     *
     * @param key       the compact key (see {@link #key})
     * @param constants fitted constants in traversal order (empty array if none); do not modify
     */
    public record Entry(String key, double reward, boolean invalid, double[] constants) {

        public int[] traversal() { return decode(key); }
    }

    private static final double[] NO_CONSTANTS = new double[0];
    private static final int NONE = -1;
    private static final int WIDE = 0xFF;

    private final int capacity;
    private int size;
    // Per slot; slots 0..size-1 are in use (a slot freed by eviction is refilled at once by the new entry).
    private byte[][] keys = new byte[0][];
    private double[] rewards = new double[0];
    private boolean[] invalid = new boolean[0];
    private double[][] constants = new double[0][];
    private int[] newer = new int[0];
    private int[] older = new int[0];
    private int eldest = NONE;
    private int newest = NONE;
    // Open addressing, linear probing: slot + 1, 0 = empty; at most 70 % full.
    private int[] table = new int[16];
    private long hits;
    private long misses;
    private long evictions;

    public ProgramCache(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("cache capacity must be at least 0, got " + capacity);
        this.capacity = capacity;
    }

    /** Compact key of a traversal: one char per token index. */
    public static String key(int[] traversal) {
        char[] c = new char[traversal.length];
        for (int i = 0; i < c.length; i++) {
            int t = traversal[i];
            if (t < 0 || t > Character.MAX_VALUE) throw new IllegalArgumentException("token index out of range: " + t);
            c[i] = (char) t;
        }
        return new String(c);
    }

    public static int[] decode(String key) {
        int[] t = new int[key.length()];
        for (int i = 0; i < t.length; i++) t[i] = key.charAt(i);
        return t;
    }

    /**
     * Looks a program up; on a hit marks it recently used.
     *
     * @return the entry, or null on a miss
     */
    public Entry lookup(String key) {
        int slot = find(key);
        recordLookup(slot);
        return slot == NONE ? null : entry(slot, key);
    }

    /**
     * The first half of a {@link #lookup} split in two so that a batch's keys can be searched on several threads: the
     * slot holding {@code key}, or −1. Reads only, so threads may call it together while nothing writes; the slot is
     * valid until the next {@link #put} or {@link #clear}.
     */
    public int locate(String key) {
        return find(key);
    }

    /**
     * {@link #locate} for {@code keys[from..to)} into {@code slots[from..to)}, faster for many keys: the keys' home
     * cells in the table are read in a first pass, so that their cache misses overlap instead of following each other
     * (a large cache's table does not fit the processor's caches). Reads only, like locate.
     */
    public void locateAll(String[] keys, int from, int to, int[] slots) {
        if (size == 0) {
            Arrays.fill(slots, from, to, NONE);
            return;
        }
        int[] t = table;
        int mask = t.length - 1;
        int[] cells = new int[to - from];
        for (int i = from; i < to; i++) cells[i - from] = t[home(keys[i].hashCode(), mask)];
        for (int i = from; i < to; i++) {
            int s = cells[i - from] - 1;
            if (s < 0) slots[i] = NONE;
            else if (matches(this.keys[s], keys[i])) slots[i] = s;
            else slots[i] = find(keys[i]);
        }
    }

    /** The entry in a slot {@link #locate} found, without counting or marking it (reads only, like locate). */
    public Entry entryAt(int slot, String key) {
        return entry(slot, key);
    }

    /**
     * The second half of a {@link #lookup}: counts a hit (marking the slot recently used) or, for −1, a miss. Called
     * in batch order, it leaves the cache exactly as the same lookups would.
     */
    public void recordLookup(int slot) {
        if (slot == NONE) {
            misses++;
            return;
        }
        hits++;
        touch(slot);
    }

    public Entry lookup(int[] traversal) {
        return lookup(key(traversal));
    }

    /** The entry without counting a hit or miss (still marks it recently used), or null. */
    public Entry peek(String key) {
        int slot = find(key);
        if (slot == NONE) return null;
        touch(slot);
        return entry(slot, key);
    }

    /**
     * Stores a newly evaluated program. If the key is already present, the existing entry is kept and returned
     * instead (the first result wins, as in the reference).
     */
    public Entry put(String key, double reward, boolean invalid, double[] constants) {
        double[] c = constants == null || constants.length == 0 ? NO_CONSTANTS : constants;
        if (capacity == 0) return new Entry(key, reward, invalid, c);
        int existing = find(key);
        if (existing != NONE) {
            touch(existing);
            return entry(existing, key);
        }
        int slot;
        if (size == capacity) {
            slot = eldest;
            removeFromTable(slot);
            unlink(slot);
            evictions++;
        } else {
            slot = size++;
            ensureSlots(size);
            if (size * 10L > table.length * 7L) rehash(table.length * 2);
        }
        this.keys[slot] = encode(key);
        this.rewards[slot] = reward;
        this.invalid[slot] = invalid;
        this.constants[slot] = c == NO_CONSTANTS ? null : c;
        linkNewest(slot);
        insertIntoTable(slot, key.hashCode());
        return new Entry(key, reward, invalid, c);
    }

    public int size() { return size; }

    public int capacity() { return capacity; }

    public long hits() { return hits; }

    public long misses() { return misses; }

    public long evictions() { return evictions; }

    /** A snapshot of the entries, least recently used first. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>(size);
        for (int s = eldest; s != NONE; s = newer[s]) out.add(entry(s, decodeKey(keys[s])));
        return out;
    }

    public void clear() {
        size = 0;
        keys = new byte[0][];
        rewards = new double[0];
        invalid = new boolean[0];
        constants = new double[0][];
        newer = new int[0];
        older = new int[0];
        eldest = newest = NONE;
        table = new int[16];
    }

    private Entry entry(int slot, String key) {
        double[] c = constants[slot];
        return new Entry(key, rewards[slot], invalid[slot], c == null ? NO_CONSTANTS : c);
    }

    // --- key bytes ---

    private static byte[] encode(String key) {
        int n = key.length();
        boolean narrow = true;
        for (int i = 0; i < n && narrow; i++) narrow = key.charAt(i) < WIDE;
        if (narrow) {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) b[i] = (byte) key.charAt(i);
            return b;
        }
        byte[] b = new byte[1 + 2 * n];
        b[0] = (byte) WIDE;
        for (int i = 0; i < n; i++) {
            b[1 + 2 * i] = (byte) (key.charAt(i) >>> 8);
            b[2 + 2 * i] = (byte) key.charAt(i);
        }
        return b;
    }

    private static boolean isWide(byte[] b) {
        return b.length > 0 && (b[0] & 0xFF) == WIDE;
    }

    private static String decodeKey(byte[] b) {
        if (!isWide(b)) {
            char[] c = new char[b.length];
            for (int i = 0; i < b.length; i++) c[i] = (char) (b[i] & 0xFF);
            return new String(c);
        }
        char[] c = new char[(b.length - 1) / 2];
        for (int i = 0; i < c.length; i++) c[i] = (char) (((b[1 + 2 * i] & 0xFF) << 8) | (b[2 + 2 * i] & 0xFF));
        return new String(c);
    }

    private static boolean matches(byte[] b, String key) {
        int n = key.length();
        if (!isWide(b)) {
            if (b.length != n) return false;
            for (int i = 0; i < n; i++) if ((b[i] & 0xFF) != key.charAt(i)) return false;
            return true;
        }
        if (b.length != 1 + 2 * n) return false;
        for (int i = 0; i < n; i++) {
            if ((((b[1 + 2 * i] & 0xFF) << 8) | (b[2 + 2 * i] & 0xFF)) != key.charAt(i)) return false;
        }
        return true;
    }

    /** The same value as {@code String.hashCode()} of the decoded key, without building the String. */
    private static int hashOf(byte[] b) {
        int h = 0;
        if (!isWide(b)) {
            for (byte v : b) h = 31 * h + (v & 0xFF);
        } else {
            for (int i = 1; i < b.length; i += 2) h = 31 * h + (((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF));
        }
        return h;
    }

    // --- hash table ---

    private static int home(int hash, int mask) {
        int h = hash * 0x9E3779B9;     // spread: String hashes of short keys cluster in the low bits
        return (h ^ (h >>> 16)) & mask;
    }

    private int find(String key) {
        if (size == 0) return NONE;
        int mask = table.length - 1;
        for (int i = home(key.hashCode(), mask); ; i = (i + 1) & mask) {
            int s = table[i] - 1;
            if (s < 0) return NONE;
            if (matches(keys[s], key)) return s;
        }
    }

    private void insertIntoTable(int slot, int hash) {
        int mask = table.length - 1;
        int i = home(hash, mask);
        while (table[i] != 0) i = (i + 1) & mask;
        table[i] = slot + 1;
    }

    /** Backward-shift deletion keeps probe chains intact without tombstones. */
    private void removeFromTable(int slot) {
        int mask = table.length - 1;
        int i = home(hashOf(keys[slot]), mask);
        while (table[i] != slot + 1) i = (i + 1) & mask;
        int gap = i;
        for (int j = (gap + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            int h = home(hashOf(keys[table[j] - 1]), mask);
            // move j into the gap when its home does not lie cyclically in (gap, j]
            boolean homeInRange = gap <= j ? (h > gap && h <= j) : (h > gap || h <= j);
            if (!homeInRange) {
                table[gap] = table[j];
                gap = j;
            }
        }
        table[gap] = 0;
    }

    private void rehash(int newLength) {
        table = new int[newLength];
        for (int s = 0; s < size; s++) {
            if (keys[s] != null) insertIntoTable(s, hashOf(keys[s]));
        }
    }

    private void ensureSlots(int needed) {
        if (needed <= keys.length) return;
        int n = (int) Math.min(capacity, Math.max(needed, Math.max(16L, keys.length * 3L / 2)));
        keys = Arrays.copyOf(keys, n);
        rewards = Arrays.copyOf(rewards, n);
        invalid = Arrays.copyOf(invalid, n);
        constants = Arrays.copyOf(constants, n);
        newer = Arrays.copyOf(newer, n);
        older = Arrays.copyOf(older, n);
    }

    // --- recency list: eldest -> ... -> newest ---

    private void touch(int slot) {
        if (slot == newest) return;
        unlink(slot);
        linkNewest(slot);
    }

    private void unlink(int slot) {
        int o = older[slot], n = newer[slot];
        if (o == NONE) eldest = n; else newer[o] = n;
        if (n == NONE) newest = o; else older[n] = o;
    }

    private void linkNewest(int slot) {
        older[slot] = newest;
        newer[slot] = NONE;
        if (newest == NONE) eldest = slot; else newer[newest] = slot;
        newest = slot;
    }
}
