package io.dsr4j.train.log;

import io.dsr4j.train.ProgramRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Top-N distinct programs by reward, maintained incrementally as programs are first evaluated (the reference
 * sorts its whole unbounded cache at the end; our cache is bounded, so the hall of fame keeps its own copy).
 * Ties are broken by first-seen order so results are deterministic.
 */
public final class HallOfFame {

    private record Entry(ProgramRecord program, String key, long order) { }

    private static final Comparator<Entry> BEST_FIRST = Comparator
            .comparingDouble((Entry e) -> -e.program().reward())
            .thenComparingLong(Entry::order);

    private final int capacity;
    private final TreeSet<Entry> entries = new TreeSet<>(BEST_FIRST);
    private final Map<String, Entry> byKey = new HashMap<>();
    private long counter;

    public HallOfFame(int capacity) {
        this.capacity = capacity;
    }

    /** Offers a newly evaluated program (duplicates by key are ignored). */
    public void offer(String key, ProgramRecord p) {
        if (capacity <= 0 || byKey.containsKey(key) || Double.isNaN(p.reward())) return;
        if (entries.size() >= capacity && p.reward() <= entries.last().program().reward()) return;
        Entry e = new Entry(p, key, counter++);
        entries.add(e);
        byKey.put(key, e);
        if (entries.size() > capacity) {
            Entry worst = entries.pollLast();
            byKey.remove(worst.key());
        }
    }

    /** Best first. */
    public List<ProgramRecord> programs() {
        List<ProgramRecord> out = new ArrayList<>();
        for (Entry e : entries) out.add(e.program());
        return out;
    }

    public List<String> keys() {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) out.add(e.key());
        return out;
    }

    public int size() { return entries.size(); }

    /** Restores entries saved with {@link #programs()} / {@link #keys()} (best first). */
    public void restore(List<String> keys, List<ProgramRecord> programs) {
        entries.clear();
        byKey.clear();
        counter = 0;
        for (int i = 0; i < keys.size(); i++) {
            Entry e = new Entry(programs.get(i), keys.get(i), counter++);
            entries.add(e);
            byKey.put(keys.get(i), e);
        }
    }

}
