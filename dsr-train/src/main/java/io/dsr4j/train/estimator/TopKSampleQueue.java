package io.dsr4j.train.estimator;

import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.util.Rng;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PQT's priority queue: the top-k samples by reward, unique by program key (the reference's UniquePriorityQueue).
 * A key already present is ignored; when full, a new sample replaces the lowest-reward entry only if it is strictly
 * better (ties keep the incumbent, as {@code heapq.heappushpop} does). Entries are kept in insertion order so that
 * draws are reproducible; k is small, so linear scans are cheapest.
 */
public final class TopKSampleQueue {

    /** One stored sample: its program key, reward, and its single-row sequence (actions, observations, priors). */
    public record Entry(String key, double reward, SequenceBatch sample) { }

    private final int capacity;
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();

    public TopKSampleQueue(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.capacity = capacity;
    }

    public int capacity() { return capacity; }

    public int size() { return entries.size(); }

    public boolean contains(String key) { return keys.contains(key); }

    /** Entries in insertion order (read-only view). */
    public List<Entry> entries() { return Collections.unmodifiableList(entries); }

    /**
     * Offers a one-row sample.
     *
     * @return true if it was stored
     */
    public boolean push(String key, double reward, SequenceBatch oneRow) {
        if (oneRow.size() != 1) throw new IllegalArgumentException("queue entries are single samples");
        if (keys.contains(key)) return false;
        if (entries.size() >= capacity) {
            int worst = 0;
            for (int i = 1; i < entries.size(); i++) if (entries.get(i).reward() < entries.get(worst).reward()) worst = i;
            if (!(reward > entries.get(worst).reward())) return false;
            keys.remove(entries.remove(worst).key());
        }
        entries.add(new Entry(key, reward, oneRow));
        keys.add(key);
        return true;
    }

    /** {@code count} entries drawn uniformly with replacement, as one batch (in draw order). */
    public SequenceBatch draw(int count, Rng rng) {
        if (entries.isEmpty()) throw new IllegalStateException("cannot draw from an empty queue");
        List<SequenceBatch> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) parts.add(entries.get(rng.nextInt(entries.size())).sample());
        return SequenceBatch.concat(parts);
    }

    void save(DataOutputStream out) throws IOException {
        out.writeInt(entries.size());
        for (Entry e : entries) {
            byte[] key = e.key().getBytes(StandardCharsets.UTF_8);
            out.writeInt(key.length);
            out.write(key);
            out.writeDouble(e.reward());
            SequenceBatchIo.write(out, e.sample());
        }
    }

    /** Replaces the contents with saved ones (re-pushed in order, so a smaller k keeps the best). */
    void load(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) throw new IOException("corrupt queue size " + n);
        entries.clear();
        keys.clear();
        for (int i = 0; i < n; i++) {
            int len = in.readInt();
            if (len < 0) throw new IOException("corrupt key length " + len);
            byte[] key = in.readNBytes(len);
            if (key.length != len) throw new IOException("truncated queue entry");
            double reward = in.readDouble();
            push(new String(key, StandardCharsets.UTF_8), reward, SequenceBatchIo.read(in));
        }
    }
}
