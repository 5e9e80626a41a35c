package io.dsr4j.train.estimator;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.config.Params;

/** Reading and range-checking the estimator keys shared by several estimator types. */
final class EstimatorParams {

    static final String EPSILON = "epsilon";
    static final String BASELINE = "baseline";
    static final String ALPHA = "alpha";
    static final String JUMPSTART = "b_jumpstart";

    private EstimatorParams() { }

    /** True if the user's configuration (not the built-in defaults) sets the key. */
    static boolean userSet(Params p, String key) {
        ConfigNode n = p.node().entries().get(key);
        return n != null && !Location.DEFAULTS.equals(n.location());
    }

    /** ε in (0, 1]; {@code null} means "no filter" (ε = 1), as in the reference. */
    static double epsilon(Params p, double def) {
        return epsilon(p, def, false);
    }

    /**
     * Like {@link #epsilon(Params, double)}; with {@code ignoreBuiltInDefault} a value that comes from the built-in
     * defaults (which describe risk_seeking) is skipped in favour of {@code def}.
     */
    static double epsilon(Params p, double def, boolean ignoreBuiltInDefault) {
        if (ignoreBuiltInDefault && !userSet(p, EPSILON)) {
            p.markUsed(EPSILON);
            return def;
        }
        if (p.isNull(EPSILON)) {
            p.markUsed(EPSILON);
            return 1.0;
        }
        return doubleIn(p, EPSILON, def, 0, false, 1, true,
                "the top fraction of each batch to train on: greater than 0 and at most 1 (1 or null: whole batch)");
    }

    /**
     * The baseline keys {@code baseline}, {@code alpha} and {@code b_jumpstart}; with {@code ignoreBuiltInDefault}
     * a {@code baseline} that comes from the built-in defaults is skipped in favour of {@code def}.
     */
    static Baseline baseline(Params p, Baseline.Kind def, boolean ignoreBuiltInDefault) {
        String name;
        if (ignoreBuiltInDefault && !userSet(p, BASELINE)) {
            p.markUsed(BASELINE);
            name = def.configName();
        } else {
            name = p.getChoice(BASELINE, def.configName(), Baseline.Kind.configNames());
            if (name == null) name = def.configName();
        }
        double alpha = doubleIn(p, ALPHA, 0.5, 0, true, 1, true, "the EWMA weight of the newest value: 0 to 1");
        boolean jumpstart = p.getBoolean(JUMPSTART, false);
        return new Baseline(Baseline.Kind.fromConfigName(name), alpha, jumpstart);
    }

    static int positiveInt(Params p, String key, int def) {
        return p.getInt(key, def, 1, Integer.MAX_VALUE);
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
}
