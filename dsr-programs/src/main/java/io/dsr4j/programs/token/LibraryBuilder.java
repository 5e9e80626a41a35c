package io.dsr4j.programs.token;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Suggestions;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds a task's token library like the reference's {@code create_tokens}: inputs x1..xn first, then the
 * function-set entries in order. An entry is a registered token name (its protected variant in protected mode;
 * {@code protected_NAME} asks for it explicitly), a number, a numeric string, {@code pi} or {@code e} (a hard-coded
 * constant), or {@code const} (the placeholder). Named function sets (Koza, ...) are expanded before this call.
 */
public final class LibraryBuilder {

    private static final String PROTECTED_PREFIX = "protected_";

    private LibraryBuilder() { }

    public static Library build(int nInputs, List<String> functionSet, boolean protectedMode,
                                Map<String, TokenFactory> factories) {
        if (nInputs < 1) throw new IllegalArgumentException("need at least one input variable, got " + nInputs);
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < nInputs; i++) tokens.add(new InputToken(i));
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < nInputs; i++) seen.put(tokens.get(i).name(), "input variable");
        for (String raw : functionSet) {
            String entry = raw == null ? "null" : raw.trim();
            Token t = resolve(entry, protectedMode, factories);
            String previous = seen.putIfAbsent(t.name(), entry);
            if (previous != null) {
                throw new ConfigException("task.function_set: entry '" + entry + "' gives token '" + t.name()
                        + "', which the library already has (from '" + previous + "'); every token may appear only once");
            }
            tokens.add(t);
        }
        return new Library(tokens);
    }

    private static Token resolve(String entry, boolean protectedMode, Map<String, TokenFactory> factories) {
        TokenFactory f = factories.get(entry);
        if (f != null) return f.create(protectedMode);
        if (entry.startsWith(PROTECTED_PREFIX)) {
            f = factories.get(entry.substring(PROTECTED_PREFIX.length()));
            if (f != null) return f.create(true);
        }
        if (entry.equals(ConstPlaceholder.NAME)) return ConstPlaceholder.INSTANCE;
        if (entry.equals("pi")) return new HardConstant(Math.PI);
        if (entry.equals("e")) return new HardConstant(Math.E);
        Double number = parseNumber(entry);
        if (number != null) {
            if (!Double.isFinite(number)) {
                throw new ConfigException("task.function_set: constant '" + entry + "' is not finite; "
                        + "hard-coded constants must be finite numbers");
            }
            return new HardConstant(number);
        }
        TreeSet<String> names = new TreeSet<>(factories.keySet());
        List<String> candidates = new ArrayList<>(names);
        candidates.add(ConstPlaceholder.NAME);
        throw new ConfigException("task.function_set: unknown token '" + entry + "'" + Suggestions.hint(entry, candidates)
                + "; available: " + String.join(", ", names) + ", protected_<name>, const, pi, e, or a number");
    }

    private static Double parseNumber(String s) {
        if (s.isEmpty()) return null;
        char c = s.charAt(0);
        // Double.parseDouble also accepts "NaN", "Infinity", hex and a trailing 'd'/'f'; only plain decimals count.
        if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) return null;
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) return null;
        return Double.parseDouble(s);
    }
}
