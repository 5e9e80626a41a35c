package io.dsr4j.policy;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.FrameworkKeys;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;
import io.dsr4j.api.token.Library;

import java.util.Arrays;
import java.util.List;

/**
 * The recurrent policy's settings (every key of the {@code policy} section except {@code type}, defaults as in
 * {@code defaults.yaml}) and its observation vocabularies, shared by all RNN engines so that they see identical
 * inputs.
 *
 * <p>Inputs follow the reference's state manager: each observed categorical is a one-hot vector (or, with
 * {@code embedding}, a row of a trainable table), concatenated in the order action, parent, sibling, dangling.
 * Vocabularies: previous action L+1 (EMPTY = L), parent {@code nonTerminalCount}+1 (index
 * {@link Library#parentAdjust}, EMPTY = nonTerminalCount), sibling L+1 (EMPTY = L); dangling is the raw count.
 *
 * @param maxLength            {@code max_length}: the policy's own length cap (the length prior's max overrides it
 *                             in the sampling environment)
 * @param cell                 {@code cell}
 * @param units                {@code num_units} per layer (its length is the number of layers)
 * @param initializer          {@code initializer}
 * @param observeAction        {@code observe_action}
 * @param observeParent        {@code observe_parent}
 * @param observeSibling       {@code observe_sibling}
 * @param observeDangling      {@code observe_dangling}
 * @param embedding            {@code embedding}
 * @param embeddingSize        {@code embedding_size}
 * @param actionProbLowerBound {@code action_prob_lowerbound}: mixes the network's distribution with the uniform one,
 *                             {@code log((1-lb)·softmax + lb/L)}, before the prior is added
 */
public record RnnSpec(int maxLength, Cell cell, int[] units, Initializer initializer,
                      boolean observeAction, boolean observeParent, boolean observeSibling, boolean observeDangling,
                      boolean embedding, int embeddingSize, double actionProbLowerBound) {

    /** Recurrent cell type. */
    public enum Cell {
        LSTM("lstm"), GRU("gru");

        private final String yaml;

        Cell(String yaml) { this.yaml = yaml; }

        public String yamlName() { return yaml; }

        static Cell of(String s) { return s.equals("gru") ? GRU : LSTM; }
    }

    /** Weight initialisation of the recurrent cells (the output layer is always Glorot-uniform, bias 0). */
    public enum Initializer {
        /** All cell weights 0 (LSTM forget bias 1): the initial policy is uniform before priors. */
        ZEROS("zeros"),
        /** Variance scaling, factor 0.5, FAN_AVG, uniform (TF1 {@code variance_scaling_initializer}). */
        VAR_SCALE("var_scale");

        private final String yaml;

        Initializer(String yaml) { this.yaml = yaml; }

        public String yamlName() { return yaml; }

        static Initializer of(String s) { return s.equals("var_scale") ? VAR_SCALE : ZEROS; }
    }

    public static final int DEFAULT_MAX_LENGTH = FrameworkKeys.MAX_LENGTH.defaultValue();
    public static final int DEFAULT_UNITS = 32;
    public static final int DEFAULT_EMBEDDING_SIZE = 8;

    public RnnSpec {
        units = units.clone();
        if (units.length == 0) throw new IllegalArgumentException("at least one layer");
        for (int u : units) if (u < 1) throw new IllegalArgumentException("num_units must be positive");
        if (maxLength < 1) throw new IllegalArgumentException("max_length must be positive");
        if (embeddingSize < 1) throw new IllegalArgumentException("embedding_size must be positive");
        if (!(actionProbLowerBound >= 0 && actionProbLowerBound < 1)) {
            throw new IllegalArgumentException("action_prob_lowerbound must be in [0, 1)");
        }
    }

    /** The reference's defaults: 1-layer 32-unit LSTM, zeros init, one-hot parent + sibling. */
    /** A builder starting from {@link #defaults()}, e.g. {@code RnnSpec.builder().cell(Cell.GRU).units(64, 64).build()}. */
    public static Builder builder() { return new Builder(defaults()); }

    /** A builder starting from this spec. */
    public Builder toBuilder() { return new Builder(this); }

    /** Builds an {@link RnnSpec} by name instead of eleven positional arguments (five booleans in a row). */
    public static final class Builder {
        private int maxLength;
        private Cell cell;
        private int[] units;
        private Initializer initializer;
        private boolean observeAction;
        private boolean observeParent;
        private boolean observeSibling;
        private boolean observeDangling;
        private boolean embedding;
        private int embeddingSize;
        private double actionProbLowerBound;

        private Builder(RnnSpec s) {
            maxLength = s.maxLength;
            cell = s.cell;
            units = s.units.clone();
            initializer = s.initializer;
            observeAction = s.observeAction;
            observeParent = s.observeParent;
            observeSibling = s.observeSibling;
            observeDangling = s.observeDangling;
            embedding = s.embedding;
            embeddingSize = s.embeddingSize;
            actionProbLowerBound = s.actionProbLowerBound;
        }

        public Builder maxLength(int v) { maxLength = v; return this; }

        public Builder cell(Cell v) { cell = v; return this; }

        /** Units per layer; the number of arguments is the number of layers. */
        public Builder units(int... perLayer) { units = perLayer.clone(); return this; }

        public Builder initializer(Initializer v) { initializer = v; return this; }

        /** Which categoricals the network observes: previous action, parent, sibling, dangling count. */
        public Builder observe(boolean action, boolean parent, boolean sibling, boolean dangling) {
            observeAction = action;
            observeParent = parent;
            observeSibling = sibling;
            observeDangling = dangling;
            return this;
        }

        /** Learned embeddings of this width instead of one-hot inputs. */
        public Builder embedding(int size) {
            embedding = true;
            embeddingSize = size;
            return this;
        }

        public Builder actionProbLowerBound(double v) { actionProbLowerBound = v; return this; }

        public RnnSpec build() {
            return new RnnSpec(maxLength, cell, units, initializer, observeAction, observeParent, observeSibling,
                    observeDangling, embedding, embeddingSize, actionProbLowerBound);
        }
    }

    public static RnnSpec defaults() {
        return new RnnSpec(DEFAULT_MAX_LENGTH, Cell.LSTM, new int[] {DEFAULT_UNITS}, Initializer.ZEROS,
                false, true, true, false, false, DEFAULT_EMBEDDING_SIZE, 0.0);
    }

    /**
     * Reads the policy's keys from {@code params} (the {@code policy} section; {@code type} is marked used).
     * Does not call {@link Params#requireAllUsed()}: the caller does, after all readers have run.
     *
     * @throws ConfigException naming the key and its location for a bad value
     */
    public static RnnSpec parse(Params params) {
        params.markUsed("type");
        int maxLength = FrameworkKeys.MAX_LENGTH.read(params);
        Cell cell = Cell.of(CELL.read(params));
        int[] units = NUM_UNITS.read(params);
        Initializer init = Initializer.of(INITIALIZER.read(params));
        boolean oa = OBSERVE_ACTION.read(params);
        boolean op = OBSERVE_PARENT.read(params);
        boolean os = OBSERVE_SIBLING.read(params);
        boolean od = OBSERVE_DANGLING.read(params);
        boolean emb = EMBEDDING.read(params);
        int embSize = EMBEDDING_SIZE.read(params);
        double lb = ACTION_PROB_LOWERBOUND.read(params);
        return new RnnSpec(maxLength, cell, units, init, oa, op, os, od, emb, embSize, lb);
    }

    public static final Setting<String> CELL = Setting.choice("cell", "lstm", "lstm", "gru").doc("recurrent cell");
    public static final Setting<Integer> NUM_LAYERS = Setting.integer("num_layers", 1).range(1, 64).doc("recurrent layers");
    /** An integer (every layer) or one integer per layer; its reader checks it against {@code num_layers}. */
    public static final Setting<int[]> NUM_UNITS = Setting.<int[]>custom("num_units", "integer or list of integers",
            DEFAULT_UNITS, "1 to 65536, or one such integer per layer",
            (p, s) -> parseUnits(p, NUM_LAYERS.read(p))).doc("units per layer");
    // zeros: DSO's config_common.json (TensorFlow); DSO's PyTorch port defaults to var_scale (see nguyen-timing.yaml)
    public static final Setting<String> INITIALIZER = Setting.choice("initializer", "zeros", "zeros", "var_scale")
            .doc("weight initialisation");
    public static final Setting<Boolean> OBSERVE_ACTION = Setting.bool("observe_action", false).doc("input: the previous token");
    public static final Setting<Boolean> OBSERVE_PARENT = Setting.bool("observe_parent", true).doc("input: the parent of the next token");
    public static final Setting<Boolean> OBSERVE_SIBLING = Setting.bool("observe_sibling", true)
            .doc("input: the left sibling of the next token");
    public static final Setting<Boolean> OBSERVE_DANGLING = Setting.bool("observe_dangling", false).doc("input: the number of open slots");
    public static final Setting<Boolean> EMBEDDING = Setting.bool("embedding", false)
            .doc("learned embeddings of the observed tokens instead of one-hot inputs");
    public static final Setting<Integer> EMBEDDING_SIZE = Setting.integer("embedding_size", DEFAULT_EMBEDDING_SIZE)
            .range(1, 1 << 16).doc("embedding width");
    public static final Setting<Double> ACTION_PROB_LOWERBOUND = Setting.real("action_prob_lowerbound", 0.0)
            .check(v -> v >= 0 && v < 1, "0 (off) up to but excluding 1")
            .doc("lower bound on token probabilities: p <- (1 - lb) p + lb / L, before the priors");

    /** The policy keys of {@code lstm} and {@code dl4j-lstm} (besides the framework's {@code max_length}). */
    public static final Settings SETTINGS = Settings.of(CELL, NUM_LAYERS, NUM_UNITS, INITIALIZER, OBSERVE_ACTION,
            OBSERVE_PARENT, OBSERVE_SIBLING, OBSERVE_DANGLING, EMBEDDING, EMBEDDING_SIZE, ACTION_PROB_LOWERBOUND);

    /** {@code num_units}: an int (repeated {@code num_layers} times) or one entry per layer, as the reference. */
    private static int[] parseUnits(Params params, int numLayers) {
        ConfigNode n = params.has("num_units") ? params.node().entries().get("num_units") : null;
        if (n instanceof ConfigNode.ListNode list) {
            params.markUsed("num_units");
            if (list.items().isEmpty()) {
                throw ConfigException.at(n.location(), key(params, "num_units"), "empty list; give an integer or one positive integer per layer");
            }
            int[] u = new int[list.items().size()];
            for (int i = 0; i < u.length; i++) {
                ConfigNode item = list.items().get(i);
                if (!(item instanceof ConfigNode.ScalarNode s && s.value() instanceof Long v && v >= 1 && v <= 1 << 16)) {
                    throw ConfigException.at(item.location(), key(params, "num_units"),
                            "entry " + (i + 1) + " is '" + item.toPlain() + "'; expected a positive integer per layer");
                }
                u[i] = (int) (long) v;
            }
            ConfigNode layers = params.node().entries().get("num_layers");
            boolean layersGiven = layers != null && layers.location() != Location.DEFAULTS;
            if (layersGiven && numLayers != u.length) {
                throw ConfigException.at(n.location(), key(params, "num_units"), "lists " + u.length
                        + " layer sizes but num_layers is " + numLayers + "; give one size per layer or drop num_layers");
            }
            return u;
        }
        int units = params.getInt("num_units", DEFAULT_UNITS, 1, 1 << 16);
        int[] u = new int[numLayers];
        Arrays.fill(u, units);
        return u;
    }

    private static Location locationOf(Params p, String key) {
        ConfigNode n = p.node().entries().get(key);
        return n == null ? p.location() : n.location();
    }

    private static String key(Params p, String key) {
        return p.path().isEmpty() ? key : p.path() + "." + key;
    }

    public int numLayers() { return units.length; }

    /** Units of layer {@code l}. */
    public int units(int l) { return units[l]; }

    @Override
    public int[] units() { return units.clone(); }

    /** Hidden size of the last layer (input of the output layer). */
    public int outputUnits() { return units[units.length - 1]; }

    // ---- observation vocabularies (shared by all engines) ----

    /** Size of the previous-action vocabulary: L tokens + EMPTY. */
    public static int actionVocabulary(Library lib) { return lib.size() + 1; }

    /** Size of the parent vocabulary: non-terminals + EMPTY. */
    public static int parentVocabulary(Library lib) { return lib.nonTerminalCount() + 1; }

    /** Size of the sibling vocabulary: L tokens + EMPTY. */
    public static int siblingVocabulary(Library lib) { return lib.size() + 1; }

    /** Vocabulary index of a previous action (-1 = none yet → EMPTY = L). */
    public static int actionIndex(Library lib, int action) { return action < 0 ? lib.size() : action; }

    /** Vocabulary index of a parent token (-1 → EMPTY = nonTerminalCount; else {@code parentAdjust}). */
    public static int parentIndex(Library lib, int parent) {
        return parent < 0 ? lib.nonTerminalCount() : lib.parentAdjust(parent);
    }

    /** Vocabulary index of a sibling token (-1 → EMPTY = L). */
    public static int siblingIndex(Library lib, int sibling) { return sibling < 0 ? lib.size() : sibling; }

    /** Width of the action feature block (0 when not observed). */
    public int actionFeatures(Library lib) { return observeAction ? (embedding ? embeddingSize : actionVocabulary(lib)) : 0; }

    public int parentFeatures(Library lib) { return observeParent ? (embedding ? embeddingSize : parentVocabulary(lib)) : 0; }

    public int siblingFeatures(Library lib) { return observeSibling ? (embedding ? embeddingSize : siblingVocabulary(lib)) : 0; }

    public int danglingFeatures() { return observeDangling ? 1 : 0; }

    /** Width of the first layer's input: action, parent, sibling, dangling blocks concatenated. */
    public int inputSize(Library lib) {
        return actionFeatures(lib) + parentFeatures(lib) + siblingFeatures(lib) + danglingFeatures();
    }

    /** Offset of the action block in the input vector (-1 when not observed). */
    public int actionOffset(Library lib) { return observeAction ? 0 : -1; }

    public int parentOffset(Library lib) { return observeParent ? actionFeatures(lib) : -1; }

    public int siblingOffset(Library lib) { return observeSibling ? actionFeatures(lib) + parentFeatures(lib) : -1; }

    public int danglingOffset(Library lib) {
        return observeDangling ? actionFeatures(lib) + parentFeatures(lib) + siblingFeatures(lib) : -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RnnSpec s && maxLength == s.maxLength && cell == s.cell && Arrays.equals(units, s.units)
                && initializer == s.initializer && observeAction == s.observeAction && observeParent == s.observeParent
                && observeSibling == s.observeSibling && observeDangling == s.observeDangling && embedding == s.embedding
                && embeddingSize == s.embeddingSize && Double.compare(actionProbLowerBound, s.actionProbLowerBound) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(units) + java.util.Objects.hash(maxLength, cell, initializer, observeAction,
                observeParent, observeSibling, observeDangling, embedding, embeddingSize, actionProbLowerBound);
    }

    @Override
    public String toString() {
        return "RnnSpec{" + cell.yamlName() + " " + Arrays.toString(units) + ", init=" + initializer.yamlName()
                + ", observe=" + (observeAction ? "a" : "") + (observeParent ? "p" : "") + (observeSibling ? "s" : "")
                + (observeDangling ? "d" : "") + (embedding ? ", embedding=" + embeddingSize : "")
                + ", max_length=" + maxLength + (actionProbLowerBound > 0 ? ", lb=" + actionProbLowerBound : "") + "}";
    }
}
