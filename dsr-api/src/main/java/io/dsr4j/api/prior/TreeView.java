package io.dsr4j.api.prior;

import io.dsr4j.api.token.Library;

/**
 * Read-only, incrementally maintained state of a batch of partial prefix traversals, describing the <em>next</em>
 * position of every row. Priors read it instead of rescanning the action history, so a step costs
 * O(batch × library). Maintained by dsr-programs; rows are 0..batchSize()-1.
 */
public interface TreeView {

    Library library();

    int batchSize();

    /** Number of tokens already chosen in the row (the index of the next position). */
    int length(int row);

    /** Open slots (reference "dangling"): 1 at start, += arity - 1 per token; 0 when complete. */
    int dangling(int row);

    /** Token index of the parent of the next position, or -1 (empty). */
    int parent(int row);

    /** Token index of the left sibling of the next position (only for a 2nd child), or -1 (empty). */
    int sibling(int row);

    /** Last chosen token, or -1 at position 0. */
    int lastAction(int row);

    /** True when the row's expression is complete or the row hit the maximum length. */
    boolean finished(int row);

    /** Number of rows not finished yet. The default counts them. */
    default int unfinishedCount() {
        int c = 0;
        for (int r = 0, n = batchSize(); r < n; r++) if (!finished(r)) c++;
        return c;
    }

    /**
     * The unfinished rows in ascending order, in the first {@link #unfinishedCount()} entries: a prior loops over
     * them instead of testing every row of the batch (late in an episode most rows are finished). Read-only and
     * valid until the view changes. The default collects them into a new array; {@code TreeState} keeps the list.
     */
    default int[] unfinishedRows() {
        int[] rows = new int[unfinishedCount()];
        for (int r = 0, n = batchSize(), i = 0; r < n; r++) if (!finished(r)) rows[i++] = r;
        return rows;
    }

    /** How many times {@code token} was chosen so far in the row. */
    int count(int row, int token);

    /** How many times {@code token} appears among the ancestors of the next position. */
    int ancestorCount(int row, int token);

    /** Maximum length in force for this batch. */
    int maxLength();

    /**
     * Depth of the next position in its expression tree: 0 for the root, 1 for its children, ... (the number of its
     * ancestors). The default sums {@link #ancestorCount} over the library.
     */
    default int depth(int row) {
        int d = 0;
        for (int t = 0, n = library().size(); t < n; t++) d += ancestorCount(row, t);
        return d;
    }
}
