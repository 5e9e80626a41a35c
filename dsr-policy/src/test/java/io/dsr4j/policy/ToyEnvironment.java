package io.dsr4j.policy;

import io.dsr4j.api.policy.Episode;
import io.dsr4j.api.policy.SamplingEnvironment;
import io.dsr4j.api.token.Library;

import java.util.Arrays;

/**
 * A test-only sampling environment emulating the reference's regression priors: a hard length constraint
 * [minLength, maxLength] (−∞ entries) and, optionally, the soft uniform-arity prior (each arity group gets equal
 * mass under uniform logits) plus optional hard bans of given tokens. Tree state (parent, sibling, dangling) follows
 * the reference's rules exactly.
 */
public final class ToyEnvironment implements SamplingEnvironment {

    private final Library library;
    private final int minLength;
    private final int maxLength;
    private final float[] soft;
    private final boolean[] banned;

    public ToyEnvironment(Library library, int minLength, int maxLength, boolean uniformArity, int... bannedTokens) {
        this.library = library;
        this.minLength = minLength;
        this.maxLength = maxLength;
        int L = library.size();
        soft = new float[L];
        if (uniformArity) {
            int[] groupSize = new int[3];
            for (int k = 0; k < L; k++) groupSize[library.arity(k)]++;
            for (int k = 0; k < L; k++) soft[k] = (float) -Math.log(groupSize[library.arity(k)]);
        }
        banned = new boolean[L];
        for (int b : bannedTokens) banned[b] = true;
    }

    @Override
    public Library library() { return library; }

    @Override
    public int maxLength() { return maxLength; }

    @Override
    public Episode start(int n) { return new ToyEpisode(n); }

    private final class ToyEpisode implements Episode {
        private final int n;
        private final int[] length;
        private final int[] dangling;
        private final int[] last;
        private final boolean[] finished;
        private final int[] counts;
        // per row stack of open operators: token, children completed, root of the first child
        private final int[][] stackTok;
        private final int[][] stackFilled;
        private final int[][] stackFirst;
        private final int[] depth;

        ToyEpisode(int n) {
            this.n = n;
            length = new int[n];
            dangling = new int[n];
            Arrays.fill(dangling, 1);
            last = new int[n];
            Arrays.fill(last, -1);
            finished = new boolean[n];
            counts = new int[n * library.size()];
            stackTok = new int[n][maxLength + 1];
            stackFilled = new int[n][maxLength + 1];
            stackFirst = new int[n][maxLength + 1];
            depth = new int[n];
        }

        @Override public Library library() { return library; }
        @Override public int batchSize() { return n; }
        @Override public int length(int row) { return length[row]; }
        @Override public int dangling(int row) { return dangling[row]; }
        @Override public int lastAction(int row) { return last[row]; }
        @Override public boolean finished(int row) { return finished[row]; }
        @Override public int count(int row, int token) { return counts[row * library.size() + token]; }
        @Override public int maxLength() { return maxLength; }

        @Override
        public int parent(int row) { return depth[row] == 0 ? -1 : stackTok[row][depth[row] - 1]; }

        @Override
        public int sibling(int row) {
            int d = depth[row];
            return d > 0 && stackFilled[row][d - 1] == 1 ? stackFirst[row][d - 1] : -1;
        }

        @Override
        public int ancestorCount(int row, int token) {
            int c = 0;
            for (int i = 0; i < depth[row]; i++) if (stackTok[row][i] == token) c++;
            return c;
        }

        @Override
        public void priors(float[] out) {
            int L = library.size();
            for (int r = 0; r < n; r++) {
                int o = r * L;
                if (finished[r]) {
                    Arrays.fill(out, o, o + L, 0f);
                    continue;
                }
                for (int k = 0; k < L; k++) {
                    int a = library.arity(k);
                    boolean tooLong = length[r] + dangling[r] + a > maxLength;
                    boolean tooShort = a == 0 && dangling[r] == 1 && length[r] + 1 < minLength;
                    out[o + k] = tooLong || tooShort || banned[k] ? Float.NEGATIVE_INFINITY : soft[k];
                }
            }
        }

        @Override
        public void advance(int[] actions) {
            int L = library.size();
            for (int r = 0; r < n; r++) {
                if (finished[r]) continue;
                int tok = actions[r];
                int a = library.arity(tok);
                int d = depth[r];
                if (d > 0 && stackFilled[r][d - 1] == 0) stackFirst[r][d - 1] = tok;
                if (a > 0) {
                    stackTok[r][d] = tok;
                    stackFilled[r][d] = 0;
                    depth[r] = d + 1;
                } else {
                    while (depth[r] > 0) {
                        int top = depth[r] - 1;
                        stackFilled[r][top]++;
                        if (stackFilled[r][top] == library.arity(stackTok[r][top])) depth[r]--;
                        else break;
                    }
                }
                counts[r * L + tok]++;
                last[r] = tok;
                length[r]++;
                dangling[r] += a - 1;
                finished[r] = dangling[r] == 0 || length[r] >= maxLength;
            }
        }

        @Override
        public boolean allFinished() {
            for (boolean f : finished) if (!f) return false;
            return true;
        }
    }
}
