package io.dsr4j.programs.prior;

import io.dsr4j.api.policy.Episode;
import io.dsr4j.api.token.Library;

import java.util.Arrays;

/**
 * One batch of sequences being sampled in a {@link PriorEnvironment}: the tree state of every row and the joint
 * prior of its next position. Rows advance in lockstep, so position 0 (initial prior) is the same for all rows.
 */
public final class PriorEpisode implements Episode {

    private final PriorEnvironment env;
    private final PriorEnvironment.Workspace ws;
    private final TreeState state;
    private final long generation;
    private int steps;

    PriorEpisode(PriorEnvironment env, PriorEnvironment.Workspace ws, long generation) {
        this.env = env;
        this.ws = ws;
        this.state = ws.state;
        this.generation = generation;
    }

    private void checkCurrent() {
        if (ws.generation != generation) {
            throw new IllegalStateException("this episode was superseded: a later start() on the same thread reused its buffers");
        }
    }

    @Override
    public void priors(float[] out) {
        checkCurrent();
        int cells = state.batchSize() * env.library().size();
        if (out.length < cells) throw new IllegalArgumentException("prior buffer has " + out.length + " entries, need " + cells);
        Arrays.fill(out, 0, cells, 0f); // finished rows get zeros; the rest is overwritten
        unfinishedPriors(out);
    }

    @Override
    public void unfinishedPriors(float[] out) {
        checkCurrent();
        int stride = env.library().size();
        int cells = state.batchSize() * stride;
        if (out.length < cells) throw new IllegalArgumentException("prior buffer has " + out.length + " entries, need " + cells);
        double[] adjust = ws.adjust;
        int[] rows = state.unfinishedRows();
        int live = state.unfinishedCount();
        // adjust is all zero here (start() clears it, and each row is cleared below as it is read, or on a failure),
        // so the priors add to zeros without a clearing pass per step.
        boolean atStart = steps == 0;
        try {
            env.joint(state, atStart, adjust);
        } catch (RuntimeException | Error e) {
            clear(adjust, rows, 0, live, stride);
            throw e;
        }
        for (int i = 0; i < live; i++) {
            int row = rows[i], offset = row * stride;
            boolean anyAllowed = false;
            for (int k = offset, end = offset + stride; k < end; k++) {
                double v = adjust[k];
                adjust[k] = 0.0;
                anyAllowed |= v != Double.NEGATIVE_INFINITY;
                out[k] = (float) v;
            }
            if (!anyAllowed) {
                clear(adjust, rows, i + 1, live, stride);
                throw env.conflict(state, row, atStart);
            }
        }
    }

    private static void clear(double[] adjust, int[] rows, int from, int to, int stride) {
        for (int i = from; i < to; i++) Arrays.fill(adjust, rows[i] * stride, rows[i] * stride + stride, 0.0);
    }

    @Override
    public void advance(int[] actions) {
        checkCurrent();
        state.advance(actions);
        steps++;
    }

    @Override public boolean allFinished() { return state.allFinished(); }

    /** True when the row's expression is complete (not cut off at the max length). */
    public boolean complete(int row) { return state.complete(row); }

    /** The row's tokens so far. */
    public int[] actions(int row) { return state.actions(row); }

    /** The row's tokens so far, comma-separated names. */
    public String prefix(int row) { return state.prefix(row); }

    @Override public Library library() { return state.library(); }

    @Override public int batchSize() { return state.batchSize(); }

    @Override public int length(int row) { return state.length(row); }

    @Override public int dangling(int row) { return state.dangling(row); }

    @Override public int parent(int row) { return state.parent(row); }

    @Override public int sibling(int row) { return state.sibling(row); }

    @Override public int lastAction(int row) { return state.lastAction(row); }

    @Override public boolean finished(int row) { return state.finished(row); }

    @Override public int unfinishedCount() { return state.unfinishedCount(); }

    @Override public int[] unfinishedRows() { return state.unfinishedRows(); }

    @Override public int count(int row, int token) { return state.count(row, token); }

    @Override public int ancestorCount(int row, int token) { return state.ancestorCount(row, token); }

    @Override public int maxLength() { return state.maxLength(); }
}
