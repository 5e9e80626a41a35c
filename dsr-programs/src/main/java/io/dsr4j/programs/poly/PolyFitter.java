package io.dsr4j.programs.poly;

import io.dsr4j.api.token.Library;
import io.dsr4j.programs.eval.CompiledProgram;
import io.dsr4j.programs.eval.ProgramCompiler;
import io.dsr4j.programs.eval.Workspace;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

import java.util.Arrays;

/**
 * Fits the {@code poly} token of a program to one data set (reference §9.2): (1) every subtree off the path from
 * the root to {@code poly} is evaluated; (2) walking down that path, the target y is inverted through each operator
 * (add, sub, mul, div with the other argument known; sin → arcsin, exp → log, ...) into the values {@code poly}
 * must take; (3) those are fitted by linear least squares on the monomials of {@link Monomials} (Hipparchus' QR
 * decomposition of the design matrix, computed once per data set; the SVD when the design is rank-deficient, as
 * DSO's pseudo-inverse); coefficients below {@code coef_tol} are dropped. When (1) or (2) meet a
 * non-finite value or an operator without an inverse, or the fit fails, {@code poly} is the constant 1, as in DSO
 * (which raises on operators it cannot invert; here they just fail the fit).
 *
 * <p>Immutable and thread-safe (scratch memory comes from the caller's {@link Workspace}).
 */
public final class PolyFitter {

    private final Library library;
    private final ProgramCompiler compiler;
    private final Monomials monomials;
    private final double[][] x;
    private final int rows;
    private final double[][] design;
    private final DecompositionSolver solver;
    private final double coefTol;

    /**
     * @param x       the data the coefficients are fitted on, {@code x[var][row]}
     * @param options degree of the polynomial and tolerance below which coefficients are dropped
     */
    public PolyFitter(Library library, ProgramCompiler compiler, double[][] x, int rows, PolyFitOptions options) {
        this.library = library;
        this.compiler = compiler;
        this.monomials = new Monomials(library.inputCount(), options.degree());
        this.coefTol = options.coefTol();
        this.x = x;
        this.rows = rows;
        this.design = monomials.design(x, rows);
        DecompositionSolver s = null;
        if (rows >= monomials.size()) {
            RealMatrix a = new Array2DRowRealMatrix(design, false);
            s = new QRDecomposition(a).getSolver();
            if (!s.isNonSingular()) s = new SingularValueDecomposition(a).getSolver();
        }
        this.solver = s;   // null: fewer rows than monomials, DSO's regressor fails there too
    }

    public Monomials monomials() { return monomials; }

    /**
     * The inputs a compiled program reads: {@code x} itself, or, when {@code traversal} has {@code poly}, {@code x}
     * plus the fitted polynomial's values as one more column (whose coefficients are {@code constants}; their
     * number says the degree the polynomial was fitted with).
     */
    public static double[][] inputs(Library library, int[] traversal, double[] constants, double[][] x, int rows) {
        int poly = library.polyToken();
        boolean has = false;
        for (int t : traversal) has |= t == poly && poly >= 0;
        if (!has) return x;
        Monomials m = Monomials.ofSize(library.inputCount(), constants.length);
        if (m == null) {
            throw new IllegalArgumentException(constants.length + " coefficients are no polynomial in "
                    + library.inputCount() + " variables");
        }
        double[][] xe = Arrays.copyOf(x, x.length + 1);
        xe[x.length] = Monomials.values(m.design(x, rows), constants, rows);
        return xe;
    }

    /** Design matrix of this data set ({@code [row][monomial]}). */
    public double[][] design() { return design; }

    /** The constant polynomial 1 (DSO's fallback). */
    public double[] one() {
        double[] c = new double[monomials.size()];
        c[0] = 1;
        return c;
    }

    /**
     * Coefficients of the program's {@code poly} fitted so that the program reproduces {@code y}, or {@link #one()}.
     *
     * @param traversal a complete program with exactly one {@code poly} and no {@code const}
     */
    public double[] fit(int[] traversal, double[] y, Workspace ws) {
        double[] target = target(traversal, y, ws);
        if (target == null || solver == null) return one();
        double[] c;
        try {
            c = solver.solve(new ArrayRealVector(target, false)).toArray();
        } catch (MathIllegalArgumentException e) {
            return one();
        }
        for (int k = 0; k < c.length; k++) {
            if (!Double.isFinite(c[k])) return one();
            if (Math.abs(c[k]) < coefTol) c[k] = 0;
        }
        return c;
    }

    /** The values {@code poly} must take (partial execution and inversion), or null. */
    double[] target(int[] traversal, double[] y, Workspace ws) {
        int poly = library.polyToken();
        double[] t = Arrays.copyOf(y, rows);
        int node = 0;
        while (traversal[node] != poly) {
            int tok = traversal[node];
            String op = library.name(tok);
            if (library.arity(tok) == 1) {
                if (!invertUnary(op, t)) return null;
                node++;
            } else if (library.arity(tok) == 2) {
                int left = node + 1;
                int right = end(traversal, left);
                boolean polyLeft = contains(traversal, left, right, poly);
                int[] known = polyLeft ? Arrays.copyOfRange(traversal, right, end(traversal, right))
                        : Arrays.copyOfRange(traversal, left, right);
                CompiledProgram sub = compiler.compile(known);
                double[] ones = new double[sub.constantCount()];
                Arrays.fill(ones, 1.0);
                double[] v = sub.evaluate(x, rows, ones, ws);
                if (v == null) return null;
                if (!invertBinary(op, t, v, polyLeft)) return null;
                node = polyLeft ? left : right;
            } else {
                return null;    // a terminal that is not poly: poly is not in this program
            }
            for (int i = 0; i < rows; i++) if (!Double.isFinite(t[i])) return null;
        }
        return t;
    }

    private int end(int[] traversal, int start) {
        int open = 1, i = start;
        while (open > 0) open += library.arity(traversal[i++]) - 1;
        return i;
    }

    private static boolean contains(int[] traversal, int from, int to, int token) {
        for (int i = from; i < to; i++) if (traversal[i] == token) return true;
        return false;
    }

    /** y = op(u) solved for u, in place; false for an operator DSO has no inverse for. */
    private boolean invertUnary(String op, double[] t) {
        for (int i = 0; i < rows; i++) {
            double v = t[i];
            t[i] = switch (op) {
                case "sin" -> Math.asin(v);
                case "cos" -> Math.acos(v);
                case "tan" -> Math.atan(v);
                case "exp" -> Math.log(v);
                case "log" -> Math.exp(v);
                case "sqrt" -> v * v;
                case "n2" -> Math.sqrt(v);
                case "n3" -> Math.cbrt(v);
                case "abs" -> Math.abs(v);
                case "tanh" -> 0.5 * Math.log((1 + v) / (1 - v));
                case "inv" -> 1 / v;
                default -> Double.NaN;
            };
            if (Double.isNaN(t[i]) && !isInvertibleUnary(op)) return false;
        }
        return true;
    }

    private static boolean isInvertibleUnary(String op) {
        return switch (op) {
            case "sin", "cos", "tan", "exp", "log", "sqrt", "n2", "n3", "abs", "tanh", "inv" -> true;
            default -> false;
        };
    }

    /** y = op(a, b) solved for the unknown argument (left when {@code unknownLeft}), in place. */
    private boolean invertBinary(String op, double[] t, double[] known, boolean unknownLeft) {
        switch (op) {
            case "add" -> { for (int i = 0; i < rows; i++) t[i] = t[i] - known[i]; }
            case "sub" -> {
                if (unknownLeft) for (int i = 0; i < rows; i++) t[i] = t[i] + known[i];
                else for (int i = 0; i < rows; i++) t[i] = known[i] - t[i];
            }
            case "mul" -> { for (int i = 0; i < rows; i++) t[i] = t[i] / known[i]; }
            case "div" -> {
                if (unknownLeft) for (int i = 0; i < rows; i++) t[i] = t[i] * known[i];
                else for (int i = 0; i < rows; i++) t[i] = known[i] / t[i];
            }
            default -> { return false; }
        }
        return true;
    }
}
