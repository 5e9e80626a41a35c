package io.dsr4j.programs.eval;

import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;
import io.dsr4j.programs.token.BuiltinTokensPlugin;
import io.dsr4j.programs.token.LibraryBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgramsTest {

    // x1=0 x2=1 x3=2 add=3 sin=4 const=5
    final Library lib = LibraryBuilder.build(3, List.of("add", "sin", "const"), false, BuiltinTokensPlugin.factories());

    @Test
    void truncatesAfterCompletion() {
        int[] actions = {3, 0, 4, 1, 2, 2, 3, 3};
        assertArrayEquals(new int[] {3, 0, 4, 1}, Programs.finish(actions, actions.length, lib, new Rng(1)));
        assertArrayEquals(new int[] {0}, Programs.finish(new int[] {0, 3, 3}, 3, lib, new Rng(1)));
        // only the first `length` actions count
        assertArrayEquals(new int[] {5}, Programs.finish(new int[] {5, 9, 9}, 1, lib, new Rng(1)));
    }

    @Test
    void padsWithRandomInputsDeterministically() {
        int[] actions = {3, 3, 4, 0, 0, 99};
        int[] a = Programs.finish(actions, 5, lib, new Rng(11));
        int[] b = Programs.finish(actions, 5, lib, new Rng(11));
        assertArrayEquals(a, b);
        assertEquals(6, a.length); // add,add,sin,x1,x1 leaves one slot open
        assertArrayEquals(new int[] {3, 3, 4, 0, 0}, java.util.Arrays.copyOf(a, 5));
        for (int i = 5; i < a.length; i++) assertTrue(a[i] >= 0 && a[i] < 3, "padding must be inputs");
        assertTrue(Programs.isComplete(a, lib));
        // the padding really is random over all inputs
        boolean[] seen = new boolean[3];
        Rng rng = new Rng(3);
        for (int k = 0; k < 200; k++) {
            int[] p = Programs.finish(new int[] {3}, 1, lib, rng);
            seen[p[1]] = true;
            seen[p[2]] = true;
        }
        assertTrue(seen[0] && seen[1] && seen[2]);
        int[] empty = Programs.finish(new int[0], 0, lib, new Rng(5));
        assertEquals(1, empty.length);
        assertNotEquals(-1, empty[0]);
    }

    @Test
    void completenessAndCounts() {
        assertTrue(Programs.isComplete(new int[] {3, 0, 5}, lib));
        assertFalse(Programs.isComplete(new int[] {3, 0}, lib));
        assertFalse(Programs.isComplete(new int[] {0, 1}, lib));
        assertEquals(2, Programs.dangling(new int[] {3, 3, 0}, 3, lib));
        assertEquals(2, Programs.constCount(new int[] {3, 5, 4, 5}, lib));
    }
}
