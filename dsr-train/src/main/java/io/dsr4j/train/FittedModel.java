package io.dsr4j.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.token.Library;
import io.dsr4j.config.ConfigLoader;
import io.dsr4j.config.DsrConfig;
import io.dsr4j.config.PluginRegistry;
import io.dsr4j.programs.eval.CompiledProgram;
import io.dsr4j.programs.eval.Workspace;
import io.dsr4j.programs.print.ExpressionPrinter;
import io.dsr4j.train.build.BuildInfo;
import io.dsr4j.train.run.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a fit leaves behind, independent of the trainer: the library, the best expression and the Pareto front with
 * their fitted constants, the equations table, the resolved settings and the feature names. Predicts and prints, and
 * saves to / loads from a JSON file ({@link #save}, {@link #load}) that predicts bit for bit the same after loading:
 * traversals are stored as token names, constants as shortest round-trip decimals, and the library is rebuilt from
 * the stored settings (and checked against the stored token names).
 */
public final class FittedModel {

    /** Format tag and version of the saved file. */
    static final String FORMAT = "dsr4j-model";
    static final int FORMAT_VERSION = 1;

    /** One row of the equations table: a Pareto-front program with its errors. */
    public record Equation(ProgramRecord program, double loss, double testScore) { }

    private final String settingsYaml;
    private final Library library;
    private final List<String> featureNames;
    private final ProgramRecord best;
    private final List<Equation> equations;
    private final ExpressionPrinter printer;

    FittedModel(String settingsYaml, Library library, List<String> featureNames, ProgramRecord best,
                List<Equation> equations) {
        this.settingsYaml = settingsYaml;
        this.library = library;
        this.featureNames = featureNames == null ? null : List.copyOf(featureNames);
        this.best = best;
        this.equations = List.copyOf(equations);
        this.printer = new ExpressionPrinter(library, this.featureNames);
    }

    /**
     * The model of a finished fit. Equations: each Pareto-front program (simplest first) with its mean squared error on
     * the training data ({@code loss}) and its R² on the test data ({@code testScore}; the training data when the fit
     * had no test set).
     */
    static FittedModel of(DsrConfig config, Library library, List<String> featureNames, Trainer trainer,
                          double[][] xCols, double[] y, double[][] testCols, double[] yTest) {
        List<Equation> eq = new ArrayList<>();
        for (ProgramRecord p : trainer.paretoFront().front()) {
            double[] fit = predict(library, p, xCols, y.length);
            double[] test = predict(library, p, testCols, yTest.length);
            eq.add(new Equation(p, mse(fit, y), r2(test, yTest)));
        }
        return new FittedModel(config.resolvedYaml(), library, featureNames, trainer.best(), eq);
    }

    public Library library() { return library; }

    /** Feature names given by the user, or null (variables print as x1..xn). */
    public List<String> featureNames() { return featureNames; }

    public ProgramRecord best() { return best; }

    public List<Equation> equations() { return equations; }

    /** The resolved configuration of the fit, as YAML. */
    public String settingsYaml() { return settingsYaml; }

    public ExpressionPrinter printer() { return printer; }

    /** Predictions of {@code p} on columns {@code cols[var][row]}: NaN exactly on the rows where it is not finite. */
    static double[] predict(Library library, ProgramRecord p, double[][] cols, int rows) {
        CompiledProgram c = CompiledProgram.compile(p.traversal(), library);
        double[][] x = io.dsr4j.programs.poly.PolyFitter.inputs(library, p.traversal(), p.constants(), cols, rows);
        // a fitted poly's coefficients are read from its column, not as const values
        return c.predict(x, rows, x == cols ? p.constants() : null, new Workspace());
    }

    /** Mean squared error; NaN when a prediction is NaN. */
    static double mse(double[] yHat, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) s += (yHat[i] - y[i]) * (yHat[i] - y[i]);
        return s / y.length;
    }

    /** Coefficient of determination 1 − SS_res/SS_tot (as scikit-learn's {@code score}); NaN when a prediction is NaN. */
    static double r2(double[] yHat, double[] y) {
        double mean = 0;
        for (double v : y) mean += v;
        mean /= y.length;
        double res = 0, tot = 0;
        for (int i = 0; i < y.length; i++) {
            res += (y[i] - yHat[i]) * (y[i] - yHat[i]);
            tot += (y[i] - mean) * (y[i] - mean);
        }
        if (Double.isNaN(res)) return Double.NaN;
        if (tot == 0) return res == 0 ? 1.0 : 0.0; // constant target: scikit-learn's convention
        return 1 - res / tot;
    }

    // ---- saving and loading ----

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes the model as JSON (atomically: an existing file is replaced only by a complete one). */
    public void save(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("format_version", FORMAT_VERSION);
        BuildInfo build = BuildInfo.current();
        root.put("dsr4j_version", build.version());
        root.put("dsr4j_commit", build.commit());
        ArrayNode lib = root.putArray("library");
        library.names().forEach(lib::add);
        root.put("n_features", library.inputCount());
        if (featureNames != null) {
            ArrayNode f = root.putArray("feature_names");
            featureNames.forEach(f::add);
        }
        root.set("best", program(best));
        ArrayNode eq = root.putArray("equations");
        for (Equation e : equations) {
            ObjectNode o = program(e.program());
            o.set("loss", number(e.loss()));
            o.set("test_score", number(e.testScore()));
            eq.add(o);
        }
        root.put("settings", settingsYaml);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        AtomicFiles.write(file, JSON.writeValueAsString(root) + "\n");
    }

    private ObjectNode program(ProgramRecord p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("expression", printer.infix(p.traversal(), p.constants()));
        o.put("traversal", printer.traversal(p.traversal()));
        ArrayNode c = o.putArray("constants");
        for (double v : p.constants()) c.add(number(v));
        o.set("reward", number(p.reward()));
        o.put("complexity", p.complexity());
        o.put("invalid", p.invalid());
        return o;
    }

    /** Finite numbers as JSON numbers (shortest round-trip form), others as "NaN", "Infinity", "-Infinity". */
    private static JsonNode number(double v) {
        return Double.isFinite(v) ? JSON.getNodeFactory().numberNode(v) : JSON.getNodeFactory().textNode(Double.toString(v));
    }

    private static double number(JsonNode n, Path file, String what) {
        if (n == null || n.isNull()) throw bad(file, "missing number '" + what + "'");
        if (n.isNumber()) return n.doubleValue();
        return switch (n.asText()) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw bad(file, "'" + what + "' is not a number: " + n);
        };
    }

    /**
     * Reads a model written by {@link #save}; its library is rebuilt from the stored settings with {@code registry}'s
     * plugins.
     *
     * @throws ConfigException when the file is not a dsr4j model, is damaged, or the plugins give another library
     */
    public static FittedModel load(Path file, PluginRegistry registry) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw bad(file, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) throw bad(file, "not a dsr4j model file");
        int version = root.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw bad(file, "model format version " + version + "; this dsr4j reads version " + FORMAT_VERSION);
        }
        int n = root.path("n_features").asInt(0);
        if (n < 1) throw bad(file, "'n_features' must be at least 1");
        String settings = root.path("settings").asText(null);
        if (settings == null) throw bad(file, "no 'settings'");
        DsrConfig config = ConfigLoader.fromYaml(settings, file + " (settings)");
        Dataset shape = new Dataset("model", new double[n][1], new double[1], new double[n][1], new double[1],
                new double[1], null, null);
        Library library = Experiment.buildLibrary(config, registry, shape);
        List<String> stored = new ArrayList<>();
        root.path("library").forEach(t -> stored.add(t.asText()));
        if (!stored.equals(library.names())) {
            throw bad(file, "it was saved with the tokens " + stored + " but the settings and installed plugins now give "
                    + library.names() + " (a missing or changed plugin?)");
        }
        List<String> names = null;
        if (root.has("feature_names")) {
            names = new ArrayList<>();
            for (JsonNode f : root.get("feature_names")) names.add(f.asText());
            if (names.size() != n) throw bad(file, names.size() + " feature names for " + n + " features");
        }
        ProgramRecord best = program(root.get("best"), library, file, "best");
        List<Equation> eq = new ArrayList<>();
        int i = 0;
        for (JsonNode e : root.path("equations")) {
            String at = "equations[" + i++ + "]";
            eq.add(new Equation(program(e, library, file, at), number(e.get("loss"), file, at + ".loss"),
                    number(e.get("test_score"), file, at + ".test_score")));
        }
        return new FittedModel(settings, library, names, best, eq);
    }

    private static ProgramRecord program(JsonNode o, Library library, Path file, String at) {
        if (o == null || !o.isObject()) throw bad(file, "no '" + at + "'");
        String[] names = o.path("traversal").asText("").split(",");
        int[] traversal = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            traversal[i] = library.indexOf(names[i].trim());
            if (traversal[i] < 0) throw bad(file, at + ": unknown token '" + names[i] + "'");
        }
        List<Double> cs = new ArrayList<>();
        int k = 0;
        for (JsonNode c : o.path("constants")) cs.add(number(c, file, at + ".constants[" + k++ + "]"));
        double[] constants = cs.stream().mapToDouble(Double::doubleValue).toArray();
        try {
            CompiledProgram p = CompiledProgram.compile(traversal, library);
            boolean poly = false;
            for (int t : traversal) poly |= t == library.polyToken() && t >= 0;
            if (poly) {   // the constants are the fitted polynomial's coefficients
                if (io.dsr4j.programs.poly.Monomials.ofSize(library.inputCount(), constants.length) == null) {
                    throw bad(file, at + ": " + constants.length + " coefficients are no polynomial in "
                            + library.inputCount() + " variables");
                }
            } else if (p.constantCount() != constants.length) {
                throw bad(file, at + ": " + p.constantCount() + " const tokens but " + constants.length + " constants");
            }
        } catch (IllegalArgumentException e) {
            throw bad(file, at + ": " + e.getMessage());
        }
        return new ProgramRecord(traversal, constants, number(o.get("reward"), file, at + ".reward"),
                number(o.get("complexity"), file, at + ".complexity"), o.path("invalid").asBoolean(false));
    }

    private static ConfigException bad(Path file, String what) {
        return new ConfigException(String.format(Locale.ROOT, "%s: cannot load the model: %s", file, what));
    }
}
