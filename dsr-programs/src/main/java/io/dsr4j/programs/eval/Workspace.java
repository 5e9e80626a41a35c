package io.dsr4j.programs.eval;

/**
 * Per-thread scratch memory for evaluating programs: register columns, tangent columns (Jacobians), partial
 * derivative scratch, the columns a {@link FitProgram} computes once per fit and an exact-length output buffer. Buffers grow on demand and are then reused, so steady-state
 * evaluation allocates nothing. Not thread-safe: give every thread its own workspace.
 */
public final class Workspace {

    private int rows;
    private double[][] registers = new double[0][];
    private double[][] tangents = new double[0][];
    private double[][] fixed = new double[0][];
    private double[] da = new double[0];
    private double[] db = new double[0];
    private double[] exact = new double[0];

    /** An empty workspace that sizes itself on first use. */
    public Workspace() { }

    /** Preallocates for {@code rows} data rows and {@code registers} registers. */
    public Workspace(int rows, int registers) {
        registers(rows, registers);
    }

    /** Register columns (at least {@code count}, each at least {@code rowsNeeded} long). */
    double[][] registers(int rowsNeeded, int count) {
        growRows(rowsNeeded);
        registers = withColumns(registers, count);
        return registers;
    }

    /** Tangent columns, one per constant. */
    double[][] tangents(int rowsNeeded, int count) {
        growRows(rowsNeeded);
        tangents = withColumns(tangents, count);
        return tangents;
    }

    /** Columns of the constant-free values a {@link FitProgram} computes once per fit. */
    double[][] fixedColumns(int rowsNeeded, int count) {
        growRows(rowsNeeded);
        fixed = withColumns(fixed, count);
        return fixed;
    }

    /** {@code cols} itself when it has {@code count} columns, else a copy at least doubled, new columns {@link #rows} long. */
    private double[][] withColumns(double[][] cols, int count) {
        if (cols.length >= count) return cols;
        double[][] c = java.util.Arrays.copyOf(cols, Math.max(count, cols.length * 2));
        for (int i = cols.length; i < c.length; i++) c[i] = new double[rows];
        return c;
    }

    double[] partialA() { return da; }

    double[] partialB() { return db; }

    /**
     * A buffer of exactly {@code n} values (for APIs that take an array's length as the row count). Reallocated
     * only when {@code n} changes.
     */
    public double[] exact(int n) {
        if (exact.length != n) exact = new double[n];
        return exact;
    }

    /** Current row capacity. */
    public int rowCapacity() { return rows; }

    private void growRows(int rowsNeeded) {
        if (rowsNeeded <= rows) return;
        rows = Math.max(rowsNeeded, rows + (rows >> 1));
        for (int i = 0; i < registers.length; i++) registers[i] = new double[rows];
        for (int i = 0; i < tangents.length; i++) tangents[i] = new double[rows];
        for (int i = 0; i < fixed.length; i++) fixed[i] = new double[rows];
        da = new double[rows];
        db = new double[rows];
    }
}
