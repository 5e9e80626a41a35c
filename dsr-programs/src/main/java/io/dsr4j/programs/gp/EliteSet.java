package io.dsr4j.programs.gp;

import io.dsr4j.programs.eval.ProgramCache;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The best distinct programs seen, at most {@code capacity} (DEAP's {@code HallOfFame} as GP-meld uses it: updated
 * with every generation, no duplicates). Ties as DEAP breaks them: among equal rewards the one offered last ranks
 * first, so when the set is full the oldest of the worst is the one dropped; a full set takes a program only if it is
 * strictly better than the worst.
 */
public final class EliteSet {

    private final int capacity;
    private final List<int[]> programs = new ArrayList<>();
    private final List<Double> rewards = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();

    public EliteSet(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("capacity must be at least 0");
        this.capacity = capacity;
    }

    public void update(Population population) {
        for (int i = 0; i < population.size(); i++) offer(population.programs()[i], population.rewards()[i]);
    }

    public void offer(int[] program, double reward) {
        if (capacity == 0) return;
        int n = programs.size();
        if (n == capacity && !(reward > rewards.get(n - 1))) return;
        String key = ProgramCache.key(program);
        if (!keys.add(key)) return;
        int at = n;
        while (at > 0 && rewards.get(at - 1) <= reward) at--;   // bisect_right on DEAP's ascending keys
        programs.add(at, program);
        rewards.add(at, reward);
        if (programs.size() > capacity) {
            keys.remove(ProgramCache.key(programs.remove(capacity)));
            rewards.remove(capacity);
        }
    }

    /** Best first. */
    public int[][] programs() { return programs.toArray(int[][]::new); }

    public double[] rewards() { return rewards.stream().mapToDouble(Double::doubleValue).toArray(); }

    public int size() { return programs.size(); }
}
