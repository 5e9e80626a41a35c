package io.dsr4j.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounded LRU cache of program scores keyed by the finished traversal, so repeated samples cost a lookup instead
 * of an evaluation (and a constant fit). Used from the trainer thread only.
 */
final class ScoreCache {

    record Entry(double reward, boolean invalid, double[] constants) { }

    private final LinkedHashMap<String, Entry> map;

    ScoreCache(int capacity) {
        this.map = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Compact string key of a traversal (token indices as chars). */
    static String key(int[] traversal) {
        char[] c = new char[traversal.length];
        for (int i = 0; i < c.length; i++) c[i] = (char) traversal[i];
        return new String(c);
    }

    static int[] traversal(String key) {
        int[] t = new int[key.length()];
        for (int i = 0; i < t.length; i++) t[i] = key.charAt(i);
        return t;
    }

    Entry get(String key) { return map.get(key); }

    void put(String key, Entry e) { map.put(key, e); }

    int size() { return map.size(); }

    /** Entries in LRU order (eldest first), for checkpoints. */
    Iterable<Map.Entry<String, Entry>> entries() { return map.entrySet(); }

    void clear() { map.clear(); }
}
