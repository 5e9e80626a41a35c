package io.dsr4j.api.policy;

import java.util.Arrays;
import java.util.List;

/**
 * Sampled sequences with everything training needs to re-score them exactly: actions, the observations seen before
 * each token, and the joint prior in force at each step. Arrays are row-major with a common width {@code width}.
 * Observations use token indices with -1 meaning "empty" (the policy maps them to its own vocabularies).
 */
public final class SequenceBatch {

    private final int size;
    private final int width;
    private final int librarySize;
    private final int[] actions;
    private final int[] lengths;
    private final int[] parents;
    private final int[] siblings;
    private final int[] danglings;
    private final float[] priors;

    /**
     * @param actions   size × width token indices (past a row's length: 0)
     * @param lengths   number of tokens sampled per row (≤ width)
     * @param parents   size × width parent token of each position (-1 = empty)
     * @param siblings  size × width sibling token of each position (-1 = empty)
     * @param danglings size × width dangling count before each position
     * @param priors    size × width × librarySize joint prior used at each position
     */
    public SequenceBatch(int size, int width, int librarySize, int[] actions, int[] lengths, int[] parents,
                         int[] siblings, int[] danglings, float[] priors) {
        this.size = size;
        this.width = width;
        this.librarySize = librarySize;
        this.actions = actions;
        this.lengths = lengths;
        this.parents = parents;
        this.siblings = siblings;
        this.danglings = danglings;
        this.priors = priors;
        if (actions.length != size * width || lengths.length != size || parents.length != size * width
                || siblings.length != size * width || danglings.length != size * width
                || priors.length != (long) size * width * librarySize) {
            throw new IllegalArgumentException("inconsistent SequenceBatch arrays");
        }
    }

    public int size() { return size; }

    public int width() { return width; }

    public int librarySize() { return librarySize; }

    public int length(int row) { return lengths[row]; }

    public int action(int row, int t) { return actions[row * width + t]; }

    /** Previous action of position t (-1 at t = 0). */
    public int previousAction(int row, int t) { return t == 0 ? -1 : actions[row * width + t - 1]; }

    public int parent(int row, int t) { return parents[row * width + t]; }

    public int sibling(int row, int t) { return siblings[row * width + t]; }

    public int dangling(int row, int t) { return danglings[row * width + t]; }

    public float prior(int row, int t, int token) { return priors[(row * width + t) * librarySize + token]; }

    /** Offset of (row, t) into the prior array; the next librarySize entries are that step's prior. */
    public int priorOffset(int row, int t) { return (row * width + t) * librarySize; }

    public float[] priorArray() { return priors; }

    /** The sampled tokens of one row (length {@code length(row)}). */
    public int[] tokens(int row) {
        return Arrays.copyOfRange(actions, row * width, row * width + lengths[row]);
    }

    /** The rows in {@code rows}, in that order, trimmed to their longest length. */
    public SequenceBatch select(int[] rows) {
        int w = 1;
        for (int r : rows) w = Math.max(w, lengths[r]);
        int n = rows.length;
        int[] a = new int[n * w], l = new int[n], p = new int[n * w], s = new int[n * w], d = new int[n * w];
        float[] pr = new float[n * w * librarySize];
        for (int i = 0; i < n; i++) {
            int r = rows[i];
            int len = Math.min(lengths[r], w);
            l[i] = lengths[r];
            System.arraycopy(actions, r * width, a, i * w, len);
            System.arraycopy(parents, r * width, p, i * w, len);
            System.arraycopy(siblings, r * width, s, i * w, len);
            System.arraycopy(danglings, r * width, d, i * w, len);
            System.arraycopy(priors, r * width * librarySize, pr, i * w * librarySize, len * librarySize);
        }
        return new SequenceBatch(n, w, librarySize, a, l, p, s, d, pr);
    }

    /** Concatenates batches of the same library (width = the widest). */
    public static SequenceBatch concat(List<SequenceBatch> parts) {
        int n = 0, w = 1, lib = parts.get(0).librarySize;
        for (SequenceBatch b : parts) {
            n += b.size;
            w = Math.max(w, b.width);
            if (b.librarySize != lib) throw new IllegalArgumentException("library sizes differ");
        }
        int[] a = new int[n * w], l = new int[n], p = new int[n * w], s = new int[n * w], d = new int[n * w];
        float[] pr = new float[n * w * lib];
        int i = 0;
        for (SequenceBatch b : parts) {
            for (int r = 0; r < b.size; r++, i++) {
                int len = b.lengths[r];
                l[i] = len;
                System.arraycopy(b.actions, r * b.width, a, i * w, len);
                System.arraycopy(b.parents, r * b.width, p, i * w, len);
                System.arraycopy(b.siblings, r * b.width, s, i * w, len);
                System.arraycopy(b.danglings, r * b.width, d, i * w, len);
                System.arraycopy(b.priors, r * b.width * lib, pr, i * w * lib, len * lib);
            }
        }
        return new SequenceBatch(n, w, lib, a, l, p, s, d, pr);
    }

    /**
     * The rows a policy would have recorded had it sampled these traversals: observations before each token and the
     * joint prior in force at each step (reference {@code JointPrior.at_once}, used for off-policy programs such as
     * GP-meld's). Every traversal must be one the environment allows ({@link SamplingEnvironment#violations} false).
     */
    public static SequenceBatch replay(SamplingEnvironment env, int[][] traversals) {
        int n = traversals.length;
        int lib = env.library().size();
        int w = 1;
        for (int[] t : traversals) w = Math.max(w, t.length);
        int[] a = new int[n * w], l = new int[n], p = new int[n * w], s = new int[n * w], d = new int[n * w];
        float[] pr = new float[n * w * lib];
        float[] step = new float[n * lib];
        int[] next = new int[n];
        Episode episode = env.start(n);
        for (int t = 0; t < w && !episode.allFinished(); t++) {
            episode.priors(step);
            for (int r = 0; r < n; r++) {
                if (episode.finished(r)) continue;
                int at = r * w + t;
                a[at] = traversals[r][t];
                p[at] = episode.parent(r);
                s[at] = episode.sibling(r);
                d[at] = episode.dangling(r);
                System.arraycopy(step, r * lib, pr, at * lib, lib);
                next[r] = traversals[r][t];
                l[r] = t + 1;
            }
            episode.advance(next);
        }
        for (int r = 0; r < n; r++) {
            if (l[r] != traversals[r].length) {
                throw new IllegalArgumentException("traversal " + r + " is not one complete expression within the max length");
            }
        }
        return new SequenceBatch(n, w, lib, a, l, p, s, d, pr);
    }
}
