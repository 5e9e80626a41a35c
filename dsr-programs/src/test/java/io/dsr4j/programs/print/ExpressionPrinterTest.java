package io.dsr4j.programs.print;

import io.dsr4j.api.token.Library;
import io.dsr4j.programs.token.BuiltinTokensPlugin;
import io.dsr4j.programs.token.LibraryBuilder;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExpressionPrinterTest {

    static final Library LIB = LibraryBuilder.build(3, List.of("add", "sub", "mul", "div", "sin", "cos", "exp", "log",
            "sqrt", "n2", "n3", "neg", "abs", "inv", "logabs", "expneg", "sigmoid", "harmonic", "max", "min", "tanh",
            "2.5", "pi", "const"), false, BuiltinTokensPlugin.factories());
    static final ExpressionPrinter P = new ExpressionPrinter(LIB);

    static int[] tr(String s) {
        return Arrays.stream(s.split(",")).mapToInt(n -> {
            int i = LIB.indexOf(n.trim());
            if (i < 0) throw new IllegalArgumentException(n);
            return i;
        }).toArray();
    }

    static void check(String traversal, String infix, String sympy, String latex, double... c) {
        int[] t = tr(traversal);
        assertEquals(infix, P.infix(t, c), "infix of " + traversal);
        assertEquals(sympy, P.sympy(t, c), "sympy of " + traversal);
        if (latex != null) assertEquals(latex, P.latex(t, c), "latex of " + traversal);
    }

    @Test
    void precedenceAndAssociativity() {
        check("sub,x1,sub,x2,x3", "x1 - (x2 - x3)", "x1 - (x2 - x3)", "x_{1} - \\left(x_{2} - x_{3}\\right)");
        check("sub,sub,x1,x2,x3", "x1 - x2 - x3", "x1 - x2 - x3", "x_{1} - x_{2} - x_{3}");
        check("div,x1,mul,x2,x3", "x1/(x2*x3)", "x1/(x2*x3)", "\\frac{x_{1}}{x_{2} \\cdot x_{3}}");
        check("div,mul,x1,x2,x3", "x1*x2/x3", "x1*x2/x3", null);
        check("add,x1,add,x2,x3", "x1 + x2 + x3", "x1 + (x2 + x3)", "x_{1} + x_{2} + x_{3}");
        check("add,x1,sub,x2,x3", "x1 + x2 - x3", "x1 + (x2 - x3)", null);
        check("mul,x1,mul,x2,x3", "x1*x2*x3", "x1*(x2*x3)", null);
        check("mul,x1,div,x2,x3", "x1*x2/x3", "x1*(x2/x3)", null);
        check("mul,add,x1,x2,x3", "(x1 + x2)*x3", "(x1 + x2)*x3", "\\left(x_{1} + x_{2}\\right) \\cdot x_{3}");
        check("sub,x1,add,x2,x3", "x1 - (x2 + x3)", "x1 - (x2 + x3)", null);
        check("div,x1,div,x2,x3", "x1/(x2/x3)", "x1/(x2/x3)", null);
    }

    @Test
    void unaryMinusAndPowers() {
        check("neg,neg,x1", "-(-x1)", "-(-x1)", "-\\left(-x_{1}\\right)");
        check("sub,x1,neg,x2", "x1 - (-x2)", "x1 - (-x2)", null);
        check("mul,neg,x1,x2", "-x1*x2", "-x1*x2", null);
        check("neg,mul,x1,x2", "-(x1*x2)", "-(x1*x2)", null);
        check("neg,n2,x1", "-x1^2", "-x1**2", "-x_{1}^{2}");
        check("n2,neg,x1", "(-x1)^2", "(-x1)**2", "\\left(-x_{1}\\right)^{2}");
        check("n2,n3,x1", "(x1^3)^2", "(x1**3)**2", null);
        check("n2,add,x1,x2", "(x1 + x2)^2", "(x1 + x2)**2", null);
        check("n2,sin,x1", "sin(x1)^2", "sin(x1)**2", "\\sin{\\left(x_{1}\\right)}^{2}");
        check("inv,mul,x1,x2", "1/(x1*x2)", "1/(x1*x2)", "\\frac{1}{x_{1} \\cdot x_{2}}");
        check("mul,x1,inv,x2", "x1*1/x2", "x1*(1/x2)", null);
        check("expneg,add,x1,x2", "exp(-(x1 + x2))", "exp(-(x1 + x2))", "e^{-\\left(x_{1} + x_{2}\\right)}");
        check("n2,exp,x1", "exp(x1)^2", "exp(x1)**2", "\\left(e^{x_{1}}\\right)^{2}");
    }

    @Test
    void functionsAndConstants() {
        check("logabs,x1", "log(abs(x1))", "log(Abs(x1))", "\\log{\\left|x_{1}\\right|}");
        check("abs,x1", "abs(x1)", "Abs(x1)", "\\left|x_{1}\\right|");
        check("sigmoid,x1", "sigmoid(x1)", "1/(1 + exp(-x1))", "\\frac{1}{1 + e^{-x_{1}}}");
        check("max,x1,min,x2,x3", "max(x1, min(x2, x3))", "Max(x1, Min(x2, x3))", "\\max\\left(x_{1}, \\min\\left(x_{2}, x_{3}\\right)\\right)");
        check("harmonic,x1", "harmonic(x1)", "harmonic(x1)", "H_{x_{1}}");
        check("sqrt,x1", "sqrt(x1)", "sqrt(x1)", "\\sqrt{x_{1}}");
        check("mul,const,x1", "0.1*x1", "0.1*x1", null, 0.1);
        check("add,x1,const", "x1 + (-2.0000000000000004)", "x1 + (-2.0000000000000004)", null, -2.0000000000000004);
        check("mul,const,sin,const", "-1.5*sin(1.0E-7)", "-1.5*sin(1.0E-7)", "-1.5 \\cdot \\sin{\\left(1.0 \\cdot 10^{-7}\\right)}", -1.5, 1e-7);
        check("n2,const", "(-3.0)^2", "(-3.0)**2", null, -3.0);
        check("mul,2.5,3.1415927", "2.5*3.141592653589793", "2.5*3.141592653589793", null);
        check("add,x1,const", "x1 + const", "x1 + const", null);
    }

    @Test
    void traversalStrings() {
        int[] t = tr("add,mul,const,x1,2.5,const");
        assertEquals("add,mul,const,x1,2.5,const", P.traversal(t));
        assertEquals("add,mul,0.5,x1,2.5,-1.25", P.traversal(t, new double[] {0.5, -1.25}));
    }
}
