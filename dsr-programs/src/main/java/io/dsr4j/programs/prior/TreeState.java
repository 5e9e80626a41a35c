package io.dsr4j.programs.prior;

import io.dsr4j.api.prior.TreeView;
import io.dsr4j.api.token.Library;

import java.util.Arrays;

/**
 * Incremental state of a batch of partial prefix traversals, describing the next position of every row
 * (reference §4.1 / §4.4). Appending a token costs amortised O(1): each row keeps an explicit stack of open
 * operators (with their remaining child slots and first child), from which parent and sibling follow directly,
 * and per-token counts of the chosen tokens and of the open operators (the ancestors of the next position) are
 * updated on push/pop. Nothing ever rescans a row's history.
 *
 * <p>All arrays are flat, row-major and preallocated; {@link #reset(int)} reuses them for the next batch (they
 * grow only when a larger batch arrives). Not thread-safe.
 */
public final class TreeState implements TreeView {

    private final Library library;
    private final int librarySize;
    private final int maxLength;
    private final int[] arities;

    private int batchSize;
    private int unfinished;

    /**
     * Per row, its scalars side by side ({@link #ROW} ints a row: one cache line per row instead of one per field and
     * row, which is what appending a token and the priors' per-row reads cost).
     */
    private static final int ROW = 8;
    private static final int LENGTH = 0, DANGLING = 1, PARENT = 2, SIBLING = 3, LAST = 4, STACK_SIZE = 5, FINISHED = 6;
    private int[] perRow = new int[0];
    /**
     * The unfinished rows, ascending, in {@code live[0..liveCount)}; rows that finished since the last compaction
     * are dropped lazily (when {@code liveCount > unfinished}) by {@link #unfinishedRows()}.
     */
    private int[] live = new int[0];
    private int liveCount;

    // Per row × token (row-major, stride librarySize).
    private int[] counts = new int[0];
    private int[] ancestorCounts = new int[0];

    // Per row × position (row-major, stride maxLength): the history; and the open-operator stack, whose slots hold
    // their operator, its remaining child slots and its first child side by side (stride SLOT).
    private static final int SLOT = 3;
    private static final int OP = 0, REMAINING = 1, FIRST_CHILD = 2;
    private int[] actions = new int[0];
    private int[] stack = new int[0];

    /**
     * @param library   the token library (action indices)
     * @param maxLength rows finish when they reach this many tokens, complete or not
     */
    public TreeState(Library library, int maxLength) {
        if (maxLength < 1) throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
        this.library = library;
        this.librarySize = library.size();
        this.maxLength = maxLength;
        this.arities = new int[librarySize];
        for (int i = 0; i < librarySize; i++) arities[i] = library.arity(i);
    }

    /** Starts a new batch of {@code n} empty rows, reusing the arrays of earlier batches. */
    public void reset(int n) {
        if (n < 0) throw new IllegalArgumentException("batch size must be non-negative, got " + n);
        ensureCapacity(n);
        batchSize = n;
        unfinished = n;
        for (int r = 0; r < n; r++) {
            int o = r * ROW;
            perRow[o + LENGTH] = 0;
            perRow[o + DANGLING] = 1;
            perRow[o + PARENT] = -1;
            perRow[o + SIBLING] = -1;
            perRow[o + LAST] = -1;
            perRow[o + STACK_SIZE] = 0;
            perRow[o + FINISHED] = 0;
            live[r] = r;
        }
        liveCount = n;
        Arrays.fill(counts, 0, n * librarySize, 0);
        Arrays.fill(ancestorCounts, 0, n * librarySize, 0);
        // actions and stack slots are always written before they are read: no clearing needed.
    }

    private void ensureCapacity(int n) {
        if (live.length >= n) return;
        perRow = new int[Math.multiplyExact(n, ROW)];
        live = new int[n];
        counts = new int[Math.multiplyExact(n, librarySize)];
        ancestorCounts = new int[n * librarySize];
        int cells = Math.multiplyExact(n, maxLength);
        actions = new int[cells];
        stack = new int[Math.multiplyExact(cells, SLOT)];
    }

    /** Appends {@code actions[row]} to every unfinished row; entries of finished rows are ignored. */
    public void advance(int[] actions) {
        if (actions.length < batchSize) {
            throw new IllegalArgumentException("expected " + batchSize + " actions, got " + actions.length);
        }
        int[] rows = unfinishedRows();
        for (int i = 0, n = liveCount; i < n; i++) {
            int row = rows[i];
            append(row, actions[row]);
        }
    }

    /** Appends one token to an unfinished row. */
    public void append(int row, int token) {
        int o = row * ROW;
        int[] info = perRow;
        if (info[o + FINISHED] != 0) throw new IllegalStateException("row " + row + " is finished");
        if (token < 0 || token >= librarySize) {
            throw new IllegalArgumentException("token index " + token + " out of range 0.." + (librarySize - 1));
        }
        int arity = arities[token];
        int t = info[o + LENGTH];
        int base = row * maxLength;
        actions[base + t] = token;
        info[o + LENGTH] = t + 1;
        info[o + LAST] = token;
        int dangling = info[o + DANGLING] + arity - 1;
        info[o + DANGLING] = dangling;
        counts[row * librarySize + token]++;

        int[] st = stack;
        int top = info[o + STACK_SIZE] - 1;
        if (top >= 0) {
            // The token fills the next child slot of the innermost open operator.
            int slot = (base + top) * SLOT;
            if (st[slot + REMAINING] == arities[st[slot + OP]]) st[slot + FIRST_CHILD] = token;
            st[slot + REMAINING]--;
        }
        if (arity > 0) {
            top++;
            int slot = (base + top) * SLOT;
            st[slot + OP] = token;
            st[slot + REMAINING] = arity;
            ancestorCounts[row * librarySize + token]++;
        } else {
            // A terminal completes subtrees: close every operator whose last child this was.
            while (top >= 0 && st[(base + top) * SLOT + REMAINING] == 0) {
                ancestorCounts[row * librarySize + st[(base + top) * SLOT + OP]]--;
                top--;
            }
        }
        info[o + STACK_SIZE] = top + 1;

        if (top >= 0) {
            int slot = (base + top) * SLOT;
            int op = st[slot + OP];
            info[o + PARENT] = op;
            // Sibling only for the 2nd child of a binary: the root of its completed left subtree (reference §4.1).
            info[o + SIBLING] = arities[op] == 2 && st[slot + REMAINING] == 1 ? st[slot + FIRST_CHILD] : -1;
        } else {
            info[o + PARENT] = -1;
            info[o + SIBLING] = -1;
        }
        if (dangling == 0 || t + 1 == maxLength) {
            info[o + FINISHED] = 1;
            unfinished--;
        }
    }

    /** True when every row is finished. */
    public boolean allFinished() { return unfinished == 0; }

    /** Number of rows not yet finished. */
    @Override
    public int unfinishedCount() { return unfinished; }

    /** The unfinished rows, ascending, in the first {@link #unfinishedCount()} entries (read-only). */
    @Override
    public int[] unfinishedRows() {
        if (liveCount > unfinished) {
            int c = 0;
            for (int i = 0; i < liveCount; i++) {
                int r = live[i];
                if (perRow[r * ROW + FINISHED] == 0) live[c++] = r;
            }
            liveCount = c;
        }
        return live;
    }

    /** True when the row's expression is complete (dangling 0), as opposed to cut off at the max length. */
    public boolean complete(int row) { return perRow[row * ROW + DANGLING] == 0; }

    /** The token chosen at {@code position} of {@code row} (position < length(row)). */
    public int action(int row, int position) {
        if (position < 0 || position >= perRow[row * ROW + LENGTH]) {
            throw new IndexOutOfBoundsException("position " + position + " of a row of length " + perRow[row * ROW + LENGTH]);
        }
        return actions[row * maxLength + position];
    }

    /** The row's tokens so far. */
    public int[] actions(int row) {
        int base = row * maxLength;
        return Arrays.copyOfRange(actions, base, base + perRow[row * ROW + LENGTH]);
    }

    /** The row's tokens so far as a comma-separated list of names (for messages). */
    public String prefix(int row) {
        StringBuilder sb = new StringBuilder();
        int base = row * maxLength;
        for (int i = 0; i < perRow[row * ROW + LENGTH]; i++) {
            if (i > 0) sb.append(',');
            sb.append(library.name(actions[base + i]));
        }
        return sb.toString();
    }

    @Override public Library library() { return library; }

    @Override public int batchSize() { return batchSize; }

    @Override public int length(int row) { return perRow[row * ROW + LENGTH]; }

    @Override public int dangling(int row) { return perRow[row * ROW + DANGLING]; }

    @Override public int parent(int row) { return perRow[row * ROW + PARENT]; }

    @Override public int sibling(int row) { return perRow[row * ROW + SIBLING]; }

    @Override public int lastAction(int row) { return perRow[row * ROW + LAST]; }

    @Override public boolean finished(int row) { return perRow[row * ROW + FINISHED] != 0; }

    @Override public int count(int row, int token) { return counts[row * librarySize + token]; }

    @Override public int ancestorCount(int row, int token) { return ancestorCounts[row * librarySize + token]; }

    @Override public int maxLength() { return maxLength; }
}
