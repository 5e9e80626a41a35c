package io.dsr4j.programs.eval;

import io.dsr4j.api.token.Library;
import io.dsr4j.api.token.Token;
import io.dsr4j.programs.token.Kernels;

/**
 * A finished prefix traversal compiled once into a flat register program over data columns. Every instruction
 * processes all rows (a tight loop per instruction, no per-row interpretation, no boxing); built-in functions are
 * dispatched by opcode to {@link Kernels}, plugin tokens through {@link Token#apply}. Input variables are read
 * straight from the X columns (never copied); hard constants and {@code const} values are broadcast into a register.
 *
 * <p><b>Invalid programs.</b> A program is invalid when any intermediate value or the result is non-finite (NaN or
 * ±inf); evaluation then stops early and returns {@code null}. Unlike the reference, floating-point
 * <em>underflow</em> does not make a program invalid: the reference flags every numpy FP event including underflow
 * (exp(-1000), tiny*tiny), which rejects perfectly good expressions whose values merely round to 0 or a subnormal.
 * Outputs are scanned where a fault typically arises (after unprotected log, sqrt, division, inverse, exp), so
 * that invalid programs stop early, and wherever a non-finite value could otherwise be hidden from the result
 * (arguments of exp, tanh, max/min, denominators, protected functions, plugin tokens: exp(-inf) = 0, 1/inf = 0);
 * anywhere else a non-finite value is bound to reach the result, which is always scanned. The same rule holds in
 * protected mode, where the reference never flags anything and lets NaN reach the reward.
 *
 * <p>Immutable and thread-safe; all scratch memory comes from the caller's {@link Workspace}.
 */
public final class CompiledProgram {

    /** Pseudo-opcodes (built-in opcodes are &gt;= 0). */
    static final int LOAD_VALUE = -1, LOAD_PARAM = -2, CUSTOM = -3;

    /**
     * Instruction layout in {@link #code}: opcode, destination register, operands a and b (&gt;= 0: register,
     * &lt; 0: input column -(i+1)), aux (token index; param index for LOAD_PARAM), const ranges [lo, mid) under a and
     * [mid, hi) under b, and whether the output must be scanned for non-finite values.
     */
    static final int DST = 1, A = 2, B = 3, AUX = 4, LO = 5, MID = 6, HI = 7, CHECK = 8, STRIDE = 9;

    private final ProgramCompiler compiler;
    private final int[] code;
    private final int instructions;
    private final int registerCount;
    private final int constantCount;
    private final int result;
    private final int length;

    CompiledProgram(ProgramCompiler compiler, int[] code, int instructions, int registerCount, int constantCount,
                    int result, int length) {
        this.compiler = compiler;
        this.code = code;
        this.instructions = instructions;
        this.registerCount = registerCount;
        this.constantCount = constantCount;
        this.result = result;
        this.length = length;
    }

    /**
     * Compiles a finished traversal (convenience: tabulates the library each time; hot paths hold a
     * {@link ProgramCompiler}).
     *
     * @throws IllegalArgumentException if the traversal is not exactly one complete expression
     */
    public static CompiledProgram compile(int[] traversal, Library library) {
        return new ProgramCompiler(library).compile(traversal);
    }

    /** Traversal length. */
    public int length() { return length; }

    /** Number of {@code const} placeholders (values expected by {@link #evaluate}). */
    public int constantCount() { return constantCount; }

    /** Registers needed (the maximum operand stack depth). */
    public int registerCount() { return registerCount; }

    /** Number of instructions (functions plus constant loads; input variables cost none). */
    public int instructionCount() { return instructions; }

    /**
     * Evaluates the program on {@code rows} rows.
     *
     * @param x         input columns, {@code x[var][row]}, at least {@code rows} long
     * @param constants values of the {@code const} placeholders in traversal order (may be null if there are none)
     * @return the output column (its first {@code rows} values), or {@code null} if the program is invalid (a
     * non-finite intermediate or result). The array belongs to the workspace or is an input column: read it
     * before the next evaluation with the same workspace and never write it.
     */
    public double[] evaluate(double[][] x, int rows, double[] constants, Workspace ws) {
        if (!constantsFinite(constants)) return null;
        double[][] reg = ws.registers(rows, registerCount);
        int[] code = this.code;
        for (int k = 0, end = instructions * STRIDE; k < end; k += STRIDE) {
            if (execute(k, x, rows, constants, reg) && !allFinite(reg[code[k + DST]], rows)) return null;
        }
        return operand(result, reg, x);
    }

    /**
     * Runs the instruction at {@code k} into its destination register; true when its output must be checked for
     * non-finite values (loads never need it). Shared by {@link #evaluate} and {@link #predict}.
     */
    private boolean execute(int k, double[][] x, int rows, double[] constants, double[][] reg) {
        return execute(code, k, x, rows, constants, reg);
    }

    /** As {@link #execute(int, double[][], int, double[], double[][])} for the instruction at {@code k} of {@code code}. */
    boolean execute(int[] code, int k, double[][] x, int rows, double[] constants, double[][] reg) {
        int op = code[k];
        double[] out = reg[code[k + DST]];
        if (op >= 0) {
            // unary built-ins ignore b (their unused operand slot names register 0)
            Kernels.apply(op, operand(code[k + A], reg, x), operand(code[k + B], reg, x), out, rows);
        } else if (op == LOAD_VALUE) {
            Kernels.fill(out, compiler.values[code[k + AUX]], rows);
            return false;
        } else if (op == LOAD_PARAM) {
            Kernels.fill(out, constants[code[k + AUX]], rows);
            return false;
        } else {
            Token t = compiler.tokens[code[k + AUX]];
            t.apply(operand(code[k + A], reg, x), t.arity() == 2 ? operand(code[k + B], reg, x) : null, out, rows);
        }
        return code[k + CHECK] != 0;
    }

    /**
     * Evaluates the program row by row for prediction: unlike {@link #evaluate}, which rejects the whole program at the
     * first non-finite value (that is what a reward needs), a row is NaN only where that row's own value or one of
     * its intermediate values is non-finite (an intermediate can be hidden from the result: exp(-inf) = 0, 1/inf = 0),
     * and every other row keeps its value. Same instructions and kernels as {@link #evaluate}, so finite rows are
     * bit for bit the values {@code evaluate} returns for a valid program.
     *
     * @return a new array of {@code rows} values (all NaN when a constant is non-finite)
     */
    public double[] predict(double[][] x, int rows, double[] constants, Workspace ws) {
        double[] y = new double[rows];
        if (!constantsFinite(constants)) {
            java.util.Arrays.fill(y, Double.NaN);
            return y;
        }
        boolean[] bad = new boolean[rows];
        double[][] reg = ws.registers(rows, registerCount);
        int[] code = this.code;
        for (int k = 0, end = instructions * STRIDE; k < end; k += STRIDE) {
            if (execute(k, x, rows, constants, reg)) {
                double[] out = reg[code[k + DST]];
                for (int i = 0; i < rows; i++) if (!(Math.abs(out[i]) <= Double.MAX_VALUE)) bad[i] = true;
            }
        }
        double[] r = operand(result, reg, x);
        for (int i = 0; i < rows; i++) y[i] = bad[i] || !(Math.abs(r[i]) <= Double.MAX_VALUE) ? Double.NaN : r[i];
        return y;
    }

    /**
     * Evaluates the program and the exact Jacobian of its output with respect to the {@code const} values,
     * propagating one tangent column per constant through the instructions (forward mode) with the tokens'
     * analytic partials. Because a prefix subtree is a contiguous slice of the traversal, the constants under an
     * argument form a contiguous index range and every constant's tangent lives in exactly one column that is
     * multiplied along the path to the root: no additions and no per-(register, constant) storage.
     *
     * @param jacobian receives d yhat_i / d c_j in {@code jacobian[i][j]} for i &lt; rows (untouched when invalid).
     *                 Entries may be non-finite where a partial derivative does not exist (e.g. sqrt at 0).
     * @return as {@link #evaluate}
     */
    public double[] evaluateWithJacobian(double[][] x, int rows, double[] constants, Workspace ws, double[][] jacobian) {
        double[] y = evaluateTangents(x, rows, constants, ws);
        if (y == null) return null;
        double[][] tan = ws.tangents(rows, constantCount);
        for (int i = 0; i < rows; i++) {
            double[] row = jacobian[i];
            for (int j = 0; j < constantCount; j++) row[j] = tan[j][i];
        }
        return y;
    }

    /**
     * As {@link #evaluateWithJacobian}, with the Jacobian column by column: d yhat_i / d c_j into
     * {@code columns[j][i]} (the order in which it is computed, so no transposition).
     *
     * @param columns one array of at least {@code rows} values per constant (untouched when invalid)
     */
    public double[] evaluateWithJacobianColumns(double[][] x, int rows, double[] constants, Workspace ws,
                                                double[][] columns) {
        double[] y = evaluateTangents(x, rows, constants, ws);
        if (y == null) return null;
        double[][] tan = ws.tangents(rows, constantCount);
        for (int j = 0; j < constantCount; j++) System.arraycopy(tan[j], 0, columns[j], 0, rows);
        return y;
    }

    /**
     * This program prepared for a constant fit on fixed data: what does not depend on the constants is computed
     * once here (see {@link FitProgram}).
     *
     * @param x input columns as for {@link #evaluate}; read while the returned program is in use
     * @param ws the workspace its evaluations use; the returned program is valid until {@code ws} is used for
     *           another fit program
     */
    public FitProgram forFit(double[][] x, int rows, Workspace ws) {
        return new FitProgram(this, x, rows, ws);
    }

    /** Values and, in the workspace's tangent columns, the Jacobian (see {@link #evaluateWithJacobian}). */
    private double[] evaluateTangents(double[][] x, int rows, double[] constants, Workspace ws) {
        if (!constantsFinite(constants)) return null;
        return runTangents(code, instructions, result, x, rows, constants, ws);
    }

    /**
     * Values and tangents of {@code count} instructions of {@code code} (this program's, or the constant-dependent
     * part of it that {@link FitProgram} keeps, whose other operands are columns of {@code x}).
     */
    double[] runTangents(int[] code, int count, int result, double[][] x, int rows, double[] constants, Workspace ws) {
        double[][] reg = ws.registers(rows, registerCount);
        double[][] tan = ws.tangents(rows, constantCount);
        double[] da = ws.partialA();
        double[] db = ws.partialB();
        for (int k = 0, end = count * STRIDE; k < end; k += STRIDE) {
            int op = code[k];
            double[] out = reg[code[k + DST]];
            if (op == LOAD_VALUE) {
                Kernels.fill(out, compiler.values[code[k + AUX]], rows);
                continue;
            }
            if (op == LOAD_PARAM) {
                int j = code[k + AUX];
                Kernels.fill(out, constants[j], rows);
                Kernels.fill(tan[j], 1.0, rows);
                continue;
            }
            int lo = code[k + LO], mid = code[k + MID], hi = code[k + HI];
            double[] a = operand(code[k + A], reg, x);
            Token t = op == CUSTOM ? compiler.tokens[code[k + AUX]] : null;
            // unary built-ins ignore b (their unused operand slot names register 0)
            double[] b = t == null || t.arity() == 2 ? operand(code[k + B], reg, x) : null;
            if (lo < hi) {
                // partials before the value: out may alias an argument. add, sub and mul (most instructions over a
                // constant) skip the partial columns: multiplying by the partial's own value is exactly what the
                // general path does (t·1.0 = t), without filling or copying da/db first.
                if (op == Kernels.ADD) {
                    // both partials are 1: the tangents are unchanged
                } else if (op == Kernels.SUB) {
                    for (int j = mid; j < hi; j++) scale(tan[j], -1.0, rows);
                } else if (op == Kernels.MUL) {
                    for (int j = lo; j < mid; j++) scale(tan[j], b, rows);
                    for (int j = mid; j < hi; j++) scale(tan[j], a, rows);
                } else {
                    if (t == null) Kernels.partials(op, a, b, da, db, rows);
                    else t.partials(a, b, da, b == null ? null : db, rows);
                    for (int j = lo; j < mid; j++) scale(tan[j], da, rows);
                    for (int j = mid; j < hi; j++) scale(tan[j], db, rows);
                }
            }
            if (t == null) Kernels.apply(op, a, b, out, rows);
            else t.apply(a, b, out, rows);
            if (code[k + CHECK] != 0 && !allFinite(out, rows)) return null;
        }
        return operand(result, reg, x);
    }

    static double[] operand(int o, double[][] reg, double[][] x) {
        return o >= 0 ? reg[o] : x[-o - 1];
    }

    private static void scale(double[] t, double[] d, int n) {
        for (int i = 0; i < n; i++) t[i] *= d[i];
    }

    private static void scale(double[] t, double d, int n) {
        for (int i = 0; i < n; i++) t[i] *= d;
    }

    /** The instruction array (see {@link #STRIDE}); {@link FitProgram} reads it, nobody writes it. */
    int[] code() { return code; }

    /** The result operand (register, or input column when negative). */
    int result() { return result; }

    /** The token at index {@code t} of the library (for plugin instructions). */
    Token token(int t) { return compiler.tokens[t]; }

    boolean constantsFinite(double[] c) {
        if (constantCount == 0) return true;
        if (c == null || c.length < constantCount) {
            throw new IllegalArgumentException("program has " + constantCount + " constants, got "
                    + (c == null ? "none" : c.length));
        }
        return allFinite(c, constantCount);
    }

    static boolean allFinite(double[] v, int n) {
        for (int i = 0; i < n; i++) if (!(Math.abs(v[i]) <= Double.MAX_VALUE)) return false;
        return true;
    }
}
