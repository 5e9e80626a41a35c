package io.dsr4j.api.data;

import java.util.List;

/**
 * A regression task's data. X is stored column-major ({@code x[var][row]}) because evaluation works a column at a
 * time. Without a separate test set, test = train (as the reference does). Immutable: the constructor and the array
 * accessors copy, so hold on to what an accessor returns instead of calling it per row.
 *
 * @param name             benchmark name or file-derived name
 * @param xTrain           training inputs, one array per variable
 * @param yTrain           training targets (noisy if noise > 0)
 * @param xTest            test inputs
 * @param yTest            test targets (noisy if noise > 0)
 * @param yTestNoiseless   noiseless test targets (success criterion)
 * @param functionSet      the benchmark's own function set, or null for user data
 * @param targetExpression the generating expression if known, else null
 */
public record Dataset(String name, double[][] xTrain, double[] yTrain, double[][] xTest, double[] yTest,
                      double[] yTestNoiseless, List<String> functionSet, String targetExpression) {

    public Dataset {
        // copies; where test = train (the same arrays given twice) they stay shared, never copied twice
        double[][] xt = copy(xTrain);
        double[] yt = yTrain.clone();
        double[][] xe = xTest == xTrain ? xt : copy(xTest);
        double[] ye = yTest == yTrain ? yt : yTest.clone();
        yTestNoiseless = yTestNoiseless == yTest ? ye : yTestNoiseless == yTrain ? yt : yTestNoiseless.clone();
        xTrain = xt;
        yTrain = yt;
        xTest = xe;
        yTest = ye;
        functionSet = functionSet == null ? null : List.copyOf(functionSet);
        if (xTrain.length == 0) throw new IllegalArgumentException("dataset " + name + " has no input variables");
        for (double[] c : xTrain) {
            if (c.length != yTrain.length) throw new IllegalArgumentException("dataset " + name + ": ragged training columns");
        }
        for (double[] c : xTest) {
            if (c.length != yTest.length) throw new IllegalArgumentException("dataset " + name + ": ragged test columns");
        }
        if (yTestNoiseless.length != yTest.length) throw new IllegalArgumentException("dataset " + name + ": test sizes differ");
    }

    /** Training inputs, one column per variable (a copy: read it once, not per row). */
    @Override
    public double[][] xTrain() { return copy(xTrain); }

    /** Training targets (a copy). */
    @Override
    public double[] yTrain() { return yTrain.clone(); }

    /** Test inputs, one column per variable (a copy). */
    @Override
    public double[][] xTest() { return copy(xTest); }

    /** Test targets (a copy). */
    @Override
    public double[] yTest() { return yTest.clone(); }

    /** Noiseless test targets (a copy). */
    @Override
    public double[] yTestNoiseless() { return yTestNoiseless.clone(); }

    /** Training input {@code var} at {@code row}, without copying. */
    public double xTrain(int var, int row) { return xTrain[var][row]; }

    /** Training target at {@code row}, without copying. */
    public double yTrain(int row) { return yTrain[row]; }

    private static double[][] copy(double[][] columns) {
        double[][] c = new double[columns.length][];
        for (int i = 0; i < c.length; i++) c[i] = columns[i].clone();
        return c;
    }

    public int variableCount() { return xTrain.length; }

    public int trainSize() { return yTrain.length; }

    public int testSize() { return yTest.length; }
}
