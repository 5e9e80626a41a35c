package io.dsr4j.bench;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.programs.data.QuotedCsv;
import io.dsr4j.programs.symbolic.Verdict;
import io.dsr4j.train.run.RunResult;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One finished run: a row of {@code results.csv}.
 *
 * @param symbolicSuccess the best expression is symbolically the benchmark's ({@link Verdict#UNKNOWN}: no known
 *                        expression, undecided, or a row written before this column existed)
 * @param simplified      the best expression simplified (empty in rows written before this column existed)
 */
public record ResultRow(String variant, String benchmark, long seed, boolean success, long iterations, long nSamples,
                        double seconds, double rBest, double nmseTestNoiseless, String expression,
                        double nmseTest, double complexity, String traversal, Verdict symbolicSuccess,
                        String simplified) {

    /** The columns of results.csv; the first ten are the summary, the others extra detail. */
    public static final List<String> COLUMNS = List.of("variant", "benchmark", "seed", "success", "iterations",
            "n_samples", "seconds", "r_best", "nmse_test_noiseless", "expression", "nmse_test", "complexity", "traversal",
            "symbolic_success", "simplified");
    public static final String HEADER = String.join(",", COLUMNS);

    /** The columns a results file must have (older or hand-made files may lack the detail columns). */
    static final List<String> REQUIRED = COLUMNS.subList(0, 7);

    public static ResultRow of(RunSpec spec, RunResult r) {
        return new ResultRow(spec.variant(), spec.benchmark(), spec.seed(), r.success(), r.iterations(), r.nSamples(),
                r.seconds(), r.rBest(), r.nmseTestNoiseless(), r.expression(), r.nmseTest(), r.complexity(), r.traversal(),
                r.symbolicSuccess(), r.simplified().infix());
    }

    /** A row without the symbolic columns (symbolic success unknown, no simplified form). */
    public ResultRow(String variant, String benchmark, long seed, boolean success, long iterations, long nSamples,
                     double seconds, double rBest, double nmseTestNoiseless, String expression, double nmseTest,
                     double complexity, String traversal) {
        this(variant, benchmark, seed, success, iterations, nSamples, seconds, rBest, nmseTestNoiseless, expression,
                nmseTest, complexity, traversal, Verdict.UNKNOWN, "");
    }

    /** This row with the symbolic columns filled in (results of older versions). */
    public ResultRow withSymbolic(Verdict symbolic, String simplifiedInfix) {
        return new ResultRow(variant, benchmark, seed, success, iterations, nSamples, seconds, rBest, nmseTestNoiseless,
                expression, nmseTest, complexity, traversal, symbolic, simplifiedInfix);
    }

    /** "variant/benchmark/seed": the identity of a run in a grid. */
    public String key() {
        return variant + "/" + benchmark + "/" + seed;
    }

    public String csv() {
        return QuotedCsv.row(variant, benchmark, seed, success, iterations, nSamples,
                String.format(Locale.ROOT, "%.3f", seconds), rBest, nmseTestNoiseless, oneLine(expression),
                nmseTest, complexity, oneLine(traversal), symbolicSuccess.cell(), oneLine(simplified));
    }

    // results.csv is read line by line: an expression must not span lines.
    private static String oneLine(String s) {
        return s == null ? null : s.replace('\r', ' ').replace('\n', ' ');
    }

    /** Column name → index, from a header line; fails unless the required columns are present. */
    static Map<String, Integer> columns(List<String> header, String file) {
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < header.size(); i++) idx.put(header.get(i).trim(), i);
        for (String c : REQUIRED) {
            if (!idx.containsKey(c)) {
                throw new ConfigException(file + ":1: not a results file: column '" + c + "' is missing; expected header " + HEADER);
            }
        }
        return idx;
    }

    /** Parses one data line; {@code where} ("file:line") names it in errors. */
    static ResultRow parse(List<String> f, Map<String, Integer> col, String where) {
        try {
            return new ResultRow(text(f, col, "variant"), text(f, col, "benchmark"),
                    Long.parseLong(text(f, col, "seed").trim()), bool(text(f, col, "success")),
                    Long.parseLong(text(f, col, "iterations").trim()), Long.parseLong(text(f, col, "n_samples").trim()),
                    num(text(f, col, "seconds")), num(text(f, col, "r_best")), num(text(f, col, "nmse_test_noiseless")),
                    text(f, col, "expression"), num(text(f, col, "nmse_test")), num(text(f, col, "complexity")),
                    text(f, col, "traversal"), Verdict.ofCell(text(f, col, "symbolic_success")), text(f, col, "simplified"));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ConfigException(where + ": malformed results row (" + e.getMessage() + "); fix or delete the line "
                    + "(the run is then repeated)", e);
        }
    }

    private static String text(List<String> f, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        if (i == null) return "";
        if (i >= f.size()) throw new IndexOutOfBoundsException("only " + f.size() + " fields, no '" + name + "'");
        return f.get(i);
    }

    private static boolean bool(String s) {
        String t = s.trim();
        if (t.equalsIgnoreCase("true")) return true;
        if (t.equalsIgnoreCase("false")) return false;
        throw new IllegalArgumentException("success must be true or false, found '" + s + "'");
    }

    private static double num(String s) {
        String t = s.trim();
        return t.isEmpty() ? Double.NaN : Double.parseDouble(t);
    }
}
