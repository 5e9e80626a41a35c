package io.dsr4j.programs.prior;

import io.dsr4j.api.prior.TreeView;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreeStateTest {

    private final Library lib = TestLibraries.kozaConst(2);

    private int[] tokens(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(lib::indexOf).toArray();
    }

    /** Reference parents_siblings (§4.1): scan backwards from the last token. Returns {parent, sibling}. */
    private int[] referenceParentSibling(int[] prefix, int t) {
        if (t == 0) return new int[]{-1, -1};
        if (lib.arity(prefix[t - 1]) > 0) return new int[]{prefix[t - 1], -1};
        int c = 0;
        for (int j = t - 1; j >= 0; j--) {
            c += lib.arity(prefix[j]) - 1;
            if (c == 0) return new int[]{prefix[j], prefix[j + 1]};
        }
        return new int[]{-1, -1};
    }

    /** Brute force: position j is an ancestor of position t iff the subtree rooted at j is not complete before t. */
    private int referenceAncestorCount(int[] prefix, int t, int token) {
        int n = 0;
        for (int j = 0; j < t; j++) {
            if (lib.arity(prefix[j]) == 0) continue;
            int d = 1;
            boolean closed = false;
            for (int k = j; k < t; k++) {
                d += lib.arity(prefix[k]) - 1;
                if (d == 0) {
                    closed = true;
                    break;
                }
            }
            if (!closed && prefix[j] == token) n++;
        }
        return n;
    }

    @Test
    void matchesReferenceScansOnRandomSequences() {
        int batch = 200;
        int maxLength = 30;
        TreeState s = new TreeState(lib, maxLength);
        Rng rng = new Rng(7);
        for (int round = 0; round < 3; round++) { // also exercises reuse across batches
            s.reset(batch);
            int[][] seq = new int[batch][maxLength];
            int[] act = new int[batch];
            int step = 0;
            while (!s.allFinished()) {
                for (int r = 0; r < batch; r++) {
                    if (s.finished(r)) continue;
                    int t = s.length(r);
                    assertEquals(step, t);
                    int[] ps = referenceParentSibling(seq[r], t);
                    assertEquals(ps[0], s.parent(r), "parent row " + r + " t " + t);
                    assertEquals(ps[1], s.sibling(r), "sibling row " + r + " t " + t);
                    int dangling = 1;
                    for (int j = 0; j < t; j++) dangling += lib.arity(seq[r][j]) - 1;
                    assertEquals(dangling, s.dangling(r));
                    assertEquals(t == 0 ? -1 : seq[r][t - 1], s.lastAction(r));
                    for (int tok = 0; tok < lib.size(); tok++) {
                        int c = 0;
                        for (int j = 0; j < t; j++) if (seq[r][j] == tok) c++;
                        assertEquals(c, s.count(r, tok));
                        assertEquals(referenceAncestorCount(seq[r], t, tok), s.ancestorCount(r, tok),
                                "ancestors of " + lib.name(tok) + " row " + r + " after " + s.prefix(r));
                    }
                    // Bias towards operators early so that deep trees appear.
                    act[r] = rng.nextDouble() < 0.6 ? lib.inputCount() + rng.nextInt(8) : rng.nextInt(lib.size());
                    seq[r][t] = act[r];
                }
                s.advance(act);
                step++;
            }
            for (int r = 0; r < batch; r++) {
                assertTrue(s.finished(r));
                assertTrue(s.complete(r) || s.length(r) == maxLength);
                assertArrayEquals(Arrays.copyOf(seq[r], s.length(r)), s.actions(r));
            }
        }
    }

    @Test
    void siblingOnlyForSecondChildOfBinary() {
        TreeState s = new TreeState(lib, 64);
        s.reset(1);
        int[] seq = tokens("add,sin,x1,mul,x2,const");
        int add = lib.indexOf("add"), sin = lib.indexOf("sin"), mul = lib.indexOf("mul"), x2 = lib.indexOf("x2");
        int[][] expected = { // parent, sibling of the next position after each token
                {add, -1}, {sin, -1}, {add, sin}, {mul, -1}, {mul, x2}, {-1, -1}};
        for (int i = 0; i < seq.length; i++) {
            s.append(0, seq[i]);
            assertEquals(expected[i][0], s.parent(0), "parent after " + s.prefix(0));
            assertEquals(expected[i][1], s.sibling(0), "sibling after " + s.prefix(0));
        }
        assertTrue(s.finished(0));
        assertTrue(s.complete(0));
        assertEquals(0, s.dangling(0));
        assertEquals("add,sin,x1,mul,x2,const", s.prefix(0));
        assertThrows(IllegalStateException.class, () -> s.append(0, x2));
    }

    @Test
    void finishesAtMaxLengthWhenIncomplete() {
        TreeState s = new TreeState(lib, 3);
        s.reset(2);
        s.advance(tokens("add,sin"));
        s.advance(tokens("add,x1"));
        assertFalse(s.finished(0));
        assertTrue(s.finished(1));
        assertEquals(1, s.unfinishedCount());
        s.advance(tokens("add,add")); // row 1 is finished: its entry is ignored
        assertTrue(s.allFinished());
        assertEquals(3, s.length(0));
        assertEquals(2, s.length(1));
        assertFalse(s.complete(0));
        assertEquals(3, s.ancestorCount(0, lib.indexOf("add")));
    }

    @Test
    void unfinishedRowsListsExactlyTheUnfinishedRowsInOrder() {
        TreeState s = new TreeState(lib, 64);
        s.reset(5);
        assertArrayEquals(new int[]{0, 1, 2, 3, 4}, Arrays.copyOf(s.unfinishedRows(), s.unfinishedCount()));
        s.advance(tokens("add,x1,sin,x2,mul")); // rows 1 and 3 complete
        assertArrayEquals(new int[]{0, 2, 4}, Arrays.copyOf(s.unfinishedRows(), s.unfinishedCount()));
        s.append(2, lib.indexOf("x1"));          // a single append finishes row 2
        assertEquals(2, s.unfinishedCount());
        assertArrayEquals(new int[]{0, 4}, Arrays.copyOf(s.unfinishedRows(), s.unfinishedCount()));
        s.advance(tokens("x1,add,add,add,x2"));  // only rows 0 and 4 advance
        assertEquals(2, s.length(0));
        assertEquals(1, s.length(1)); // finished rows ignore their entries
        assertEquals(2, s.length(2));
        assertEquals(2, s.length(4));
        // TreeView's default (a scan of finished()) agrees
        TreeView scan = new TreeView() {
            @Override public Library library() { return s.library(); }
            @Override public int batchSize() { return s.batchSize(); }
            @Override public int length(int row) { return s.length(row); }
            @Override public int dangling(int row) { return s.dangling(row); }
            @Override public int parent(int row) { return s.parent(row); }
            @Override public int sibling(int row) { return s.sibling(row); }
            @Override public int lastAction(int row) { return s.lastAction(row); }
            @Override public boolean finished(int row) { return s.finished(row); }
            @Override public int count(int row, int token) { return s.count(row, token); }
            @Override public int ancestorCount(int row, int token) { return s.ancestorCount(row, token); }
            @Override public int maxLength() { return s.maxLength(); }
        };
        assertEquals(s.unfinishedCount(), scan.unfinishedCount());
        assertArrayEquals(scan.unfinishedRows(), Arrays.copyOf(s.unfinishedRows(), s.unfinishedCount()));
        s.reset(3);
        assertArrayEquals(new int[]{0, 1, 2}, Arrays.copyOf(s.unfinishedRows(), s.unfinishedCount()));
    }

    @Test
    void rejectsBadTokens() {
        TreeState s = new TreeState(lib, 5);
        s.reset(1);
        assertThrows(IllegalArgumentException.class, () -> s.append(0, lib.size()));
        assertThrows(IllegalArgumentException.class, () -> s.append(0, -1));
    }
}
