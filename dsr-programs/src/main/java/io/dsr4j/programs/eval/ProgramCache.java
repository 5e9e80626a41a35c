package io.dsr4j.programs.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Bounded memo of evaluated programs keyed by the finished traversal, least recently used evicted first.
 * Keys are Strings of one char per token index: for libraries of fewer than 256 tokens the JVM stores them as
 * one byte per token (compact strings), with their hash cached. Values hold the reward, the invalid flag, the
 * fitted constants, on-/off-policy occurrence counts and lazily computed test metrics.
 *
 * <p>Not thread-safe: it is meant for the trainer thread, which looks programs up before handing the misses to
 * scoring workers and stores the results afterwards in batch order (so the content is independent of threads).
 */
public final class ProgramCache {

    /** One cached program. Mutable counts and test result; everything else is fixed at insertion. */
    public static final class Entry {
        private final String key;
        private final double reward;
        private final boolean invalid;
        private final double[] constants;
        private int onPolicyCount;
        private int offPolicyCount;
        private Object test;

        private Entry(String key, double reward, boolean invalid, double[] constants) {
            this.key = key;
            this.reward = reward;
            this.invalid = invalid;
            this.constants = constants;
        }

        public int[] traversal() { return decode(key); }

        public String key() { return key; }

        public double reward() { return reward; }

        public boolean invalid() { return invalid; }

        /** Fitted constants in traversal order (empty array if none); do not modify. */
        public double[] constants() { return constants; }

        public int onPolicyCount() { return onPolicyCount; }

        public int offPolicyCount() { return offPolicyCount; }

        /** The test result, computed on first request and then kept (of whatever type the caller uses). */
        @SuppressWarnings("unchecked")
        public <T> T test(Supplier<T> compute) {
            if (test == null) test = compute.get();
            return (T) test;
        }

        /** True once {@link #test} has been computed. */
        public boolean hasTest() { return test != null; }
    }

    private static final double[] NO_CONSTANTS = new double[0];

    private final int capacity;
    private final LinkedHashMap<String, Entry> map;
    private long hits;
    private long misses;
    private long evictions;

    public ProgramCache(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("cache capacity must be positive, got " + capacity);
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                if (size() > ProgramCache.this.capacity) {
                    evictions++;
                    return true;
                }
                return false;
            }
        };
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
     * Looks a program up; on a hit counts one on-policy (or off-policy) occurrence and marks it recently used.
     *
     * @return the entry, or null on a miss
     */
    public Entry lookup(String key, boolean onPolicy) {
        Entry e = map.get(key);
        if (e == null) {
            misses++;
            return null;
        }
        hits++;
        if (onPolicy) e.onPolicyCount++; else e.offPolicyCount++;
        return e;
    }

    public Entry lookup(int[] traversal, boolean onPolicy) {
        return lookup(key(traversal), onPolicy);
    }

    /** The entry without counting an occurrence (still marks it recently used), or null. */
    public Entry peek(String key) { return map.get(key); }

    /**
     * Stores a newly evaluated program with one occurrence. If the key is already present, the existing entry is
     * kept and counted instead (the first result wins, as in the reference).
     */
    public Entry put(String key, double reward, boolean invalid, double[] constants, boolean onPolicy) {
        Entry e = map.get(key);
        if (e == null) {
            e = new Entry(key, reward, invalid, constants == null || constants.length == 0 ? NO_CONSTANTS : constants);
            map.put(key, e);
        }
        if (onPolicy) e.onPolicyCount++; else e.offPolicyCount++;
        return e;
    }

    public int size() { return map.size(); }

    public int capacity() { return capacity; }

    public long hits() { return hits; }

    public long misses() { return misses; }

    public long evictions() { return evictions; }

    /** A snapshot of the entries, least recently used first. */
    public List<Entry> entries() { return new ArrayList<>(map.values()); }

    public void clear() {
        map.clear();
    }
}
