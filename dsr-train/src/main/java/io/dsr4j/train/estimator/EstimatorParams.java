package io.dsr4j.train.estimator;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.Setting;

/** The estimator settings shared by several estimator types, declared once (each type picks its defaults). */
final class EstimatorParams {

    private EstimatorParams() { }

    /** {@code epsilon}: ε in (0, 1]; {@code null} means "no filter" (ε = 1), as in the reference. */
    static Setting<Double> epsilon(double def) {
        String allowed = "the top fraction of each batch to train on: greater than 0 and at most 1 (1 or null: whole batch)";
        return Setting.<Double>custom("epsilon", "number or null", def, allowed, (p, s) -> {
            if (p.isNull(s.name())) {
                p.markUsed(s.name());
                return 1.0;
            }
            return doubleIn(p, s.name(), def, 0, false, 1, true, allowed);
        }).doc("risk-seeking quantile: train on the top epsilon of each batch");
    }

    /** {@code baseline}: one of {@link Baseline.Kind#configNames()}. */
    static Setting<String> baselineKind(Baseline.Kind def) {
        return Setting.<String>custom("baseline", "choice", def.configName(),
                String.join(", ", Baseline.Kind.configNames()), (p, s) -> {
                    String name = p.getChoice(s.name(), def.configName(), Baseline.Kind.configNames());
                    return name == null ? def.configName() : name;
                }).doc("R_e (the (1 - epsilon) quantile), ewma_R, ewma_R_e or combined");
    }

    static final Setting<Double> ALPHA = Setting.<Double>custom("alpha", "number", 0.5, "0 to 1",
            (p, s) -> doubleIn(p, s.name(), 0.5, 0, true, 1, true, "the EWMA weight of the newest value: 0 to 1"))
            .doc("EWMA coefficient of the ewma_* and combined baselines");

    static final Setting<Boolean> JUMPSTART = Setting.bool("b_jumpstart", false)
            .doc("EWMA baselines start from the first value instead of 0");

    /** The baseline keys {@code baseline}, {@code alpha} and {@code b_jumpstart}. */
    static Baseline baseline(Params p, Setting<String> kind) {
        String name = kind.read(p);
        return new Baseline(Baseline.Kind.fromConfigName(name), ALPHA.read(p), JUMPSTART.read(p));
    }

    static Setting<Integer> positiveInt(String key, int def) {
        return Setting.integer(key, def).range(1, Integer.MAX_VALUE);
    }

    /** A finite number in the given interval, with a message that says what the key means. */
    static double doubleIn(Params p, String key, double def, double lo, boolean loInclusive, double hi,
                           boolean hiInclusive, String allowed) {
        double v = p.getDouble(key, def);
        boolean ok = !Double.isNaN(v) && (loInclusive ? v >= lo : v > lo) && (hiInclusive ? v <= hi : v < hi);
        if (!ok) {
            ConfigNode n = p.node().entries().get(key);
            String path = p.path().isEmpty() ? key : p.path() + "." + key;
            throw ConfigException.at(n == null ? p.location() : n.location(), path,
                    "value " + v + " is out of range; allowed: " + allowed);
        }
        return v;
    }

    /** {@link #doubleIn} as a declared setting. */
    static Setting<Double> realIn(String key, double def, double lo, boolean loInclusive, double hi,
                                  boolean hiInclusive, String allowed) {
        return Setting.<Double>custom(key, "number", def, allowed,
                (p, s) -> doubleIn(p, key, def, lo, loInclusive, hi, hiInclusive, allowed));
    }
}
