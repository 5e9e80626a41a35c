package io.dsr4j.train.log;

import io.dsr4j.train.ProgramRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Complexity-versus-reward Pareto front over every program evaluated in the run, kept incrementally: for each
 * complexity value only the best (first-seen on ties) program can be on the front, so a small map suffices.
 */
public final class ParetoFront {

    private final TreeMap<Double, ProgramRecord> bestPerComplexity = new TreeMap<>();

    public void offer(ProgramRecord p) {
        if (Double.isNaN(p.reward()) || p.invalid()) return;
        ProgramRecord cur = bestPerComplexity.get(p.complexity());
        if (cur == null || p.reward() > cur.reward()) bestPerComplexity.put(p.complexity(), p);
    }

    /** Non-dominated programs sorted by increasing complexity (and so increasing reward). */
    public List<ProgramRecord> front() {
        List<ProgramRecord> out = new ArrayList<>();
        double bestSoFar = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Double, ProgramRecord> e : bestPerComplexity.entrySet()) {
            if (e.getValue().reward() > bestSoFar) {
                out.add(e.getValue());
                bestSoFar = e.getValue().reward();
            }
        }
        return out;
    }

    /** Everything kept (for checkpoints). */
    public List<ProgramRecord> candidates() {
        return new ArrayList<>(bestPerComplexity.values());
    }

    public void restore(List<ProgramRecord> candidates) {
        bestPerComplexity.clear();
        candidates.forEach(this::offer);
    }
}
