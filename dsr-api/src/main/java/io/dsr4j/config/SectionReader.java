package io.dsr4j.config;

import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Params;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Required, non-null reads of the fixed sections (every key there has a built-in default, so a missing key is a
 * defaults bug and a null is a user error), with range messages that say what is allowed.
 */
final class SectionReader {

    private final Params p;

    SectionReader(Params p) {
        this.p = p;
    }

    Params params() { return p; }

    private void requirePresent(String key, String expected) {
        if (!p.has(key)) throw new IllegalStateException("built-in defaults lack " + p.keyPath(key));
        if (p.isNull(key)) throw p.error(key, "must not be null; allowed: " + expected);
    }

    long longAtLeast(String key, long min) {
        requirePresent(key, "an integer >= " + min);
        long v = p.getLong(key, 0);
        p.check(key, v >= min, v, "an integer >= " + min);
        return v;
    }

    int intAtLeast(String key, int min) {
        requirePresent(key, "an integer >= " + min);
        long v = p.getLong(key, 0);
        p.check(key, v >= min, v, "an integer >= " + min);
        p.check(key, v <= Integer.MAX_VALUE, v, "an integer <= " + Integer.MAX_VALUE);
        return (int) v;
    }

    long anyLong(String key) {
        requirePresent(key, "an integer");
        return p.getLong(key, 0);
    }

    double positive(String key) {
        requirePresent(key, "a number > 0");
        double v = p.getDouble(key, 0);
        p.check(key, v > 0 && !Double.isNaN(v), v, "a number > 0");
        return v;
    }

    double nonNegative(String key) {
        requirePresent(key, "a number >= 0");
        double v = p.getDouble(key, 0);
        p.check(key, v >= 0 && Double.isFinite(v), v, "a finite number >= 0");
        return v;
    }

    boolean bool(String key) {
        requirePresent(key, "true or false");
        return p.getBoolean(key, false);
    }

    String string(String key) {
        requirePresent(key, "a string");
        ConfigNode n = p.node().get(key);
        if (!(n instanceof ConfigNode.ScalarNode)) throw p.error(key, "expected a string but found " + n.describe());
        String v = p.getString(key, null);
        if (v.isBlank()) throw p.error(key, "must not be empty");
        return v;
    }

    /** A string or null. */
    String optionalString(String key) {
        if (!p.has(key)) throw new IllegalStateException("built-in defaults lack " + p.keyPath(key));
        ConfigNode n = p.node().get(key);
        if (!(n instanceof ConfigNode.ScalarNode)) {
            p.getString(key, null); // marks used
            throw p.error(key, "expected a string or null but found " + n.describe());
        }
        String v = p.getString(key, null);
        return v == null || v.isBlank() ? null : v;
    }

    String choice(String key, Collection<String> allowed) {
        requirePresent(key, "one of " + String.join(", ", new TreeSet<>(allowed)));
        return p.getChoice(key, null, allowed);
    }
}
