package io.dsr4j.programs.bench;

import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;
import io.dsr4j.programs.eval.RandomTraversals;
import io.dsr4j.programs.token.BuiltinTokensPlugin;
import io.dsr4j.programs.token.LibraryBuilder;

import java.util.List;

/** Shared benchmark inputs: the Koza library, Nguyen-1-like data, a DSR-like batch of random programs. */
final class BenchData {

    static final List<String> KOZA = List.of("add", "sub", "mul", "div", "sin", "cos", "exp", "log");

    private BenchData() { }

    static Library koza() {
        return LibraryBuilder.build(1, KOZA, false, BuiltinTokensPlugin.factories());
    }

    /** y = x^3 + x^2 + x on uniform(-1, 1) inputs. */
    static Dataset nguyen1(int rows, long seed) {
        Rng rng = new Rng(seed);
        double[] x = new double[rows], y = new double[rows];
        for (int i = 0; i < rows; i++) {
            x[i] = rng.nextDouble() * 2 - 1;
            y[i] = x[i] * x[i] * x[i] + x[i] * x[i] + x[i];
        }
        return new Dataset("Nguyen-1-like", new double[][] {x}, y, new double[][] {x}, y, y, null, null);
    }

    /** 1000 programs of length 4-30 drawn like an untrained DSR policy under the uniform-arity prior. */
    static int[][] batch(Library lib, int n, long seed) {
        Rng rng = new Rng(seed);
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) out[i] = RandomTraversals.next(lib, rng, 4, 30, true);
        return out;
    }

    static double meanLength(int[][] batch) {
        long s = 0;
        for (int[] t : batch) s += t.length;
        return (double) s / batch.length;
    }
}
