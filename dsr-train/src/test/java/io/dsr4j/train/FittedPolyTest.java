package io.dsr4j.train;

import io.dsr4j.api.token.Library;
import io.dsr4j.programs.token.BuiltinTokensPlugin;
import io.dsr4j.programs.token.LibraryBuilder;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A fitted model with {@code poly} predicts with its polynomial (the coefficients are the record's constants). */
class FittedPolyTest {

    @Test
    void predictEvaluatesTheFittedPolynomial() {
        Library lib = LibraryBuilder.build(1, List.of("add", "mul", "sin", "poly"), false, BuiltinTokensPlugin.factories());
        int[] t = Arrays.stream("add,sin,x1,poly".split(",")).mapToInt(lib::indexOf).toArray();
        double[] c = {2.0, -1.0, 0, 0.5};   // 2 - x1 + 0.5 x1^3 (one variable: 1, x1, x1^2, x1^3)
        ProgramRecord r = new ProgramRecord(t, c, 1.0, 5, false);
        double[][] cols = {{0.0, 1.0, 2.0}};
        double[] y = FittedModel.predict(lib, r, cols, 3);
        for (int i = 0; i < 3; i++) {
            double x = cols[0][i];
            assertEquals(Math.sin(x) + 2 - x + 0.5 * x * x * x, y[i], 1e-12);
        }
    }
}
