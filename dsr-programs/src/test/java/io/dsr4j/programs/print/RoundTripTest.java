package io.dsr4j.programs.print;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;
import io.dsr4j.programs.eval.CompiledProgram;
import io.dsr4j.programs.eval.Programs;
import io.dsr4j.programs.eval.RandomTraversals;
import io.dsr4j.programs.eval.Workspace;
import io.dsr4j.programs.token.BuiltinTokensPlugin;
import io.dsr4j.programs.token.LibraryBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoundTripTest {

    static final List<String> ALL = List.of("add", "sub", "mul", "div", "sin", "cos", "tan", "exp", "log", "sqrt", "n2",
            "n3", "n4", "neg", "abs", "inv", "tanh", "logabs", "expneg", "sigmoid", "harmonic", "max", "min", "2.5",
            "-1.0", "pi", "const");

    @Test
    void sympyStringsParseBackToProgramsThatEvaluateIdentically() {
        for (boolean prot : new boolean[] {false, true}) {
            Library lib = LibraryBuilder.build(3, ALL, prot, BuiltinTokensPlugin.factories());
            ExpressionPrinter printer = new ExpressionPrinter(lib);
            ExpressionParser parser = new ExpressionParser(lib);
            Rng rng = new Rng(2024);
            int rows = 25;
            double[][] x = new double[3][rows];
            for (double[] col : x) for (int i = 0; i < rows; i++) col[i] = rng.nextDouble() * 8 - 4;
            Workspace ws1 = new Workspace(), ws2 = new Workspace();
            int compared = 0;
            for (int k = 0; k < 1500; k++) {
                int[] t = RandomTraversals.next(lib, rng, 1, 40);
                double[] c = new double[Programs.constCount(t, lib)];
                for (int j = 0; j < c.length; j++) c[j] = (rng.nextDouble() * 6 - 3) * Math.pow(10, rng.nextInt(7) - 3);
                String s = printer.sympy(t, c);
                ParsedProgram p = parser.parse(s);
                double[] y1 = CompiledProgram.compile(t, lib).evaluate(x, rows, c, ws1);
                double[] y2 = CompiledProgram.compile(p.traversal(), lib).evaluate(x, rows, p.constants(), ws2);
                if (y1 == null) {
                    assertNull(y2, s);
                    continue;
                }
                assertTrue(y2 != null, () -> "parsed program invalid: " + s);
                for (int i = 0; i < rows; i++) {
                    final int ii = i;
                    assertEquals(y1[i], y2[i], 1e-12 * Math.abs(y1[i]), () -> s + " row " + ii);
                }
                // printing the parsed program gives the same string again
                assertEquals(s, printer.sympy(p.traversal(), p.constants()));
                compared++;
            }
            assertTrue(compared > 700, "compared " + compared);
        }
    }

    @Test
    void traversalStringsRoundTripExactly() {
        Library lib = LibraryBuilder.build(3, ALL, false, BuiltinTokensPlugin.factories());
        ExpressionPrinter printer = new ExpressionPrinter(lib);
        ExpressionParser parser = new ExpressionParser(lib);
        Rng rng = new Rng(77);
        for (int k = 0; k < 2000; k++) {
            int[] t = RandomTraversals.next(lib, rng, 1, 40);
            assertArrayEquals(t, parser.parseTraversal(printer.traversal(t)).traversal());
            double[] c = new double[Programs.constCount(t, lib)];
            for (int j = 0; j < c.length; j++) c[j] = rng.nextDouble() * 10 - 5;
            ParsedProgram withValues = parser.parseTraversal(printer.traversal(t, c));
            assertArrayEquals(t, withValues.traversal());
            assertArrayEquals(c, withValues.constants(), 0.0);
        }
    }

    @Test
    void parsesHandWrittenExpressions() {
        Library lib = LibraryBuilder.build(2, List.of("add", "sub", "mul", "div", "sin", "exp", "n2", "neg", "inv",
                "sqrt", "const"), false, BuiltinTokensPlugin.factories());
        ExpressionParser parser = new ExpressionParser(lib);
        ExpressionPrinter printer = new ExpressionPrinter(lib);
        assertEquals("add,x1,mul,x2,x1", printer.traversal(parser.parse("x1 + x2*x1").traversal()));
        assertEquals("sub,sub,x1,x2,x1", printer.traversal(parser.parse("x1 - x2 - x1").traversal()));
        assertEquals("neg,n2,x1", printer.traversal(parser.parse("-x1**2").traversal()));
        assertEquals("n2,x1", printer.traversal(parser.parse("x1^2").traversal()));
        assertEquals("inv,x1", printer.traversal(parser.parse("x1**-1").traversal()));
        assertEquals("sqrt,x1", printer.traversal(parser.parse("x1**0.5").traversal()));
        assertEquals("inv,add,x1,x2", printer.traversal(parser.parse("1/(x1 + x2)").traversal()));
        ParsedProgram p = parser.parse("2.5*sin(x1) - 3e-2");
        assertEquals("sub,mul,const,sin,x1,const", printer.traversal(p.traversal()));
        assertArrayEquals(new double[] {2.5, 0.03}, p.constants());
        ParsedProgram q = parser.parse("-0.5*x1 + pi");
        assertArrayEquals(new double[] {-0.5, Math.PI}, q.constants());
        assertEquals("add,mul,const,x1,const", printer.traversal(q.traversal()));
        assertEquals("div,const,x1", printer.traversal(parser.parse("1.0/x1").traversal()));
    }

    @Test
    void integerPowersBecomeProductsWithoutPowerTokens() {
        Library koza = LibraryBuilder.build(1, List.of("add", "sub", "mul", "div", "sin", "cos", "exp", "log"), false,
                BuiltinTokensPlugin.factories());
        ExpressionParser parser = new ExpressionParser(koza);
        ExpressionPrinter printer = new ExpressionPrinter(koza);
        assertEquals("add,add,mul,x1,mul,x1,x1,mul,x1,x1,x1",
                printer.traversal(parser.parse("x1**3 + x1**2 + x1").traversal()));
        assertThrows(ConfigException.class, () -> parser.parse("x1**0.5"));
    }

    @Test
    void errorsNameTheProblem() {
        Library lib = LibraryBuilder.build(1, List.of("add", "sin"), false, BuiltinTokensPlugin.factories());
        ExpressionParser parser = new ExpressionParser(lib);
        ConfigException e = assertThrows(ConfigException.class, () -> parser.parse("sinn(x1)"));
        assertTrue(e.getMessage().contains("did you mean 'sin'"), e.getMessage());
        assertThrows(ConfigException.class, () -> parser.parse("x1 * x1"));      // no mul
        assertThrows(ConfigException.class, () -> parser.parse("x1 + 2.0"));     // no constant to hold 2.0
        assertThrows(ConfigException.class, () -> parser.parse("x1 + (x1"));
        assertThrows(ConfigException.class, () -> parser.parse("x2"));
        assertThrows(ConfigException.class, () -> parser.parse("sin(x1, x1)"));
        assertThrows(ConfigException.class, () -> parser.parseTraversal("add,x1"));
        ConfigException t = assertThrows(ConfigException.class, () -> parser.parseTraversal("add,x1,sni,x1"));
        assertTrue(t.getMessage().contains("did you mean 'sin'"), t.getMessage());
    }
}
