package io.dsr4j.train;

/** Evenly spaced rows of the training and test inputs, for checking simplified expressions. */
final class CheckRows {

    private CheckRows() { }

    /** Columns {@code [var][row]} with at most {@code max / 2} rows from each set (all rows of a small set). */
    static double[][] sample(double[][] train, double[][] test, int max) {
        int[] a = pick(train[0].length, max / 2);
        int[] b = pick(test[0].length, max / 2);
        double[][] x = new double[train.length][a.length + b.length];
        for (int v = 0; v < train.length; v++) {
            for (int i = 0; i < a.length; i++) x[v][i] = train[v][a[i]];
            for (int i = 0; i < b.length; i++) x[v][a.length + i] = test[v][b[i]];
        }
        return x;
    }

    private static int[] pick(int n, int max) {
        int k = Math.min(n, max);
        int[] idx = new int[k];
        for (int i = 0; i < k; i++) idx[i] = (int) ((long) i * n / k);
        return idx;
    }
}
