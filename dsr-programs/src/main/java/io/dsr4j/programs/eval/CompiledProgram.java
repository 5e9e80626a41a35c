package io.dsr4j.programs.eval;

import io.dsr4j.api.token.Library;
import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenKind;
import io.dsr4j.programs.token.BuiltinFunction;
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
 * Intermediates are only scanned where a non-finite value could be hidden from the result (the argument of exp,
 * of a denominator, of a protected function, ...); everywhere else it is bound to reach the result, which is always
 * scanned. The same rule holds in protected mode, where the reference never flags anything and lets NaN reach the
 * reward.
 *
 * <p>Immutable and thread-safe; all scratch memory comes from the caller's {@link Workspace}.
 */
public final class CompiledProgram {

    /** Pseudo-opcodes (built-in opcodes are &gt;= 0). */
    private static final int LOAD_VALUE = -1, LOAD_PARAM = -2, CUSTOM = -3;

    // Per instruction pc: op, dst register, operand a, operand b. An operand >= 0 is a register, < 0 is input -(i+1).
    private final int[] code;
    // Per instruction: constant value (LOAD_VALUE); param index in lo (LOAD_PARAM); const ranges [lo, mid) of
    // operand a and [mid, hi) of operand b (functions).
    private final double[] values;
    private final int[] ranges;
    private final Token[] custom;
    private final boolean[] check;
    private final int instructions;
    private final int registerCount;
    private final int constantCount;
    private final int result;
    private final int length;

    private CompiledProgram(int[] code, double[] values, int[] ranges, Token[] custom, boolean[] check, int instructions,
                            int registerCount, int constantCount, int result, int length) {
        this.code = code;
        this.values = values;
        this.ranges = ranges;
        this.custom = custom;
        this.check = check;
        this.instructions = instructions;
        this.registerCount = registerCount;
        this.constantCount = constantCount;
        this.result = result;
        this.length = length;
    }

    /**
     * Compiles a finished traversal.
     *
     * @throws IllegalArgumentException if the traversal is not exactly one complete expression
     */
    public static CompiledProgram compile(int[] traversal, Library library) {
        int n = traversal.length;
        if (n == 0) throw new IllegalArgumentException("empty traversal");
        // const placeholders are numbered in traversal order: constsBefore[i] = number of consts left of i
        int[] constsBefore = new int[n + 1];
        for (int i = 0; i < n; i++) {
            constsBefore[i + 1] = constsBefore[i] + (library.token(traversal[i]).kind() == TokenKind.PLACEHOLDER ? 1 : 0);
        }
        int[] code = new int[4 * n];
        double[] values = new double[n];
        int[] ranges = new int[3 * n];
        boolean[] check = new boolean[n];
        Token[] custom = null;
        // operand stack (right-to-left evaluation of the prefix traversal)
        int[] opnd = new int[n], producer = new int[n], lo = new int[n], hi = new int[n];
        int sp = 0, pc = 0, maxSp = 0;
        for (int i = n - 1; i >= 0; i--) {
            Token t = library.token(traversal[i]);
            int arity = t.arity();
            if (arity == 0) {
                int c = constsBefore[i];
                switch (t.kind()) {
                    case INPUT -> {
                        opnd[sp] = -(t.inputIndex() + 1);
                        producer[sp] = -1;
                    }
                    case CONSTANT -> {
                        emit(code, pc, LOAD_VALUE, sp, 0, 0);
                        values[pc] = t.value();
                        opnd[sp] = sp;
                        producer[sp] = -1; // finite by construction
                        pc++;
                    }
                    case PLACEHOLDER -> {
                        emit(code, pc, LOAD_PARAM, sp, 0, 0);
                        ranges[3 * pc] = c;
                        opnd[sp] = sp;
                        producer[sp] = -1; // constants are checked once per evaluation
                        pc++;
                    }
                    default -> throw new IllegalArgumentException("token '" + t.name() + "' has arity 0 but kind " + t.kind());
                }
                lo[sp] = c;
                hi[sp] = t.kind() == TokenKind.PLACEHOLDER ? c + 1 : c;
                sp++;
                maxSp = Math.max(maxSp, sp);
            } else {
                if (sp < arity) throw new IllegalArgumentException("traversal is not a complete expression (too few operands at position " + i + ")");
                int op = t instanceof BuiltinFunction bf ? bf.opcode() : CUSTOM;
                int first = sp - 1;
                int second = arity == 2 ? sp - 2 : -1;
                int dst = sp - arity;
                emit(code, pc, op, dst, opnd[first], second >= 0 ? opnd[second] : 0);
                if (op == CUSTOM) {
                    if (custom == null) custom = new Token[n];
                    custom[pc] = t;
                }
                markChecks(op, 0, producer[first], check);
                ranges[3 * pc] = lo[first];
                ranges[3 * pc + 1] = hi[first];
                ranges[3 * pc + 2] = hi[first];
                int newLo = lo[first], newHi = hi[first];
                if (second >= 0) {
                    markChecks(op, 1, producer[second], check);
                    ranges[3 * pc + 2] = hi[second];
                    newHi = hi[second];
                }
                sp -= arity;
                opnd[sp] = dst;
                producer[sp] = pc;
                lo[sp] = newLo;
                hi[sp] = newHi;
                sp++;
                pc++;
            }
        }
        if (sp != 1) throw new IllegalArgumentException("traversal is not a single complete expression (" + sp + " subtrees)");
        if (producer[0] >= 0) check[producer[0]] = true;
        return new CompiledProgram(code, values, ranges, custom, check, pc, maxSp, constsBefore[n], opnd[0], n);
    }

    private static void emit(int[] code, int pc, int op, int dst, int a, int b) {
        code[4 * pc] = op;
        code[4 * pc + 1] = dst;
        code[4 * pc + 2] = a;
        code[4 * pc + 3] = b;
    }

    private static void markChecks(int op, int arg, int producer, boolean[] check) {
        if (producer >= 0 && (op < 0 || !Kernels.propagatesNonFinite(op, arg))) check[producer] = true;
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
        for (int pc = 0; pc < instructions; pc++) {
            int k = 4 * pc;
            int op = code[k];
            double[] out = reg[code[k + 1]];
            if (op >= 0) {
                // unary built-ins ignore b (their unused operand slot names register 0)
                Kernels.apply(op, operand(code[k + 2], reg, x), operand(code[k + 3], reg, x), out, rows);
            } else if (op == LOAD_VALUE) {
                Kernels.fill(out, values[pc], rows);
                continue;
            } else if (op == LOAD_PARAM) {
                Kernels.fill(out, constants[ranges[3 * pc]], rows);
                continue;
            } else {
                Token t = custom[pc];
                t.apply(operand(code[k + 2], reg, x), t.arity() == 2 ? operand(code[k + 3], reg, x) : null, out, rows);
            }
            if (check[pc] && !allFinite(out, rows)) return null;
        }
        return operand(result, reg, x);
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
        if (!constantsFinite(constants)) return null;
        double[][] reg = ws.registers(rows, registerCount);
        double[][] tan = ws.tangents(rows, constantCount);
        double[] da = ws.partialA();
        double[] db = ws.partialB();
        for (int pc = 0; pc < instructions; pc++) {
            int k = 4 * pc;
            int op = code[k];
            double[] out = reg[code[k + 1]];
            if (op == LOAD_VALUE) {
                Kernels.fill(out, values[pc], rows);
                continue;
            }
            if (op == LOAD_PARAM) {
                int j = ranges[3 * pc];
                Kernels.fill(out, constants[j], rows);
                Kernels.fill(tan[j], 1.0, rows);
                continue;
            }
            int r = 3 * pc;
            int lo = ranges[r], mid = ranges[r + 1], hi = ranges[r + 2];
            double[] a = operand(code[k + 2], reg, x);
            Token t = op == CUSTOM ? custom[pc] : null;
            // unary built-ins ignore b (their unused operand slot names register 0)
            double[] b = t == null || t.arity() == 2 ? operand(code[k + 3], reg, x) : null;
            if (lo < hi) {
                // partials before the value: out may alias an argument
                if (t == null) Kernels.partials(op, a, b, da, db, rows);
                else t.partials(a, b, da, b == null ? null : db, rows);
                for (int j = lo; j < mid; j++) scale(tan[j], da, rows);
                for (int j = mid; j < hi; j++) scale(tan[j], db, rows);
            }
            if (t == null) Kernels.apply(op, a, b, out, rows);
            else t.apply(a, b, out, rows);
            if (check[pc] && !allFinite(out, rows)) return null;
        }
        double[] y = operand(result, reg, x);
        for (int i = 0; i < rows; i++) {
            double[] row = jacobian[i];
            for (int j = 0; j < constantCount; j++) row[j] = tan[j][i];
        }
        return y;
    }

    private static double[] operand(int o, double[][] reg, double[][] x) {
        return o >= 0 ? reg[o] : x[-o - 1];
    }

    private static void scale(double[] t, double[] d, int n) {
        for (int i = 0; i < n; i++) t[i] *= d[i];
    }

    private boolean constantsFinite(double[] c) {
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
