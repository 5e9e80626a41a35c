package io.dsr4j.programs.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgramCacheTest {

    @Test
    void keysRoundTrip() {
        int[] t = {0, 5, 255, 300, 65535};
        assertArrayEquals(t, ProgramCache.decode(ProgramCache.key(t)));
        assertThrows(IllegalArgumentException.class, () -> ProgramCache.key(new int[] {-1}));
    }

    @Test
    void countsOccurrencesAndKeepsFirstResult() {
        ProgramCache c = new ProgramCache(10);
        String k = ProgramCache.key(new int[] {1, 2, 3});
        assertNull(c.lookup(k, true));
        ProgramCache.Entry e = c.put(k, 0.5, false, new double[] {1.5}, true);
        assertSame(e, c.lookup(k, true));
        assertSame(e, c.lookup(new int[] {1, 2, 3}, false));
        assertSame(e, c.put(k, 0.9, true, null, true));
        assertEquals(0.5, e.reward());
        assertEquals(3, e.onPolicyCount());
        assertEquals(1, e.offPolicyCount());
        assertArrayEquals(new double[] {1.5}, e.constants());
        assertEquals(2, c.hits());
        assertEquals(1, c.misses());
        assertArrayEquals(new int[] {1, 2, 3}, e.traversal());
        int[] calls = {0};
        assertEquals("t", e.test(() -> { calls[0]++; return "t"; }));
        assertEquals("t", e.test(() -> { calls[0]++; return "u"; }));
        assertEquals(1, calls[0]);
    }

    @Test
    void evictsLeastRecentlyUsed() {
        ProgramCache c = new ProgramCache(2);
        String a = ProgramCache.key(new int[] {1}), b = ProgramCache.key(new int[] {2}), d = ProgramCache.key(new int[] {3});
        c.put(a, 1, false, null, true);
        c.put(b, 2, false, null, true);
        assertNotNull(c.lookup(a, true)); // a is now more recent than b
        c.put(d, 3, false, null, true);
        assertEquals(2, c.size());
        assertNull(c.peek(b));
        assertNotNull(c.peek(a));
        assertNotNull(c.peek(d));
        assertEquals(1, c.evictions());
        assertTrue(c.entries().size() == 2);
        assertEquals(0, c.peek(a).constants().length);
    }
}
