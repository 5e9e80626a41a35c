package io.dsr4j.api.data;

import java.util.List;

/**
 * A regression task's data. X is stored column-major ({@code x[var][row]}) because evaluation works a column at a
 * time. Without a separate test set, test = train (as the reference does).
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
        if (xTrain.length == 0) throw new IllegalArgumentException("dataset " + name + " has no input variables");
        for (double[] c : xTrain) {
            if (c.length != yTrain.length) throw new IllegalArgumentException("dataset " + name + ": ragged training columns");
        }
        for (double[] c : xTest) {
            if (c.length != yTest.length) throw new IllegalArgumentException("dataset " + name + ": ragged test columns");
        }
        if (yTestNoiseless.length != yTest.length) throw new IllegalArgumentException("dataset " + name + ": test sizes differ");
    }

    public int variableCount() { return xTrain.length; }

    public int trainSize() { return yTrain.length; }

    public int testSize() { return yTest.length; }
}
