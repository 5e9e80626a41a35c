package io.dsr4j.examples.sinc;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.prior.PriorContext;
import io.dsr4j.api.prior.TreeView;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenKind;
import io.dsr4j.config.PluginRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SincPluginTest {

    private final SincToken sinc = new SincToken();

    @Test
    void sincValues() {
        double[] x = {0, 1e-6, 1, Math.PI, -2.5, 4.493409457909064};
        double[] out = new double[x.length];
        sinc.apply(x, null, out, x.length);
        assertEquals(1.0, out[0]);
        assertEquals(1.0, out[1], 1e-12);
        assertEquals(Math.sin(1), out[2], 1e-15);
        assertEquals(0.0, out[3], 1e-15);
        assertEquals(Math.sin(-2.5) / -2.5, out[4], 1e-15);
        assertEquals(SincToken.MIN_VALUE, out[5], 1e-15);
        sinc.apply(x, null, x, x.length); // out may alias the input
        assertEquals(Math.sin(1), x[2], 1e-15);
    }

    @Test
    void partialsMatchFiniteDifferences() {
        double[] x = {0, 1e-5, 3e-4, 0.5, 1, -2, 7.5, 100};
        double[] d = new double[x.length];
        sinc.partials(x, null, d, null, x.length);
        double h = 1e-6;
        for (int i = 0; i < x.length; i++) {
            double[] p = {x[i] + h, x[i] - h};
            double[] f = new double[2];
            sinc.apply(p, null, f, 2);
            assertEquals((f[0] - f[1]) / (2 * h), d[i], 1e-8, "x = " + x[i]);
        }
    }

    @Test
    void rangeFactHoldsOnADenseGrid() {
        int n = 200_001;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = -100 + 200.0 * i / (n - 1);
        double[] out = new double[n];
        sinc.apply(x, null, out, n);
        for (double v : out) {
            assertTrue(v >= sinc.facts().rangeLo() - 1e-15 && v <= sinc.facts().rangeHi(), String.valueOf(v));
        }
    }

    /** Library [x1, add, sin, sinc]; a batch of two rows where row 0 is under a sinc and row 1 is not. */
    @Test
    void priorForbidsSincOnlyBelowASinc() {
        Library lib = new Library(List.of(terminal("x1"), fn("add", 2), fn("sin", 1), sinc));
        Optional<Prior> made = new NoNestedSincPrior.Factory().create(new PriorContext(lib, null, 30), Params.empty("prior.no_nested_sinc"));
        Prior prior = made.orElseThrow();
        assertTrue(prior.isHard());
        double[] initial = new double[lib.size()];
        prior.initial(initial);
        assertEquals(0.0, initial[3], "sinc may be the root");

        int[] sincAncestors = {1, 0, 2};
        boolean[] finished = {false, false, true};
        TreeView view = new TreeView() {
            public Library library() { return lib; }
            public int batchSize() { return 3; }
            public int length(int row) { return 2; }
            public int dangling(int row) { return 1; }
            public int parent(int row) { return 3; }
            public int sibling(int row) { return -1; }
            public int lastAction(int row) { return 3; }
            public boolean finished(int row) { return finished[row]; }
            public int count(int row, int token) { return token == 3 ? sincAncestors[row] : 0; }
            public int ancestorCount(int row, int token) { return token == 3 ? sincAncestors[row] : 0; }
            public int maxLength() { return 30; }
        };
        double[] adjust = new double[3 * lib.size()];
        prior.step(view, adjust);
        assertEquals(Double.NEGATIVE_INFINITY, adjust[3], "row 0 is inside a sinc");
        assertEquals(0.0, adjust[2], "sin is still allowed there");
        assertEquals(0.0, adjust[lib.size() + 3], "row 1 has no sinc above it");
        assertEquals(0.0, adjust[2 * lib.size() + 3], "finished rows are left alone");

        Library withoutSinc = new Library(List.of(terminal("x1"), fn("add", 2)));
        assertTrue(new NoNestedSincPrior.Factory().create(new PriorContext(withoutSinc, null, 30),
                Params.empty("prior.no_nested_sinc")).isEmpty(), "dropped when sinc is not in the library");
    }

    @Test
    void registeredThroughTheServiceFile() {
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader(), List.of());
        assertEquals("sinc", registry.tokens().get("sinc").create(false).name());
        assertTrue(registry.priors().containsKey("no_nested_sinc"));
        assertEquals("sinc-example", registry.describe().stream().filter(r -> r.name().equals("sinc"))
                .findFirst().orElseThrow().plugin());
    }

    private static Token terminal(String name) {
        return new Token() {
            public String name() { return name; }
            public int arity() { return 0; }
            public TokenKind kind() { return TokenKind.INPUT; }
            public double complexity() { return 1; }
            public int inputIndex() { return 0; }
        };
    }

    private static Token fn(String name, int arity) {
        return new Token() {
            public String name() { return name; }
            public int arity() { return arity; }
            public TokenKind kind() { return TokenKind.FUNCTION; }
            public double complexity() { return 1; }
        };
    }
}
