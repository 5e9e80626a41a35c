package io.dsr4j.programs.eval;

import java.util.Arrays;

/**
 * A {@link CompiledProgram} prepared for fitting its constants on fixed data. A fit evaluates the program ~20 times
 * at different constants, but every subtree without a {@code const} (sin(x1·x2) in c0·sin(x1·x2) + c1) has the same
 * value each time: those instructions run once, here, and each maximal such subtree's value is kept in a column that
 * the remaining instructions (the constants' ancestors, and the constant loads) read like an input column. They run
 * the same kernels on the same values in the same order, so values and Jacobians are bit for bit those of
 * {@link CompiledProgram#evaluateWithJacobian}, and so is validity: a non-finite value in the fixed part makes every
 * evaluation invalid, as it would have at every constant.
 *
 * <p>Holds the caller's workspace (its fixed columns, registers and tangents): use one fit program per workspace
 * at a time, on one thread.
 */
public final class FitProgram {

    private static final int S = CompiledProgram.STRIDE;

    private final CompiledProgram program;
    private final Workspace ws;
    private final int rows;
    /** Inputs, then the fixed columns. */
    private final double[][] columns;
    /** The constant-dependent instructions, their fixed operands renumbered to columns. */
    private final int[] code;
    private final int count;
    /** Whether the fixed part is invalid (then so is every evaluation). */
    private final boolean invalid;

    FitProgram(CompiledProgram program, double[][] x, int rows, Workspace ws) {
        this.program = program;
        this.ws = ws;
        this.rows = rows;
        int[] all = program.code();
        int n = program.instructionCount();
        // which instructions depend on a constant: the loads of one, and functions with one below them
        boolean[] dependent = new boolean[n];
        int kept = 0;
        for (int p = 0; p < n; p++) {
            int k = p * S, op = all[k];
            dependent[p] = op == CompiledProgram.LOAD_PARAM
                    || (op != CompiledProgram.LOAD_VALUE && all[k + CompiledProgram.LO] < all[k + CompiledProgram.HI]);
            if (dependent[p]) kept++;
        }
        // a register operand of a dependent instruction written by a constant-free one is a fixed column
        int[] writer = new int[program.registerCount()];
        int[] fixedColumn = new int[n];
        Arrays.fill(fixedColumn, -1);
        int[] code = new int[kept * S];
        int fixedCount = 0, q = 0;
        for (int p = 0; p < n; p++) {
            int k = p * S;
            if (dependent[p] && all[k] != CompiledProgram.LOAD_PARAM) {
                System.arraycopy(all, k, code, q, S);
                boolean binary = program.token(all[k + CompiledProgram.AUX]).arity() == 2;
                for (int slot = CompiledProgram.A; slot <= (binary ? CompiledProgram.B : CompiledProgram.A); slot++) {
                    int o = all[k + slot];
                    if (o >= 0 && !dependent[writer[o]]) {
                        fixedColumn[writer[o]] = fixedCount;
                        code[q + slot] = -(x.length + fixedCount + 1);
                        fixedCount++;
                    }
                }
                q += S;
            } else if (dependent[p]) {
                System.arraycopy(all, k, code, q, S);
                q += S;
            }
            writer[all[k + CompiledProgram.DST]] = p;
        }
        this.code = code;
        this.count = kept;
        double[][] fixed = ws.fixedColumns(rows, fixedCount);
        this.columns = Arrays.copyOf(x, x.length + fixedCount);
        System.arraycopy(fixed, 0, columns, x.length, fixedCount);
        this.invalid = !runFixed(all, n, dependent, fixedColumn, x, fixed);
    }

    /** Runs the constant-free instructions in order, keeping each fixed value; false when one is not finite. */
    private boolean runFixed(int[] all, int n, boolean[] dependent, int[] fixedColumn, double[][] x, double[][] fixed) {
        double[][] reg = ws.registers(rows, program.registerCount());
        for (int p = 0; p < n; p++) {
            if (dependent[p]) continue;
            int k = p * S;
            double[] out = reg[all[k + CompiledProgram.DST]];
            if (program.execute(all, k, x, rows, null, reg) && !CompiledProgram.allFinite(out, rows)) return false;
            if (fixedColumn[p] >= 0) System.arraycopy(out, 0, fixed[fixedColumn[p]], 0, rows);
        }
        return true;
    }

    /** Number of {@code const} values. */
    public int constantCount() { return program.constantCount(); }

    /** Instructions run per evaluation (those that depend on a constant). */
    public int instructionCount() { return count; }

    /**
     * As {@link CompiledProgram#evaluateWithJacobian} on the data given at construction: the same values and
     * Jacobian, bit for bit.
     */
    public double[] evaluateWithJacobian(double[] constants, double[][] jacobian) {
        double[] y = evaluateTangents(constants);
        if (y == null) return null;
        int k = program.constantCount();
        double[][] tan = ws.tangents(rows, k);
        for (int i = 0; i < rows; i++) {
            double[] row = jacobian[i];
            for (int j = 0; j < k; j++) row[j] = tan[j][i];
        }
        return y;
    }

    /** As {@link CompiledProgram#evaluateWithJacobianColumns} on the data given at construction (bit for bit). */
    public double[] evaluateWithJacobianColumns(double[] constants, double[][] jacobianColumns) {
        double[] y = evaluateTangents(constants);
        if (y == null) return null;
        int k = program.constantCount();
        double[][] tan = ws.tangents(rows, k);
        for (int j = 0; j < k; j++) System.arraycopy(tan[j], 0, jacobianColumns[j], 0, rows);
        return y;
    }

    /** As {@link CompiledProgram#evaluate} on the data given at construction (bit for bit). */
    public double[] evaluate(double[] constants) {
        if (invalid || !program.constantsFinite(constants)) return null;
        double[][] reg = ws.registers(rows, program.registerCount());
        for (int k = 0, end = count * S; k < end; k += S) {
            if (program.execute(code, k, columns, rows, constants, reg)
                    && !CompiledProgram.allFinite(reg[code[k + CompiledProgram.DST]], rows)) return null;
        }
        return CompiledProgram.operand(program.result(), reg, columns);
    }

    private double[] evaluateTangents(double[] constants) {
        if (invalid || !program.constantsFinite(constants)) return null;
        return program.runTangents(code, count, program.result(), columns, rows, constants, ws);
    }
}
