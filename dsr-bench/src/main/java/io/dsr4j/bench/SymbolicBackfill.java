package io.dsr4j.bench;

import io.dsr4j.programs.data.BenchmarkExpression;
import io.dsr4j.programs.data.BenchmarkRegistry;
import io.dsr4j.programs.symbolic.Simplified;
import io.dsr4j.programs.symbolic.SymbolicMath;
import io.dsr4j.programs.symbolic.SymbolicProgram;
import io.dsr4j.programs.symbolic.Verdict;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Fills {@code symbolic_success} and {@code simplified} into rows of results.csv written before those columns existed,
 * from the traversal each row keeps (fitted constants included) — no rerun. Protected variants keep the raw expression
 * as their simplified form: without the run's data it could not be checked (see {@link SymbolicMath#simplify}).
 */
final class SymbolicBackfill {

    private SymbolicBackfill() { }

    /** @return how many rows were filled */
    static int fill(ResultsFile results, GridSpec grid, java.util.function.Supplier<SymbolicMath> maths, Duration limit) throws IOException {
        int[] filled = {0};
        results.update(row -> {
            if (!row.simplified().isEmpty() || row.traversal() == null || row.traversal().isEmpty()) return row;
            if (!grid.variants().containsKey(row.variant())) return row;
            boolean protectedMode = protectedMode(grid.settings(row.variant()));
            SymbolicMath math = maths.get();
            SymbolicProgram p;
            try {
                p = SymbolicProgram.parse(row.traversal(), protectedMode);
            } catch (IllegalArgumentException pluginToken) {
                return row;
            }
            Verdict v = Verdict.UNKNOWN;
            if (BenchmarkRegistry.get().contains(row.benchmark())) {
                var b = BenchmarkRegistry.get().get(row.benchmark());
                v = math.recovers(BenchmarkExpression.parse(b.expression(), b.variableCount()), p, limit);
            }
            String simplified = row.expression();
            if (!protectedMode) {
                simplified = math.simplify(p, new Simplified.RawForms(row.expression(), "", ""), null, limit).infix();
            }
            filled[0]++;
            return row.withSymbolic(v, simplified);
        });
        return filled[0];
    }

    private static boolean protectedMode(Map<String, Object> settings) {
        Object task = settings.get("task");
        if (task instanceof Map<?, ?> m && m.get("protected") instanceof Boolean b) return b;
        return false; // the default
    }
}
