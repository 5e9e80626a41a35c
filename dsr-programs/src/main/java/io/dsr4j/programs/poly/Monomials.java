package io.dsr4j.programs.poly;

import io.dsr4j.programs.token.NumberFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * The monomials of total degree at most {@code degree} in {@code n} variables, in DSO's order (§9.2): by degree,
 * and within a degree recursively with the first variable's exponent ascending. Monomial 0 is the constant 1.
 */
public final class Monomials {

    private final int variables;
    private final int[][] exponents;

    public Monomials(int variables, int degree) {
        this.variables = variables;
        List<int[]> out = new ArrayList<>();
        for (int d = 0; d <= degree; d++) generate(new int[variables], 0, d, out);
        this.exponents = out.toArray(int[][]::new);
    }

    private static void generate(int[] prefix, int var, int remaining, List<int[]> out) {
        if (var == prefix.length - 1 || prefix.length == 0) {
            if (prefix.length == 0) {
                if (remaining == 0) out.add(prefix.clone());
                return;
            }
            prefix[var] = remaining;
            out.add(prefix.clone());
            return;
        }
        for (int e = 0; e <= remaining; e++) {
            prefix[var] = e;
            generate(prefix, var + 1, remaining - e, out);
        }
        prefix[var] = 0;
    }

    /**
     * The monomials of the degree whose number of monomials is {@code size} (a fitted poly's coefficient count says
     * what degree it was fitted with), or null when no degree gives that many.
     */
    public static Monomials ofSize(int variables, int size) {
        if (variables == 0) return size == 1 ? new Monomials(0, 0) : null;
        long count = 1;                                  // C(n + d, d) for d = 0, 1, ...
        for (int d = 0; count <= size; d++) {
            if (count == size) return new Monomials(variables, d);
            count = count * (variables + d + 1) / (d + 1);
        }
        return null;
    }

    public int size() { return exponents.length; }

    public int[] exponents(int k) { return exponents[k].clone(); }

    /** Row-major design matrix {@code [row][monomial]} over {@code x[var][row]}. */
    public double[][] design(double[][] x, int rows) {
        double[][] a = new double[rows][exponents.length];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < exponents.length; k++) {
                double v = 1;
                for (int j = 0; j < variables; j++) for (int e = 0; e < exponents[k][j]; e++) v *= x[j][i];
                a[i][k] = v;
            }
        }
        return a;
    }

    /** The polynomial's values {@code design · coefficients}. */
    public static double[] values(double[][] design, double[] coefficients, int rows) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            double[] row = design[i];
            for (int k = 0; k < coefficients.length; k++) s += row[k] * coefficients[k];
            out[i] = s;
        }
        return out;
    }

    /** Number of non-zero terms (DSO: a fitted Polynomial's complexity), at least 1. */
    public static int complexity(double[] coefficients) {
        int n = 0;
        for (double c : coefficients) if (c != 0) n++;
        return Math.max(1, n);
    }

    /** Style of {@link #render}. */
    public enum Style { INFIX, SYMPY, LATEX }

    /** The polynomial as text, e.g. {@code 1.5 + x1*x2^2 - 0.5*x1}; zero polynomial: {@code 0}. */
    public String render(double[] c, Style style) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < exponents.length && k < c.length; k++) {
            if (c[k] == 0) continue;
            double v = c[k];
            boolean first = sb.length() == 0;
            if (!first) sb.append(v < 0 ? " - " : " + ");
            else if (v < 0) sb.append('-');
            double a = Math.abs(v);
            List<String> factors = new ArrayList<>();
            for (int j = 0; j < variables; j++) {
                int e = exponents[k][j];
                if (e == 0) continue;
                String x = style == Style.LATEX ? "x_{" + (j + 1) + "}" : "x" + (j + 1);
                factors.add(e == 1 ? x : x + switch (style) {
                    case INFIX -> "^" + e;
                    case SYMPY -> "**" + e;
                    case LATEX -> "^{" + e + "}";
                });
            }
            String num = style == Style.LATEX ? NumberFormat.latex(a) : NumberFormat.plain(a);
            String times = style == Style.LATEX ? " \\cdot " : "*";
            if (factors.isEmpty()) sb.append(num);
            else if (a == 1) sb.append(String.join(times, factors));
            else sb.append(num).append(times).append(String.join(times, factors));
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }
}
