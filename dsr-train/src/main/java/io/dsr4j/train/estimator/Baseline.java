package io.dsr4j.train.estimator;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The policy-gradient baseline b of §6.1 step 8, with its exponentially weighted moving average carried across
 * iterations. (The reference re-initialises the EWMA at the start of every iteration, so its "moving average" only
 * ever sees one batch; the pre-uDSR code and the paper carry it, as done here.)
 */
public final class Baseline {

    /** Baseline types, by their YAML names. */
    public enum Kind {
        /** b = R_ε. */
        R_E("R_e"),
        /** b = EWMA of the mean kept reward. */
        EWMA_R("ewma_R"),
        /** b = EWMA of R_ε. */
        EWMA_R_E("ewma_R_e"),
        /** b = R_ε + EWMA of (mean kept reward − R_ε). */
        COMBINED("combined");

        private final String configName;

        Kind(String configName) { this.configName = configName; }

        public String configName() { return configName; }

        public static List<String> configNames() {
            return Arrays.stream(values()).map(Kind::configName).toList();
        }

        public static Kind fromConfigName(String name) {
            for (Kind k : values()) if (k.configName.equals(name)) return k;
            throw new IllegalArgumentException("unknown baseline '" + name + "'");
        }
    }

    private final Kind kind;
    private final double alpha;
    private final boolean jumpstart;
    private double ewma;
    /** False only before the first update with jumpstart (the reference's {@code ewma is None}). */
    private boolean hasEwma;

    /**
     * @param alpha     weight of the newest value, in [0, 1]
     * @param jumpstart the reference's {@code b_jumpstart}: the first update sets the EWMA to the first value
     *                  (for ewma_R_e: the minimum kept reward) instead of blending it with 0
     */
    public Baseline(Kind kind, double alpha, boolean jumpstart) {
        if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("alpha " + alpha + " not in [0, 1]");
        this.kind = kind;
        this.alpha = alpha;
        this.jumpstart = jumpstart;
        this.ewma = 0.0;
        this.hasEwma = !jumpstart;
    }

    public Kind kind() { return kind; }

    /** Current EWMA (0 before the first update; unused by R_e). */
    public double ewma() { return ewma; }

    /**
     * Advances the EWMA with one iteration's kept batch and returns that iteration's baseline.
     *
     * @param meanKept mean clipped reward of the kept samples
     * @param minKept  minimum clipped reward of the kept samples
     * @param quantile R_ε (clipped)
     */
    public double next(double meanKept, double minKept, double quantile) {
        switch (kind) {
            case R_E:
                return quantile;
            case EWMA_R:
                ewma = hasEwma ? alpha * meanKept + (1 - alpha) * ewma : meanKept;
                hasEwma = true;
                return ewma;
            case EWMA_R_E:
                ewma = hasEwma ? alpha * quantile + (1 - alpha) * ewma : minKept;
                hasEwma = true;
                return ewma;
            case COMBINED:
                ewma = hasEwma ? alpha * (meanKept - quantile) + (1 - alpha) * ewma : meanKept - quantile;
                hasEwma = true;
                return quantile + ewma;
            default:
                throw new AssertionError(kind);
        }
    }

    void save(DataOutputStream out) throws IOException {
        out.writeUTF(kind.configName());
        out.writeDouble(ewma);
        out.writeBoolean(hasEwma);
    }

    void load(DataInputStream in) throws IOException {
        String saved = in.readUTF();
        if (!saved.equals(kind.configName())) {
            throw new IOException("checkpoint baseline is '" + saved + "' but the configuration asks for '"
                    + kind.configName() + "'");
        }
        ewma = in.readDouble();
        hasEwma = in.readBoolean();
    }

    @Override
    public String toString() {
        return kind.configName() + (kind == Kind.R_E ? "" : "(alpha=" + alpha + (jumpstart ? ", jumpstart" : "") + ")");
    }
}
