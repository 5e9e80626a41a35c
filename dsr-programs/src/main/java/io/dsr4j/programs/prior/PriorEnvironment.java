package io.dsr4j.programs.prior;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.policy.Episode;
import io.dsr4j.api.policy.SamplingEnvironment;
import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.token.Library;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * The in-situ sampling environment: library + priors + max length. {@link #start(int)} hands out an
 * {@link Episode} whose joint prior is the sum of every prior's adjustment (the initial prior at position 0,
 * zeros for finished rows), computed in O(batch × library) per step without allocation.
 *
 * <p>Each thread reuses one workspace (tree state and prior buffer) across its episodes: starting a new episode
 * on a thread supersedes that thread's previous one, whose {@code priors}/{@code advance} then fail fast.
 */
public final class PriorEnvironment implements SamplingEnvironment {

    private final Library library;
    private final List<PriorSet.Entry> priors;
    private final Prior[] priorArray;
    private final int maxLength;
    private final double[] initialJoint;
    private final ThreadLocal<Workspace> workspaces;

    /** Per-thread reusable buffers. */
    static final class Workspace {
        final TreeState state;
        double[] adjust = new double[0]; // all zero between steps (see PriorEpisode.unfinishedPriors)
        long generation;

        Workspace(TreeState state) {
            this.state = state;
        }
    }

    public PriorEnvironment(Library library, List<PriorSet.Entry> priors, int maxLength) {
        if (maxLength < 1) throw new IllegalArgumentException("max length must be at least 1, got " + maxLength);
        this.library = library;
        this.priors = List.copyOf(priors);
        this.priorArray = this.priors.stream().map(PriorSet.Entry::prior).toArray(Prior[]::new);
        this.maxLength = maxLength;
        this.initialJoint = new double[library.size()];
        for (Prior p : priorArray) p.initial(initialJoint);
        this.workspaces = ThreadLocal.withInitial(() -> new Workspace(new TreeState(library, maxLength)));
    }

    @Override public Library library() { return library; }

    @Override public int maxLength() { return maxLength; }

    public List<PriorSet.Entry> priors() { return priors; }

    /** The joint prior of position 0 (a copy). */
    public double[] initialPrior() { return initialJoint.clone(); }

    @Override
    public PriorEpisode start(int n) {
        if (n < 0) throw new IllegalArgumentException("batch size must be non-negative, got " + n);
        Workspace ws = workspaces.get();
        ws.generation++;
        ws.state.reset(n);
        int cells = Math.multiplyExact(n, library.size());
        // the episode keeps adjust all zero between steps (PriorEpisode.unfinishedPriors); clearing it here also
        // covers a prior that wrote to rows it should not have
        if (ws.adjust.length < cells) ws.adjust = new double[cells];
        else Arrays.fill(ws.adjust, 0, cells, 0.0);
        return new PriorEpisode(this, ws, ws.generation);
    }

    /**
     * Replays all traversals in lockstep through one fresh tree state (O(total length × library) work, no episode
     * and no conflict error: a prefix that already broke a constraint may reach states where every token is
     * forbidden). Thread-safe.
     */
    @Override
    public boolean[] violations(int[][] traversals) {
        int n = traversals.length;
        boolean[] violated = new boolean[n];
        int width = 0;
        for (int r = 0; r < n; r++) {
            width = Math.max(width, traversals[r].length);
            violated[r] = traversals[r].length > maxLength || traversals[r].length == 0;
        }
        TreeState state = newState();
        state.reset(n);
        int stride = library.size();
        double[] adjust = new double[n * stride];
        int[] next = new int[n];
        for (int t = 0; t < width && !state.allFinished(); t++) {
            Arrays.fill(adjust, 0);
            joint(state, t == 0, adjust);
            for (int r = 0; r < n; r++) {
                if (state.finished(r)) continue;
                int[] tr = traversals[r];
                if (t >= tr.length) {          // incomplete traversal: not a program
                    violated[r] = true;
                    next[r] = library.terminalTokens()[0];
                    continue;
                }
                int token = tr[t];
                if (adjust[r * stride + token] == Double.NEGATIVE_INFINITY) violated[r] = true;
                next[r] = token;
            }
            state.advance(next);
        }
        for (int r = 0; r < n; r++) if (state.length(r) != traversals[r].length || !state.complete(r)) violated[r] = true;
        return violated;
    }

    /** A fresh, unshared tree state (for replays and tools). */
    TreeState newState() {
        return new TreeState(library, maxLength);
    }

    /**
     * Joint prior of the next position of every row of {@code state} into {@code adjust} (row-major; finished rows
     * untouched, the caller zeroes first). {@code atStart} selects the initial prior (no token chosen yet).
     */
    void joint(TreeState state, boolean atStart, double[] adjust) {
        int stride = library.size();
        if (atStart) {
            int[] rows = state.unfinishedRows();
            for (int i = 0, live = state.unfinishedCount(); i < live; i++) {
                System.arraycopy(initialJoint, 0, adjust, rows[i] * stride, stride);
            }
            return;
        }
        for (Prior p : priorArray) p.step(state, adjust);
    }

    /** Each prior's own adjustment for {@code row} of {@code state} (diagnostics only: allocates). */
    double[][] contributions(TreeState state, int row, boolean atStart) {
        int stride = library.size();
        double[][] out = new double[priorArray.length][];
        double[] buf = atStart ? new double[stride] : new double[state.batchSize() * stride];
        for (int i = 0; i < priorArray.length; i++) {
            Arrays.fill(buf, 0);
            if (atStart) {
                priorArray[i].initial(buf);
                out[i] = buf.clone();
            } else {
                priorArray[i].step(state, buf);
                out[i] = Arrays.copyOfRange(buf, row * stride, (row + 1) * stride);
            }
        }
        return out;
    }

    /** The error for a row where every token is forbidden: which prior forbids which tokens. */
    ConfigException conflict(TreeState state, int row, boolean atStart) {
        double[][] parts = contributions(state, row, atStart);
        StringJoiner who = new StringJoiner(", ");
        for (int i = 0; i < parts.length; i++) {
            List<String> forbidden = new ArrayList<>();
            for (int t = 0; t < parts[i].length; t++) {
                if (parts[i][t] == Double.NEGATIVE_INFINITY) forbidden.add(library.name(t));
            }
            if (!forbidden.isEmpty()) who.add(priors.get(i).name() + " forbids " + forbidden);
        }
        int position = state.length(row);
        String where = position == 0 ? "position 0 (first token)"
                : "position " + position + " after '" + state.prefix(row) + "'";
        return new ConfigException("prior conflict at " + where + ": every token is forbidden: " + who
                + "; the priors contradict each other, relax one of them in the prior section "
                + "('./dsr constraints CONFIG \"tok,tok,...\"' shows what each prior forbids along a traversal)");
    }
}
