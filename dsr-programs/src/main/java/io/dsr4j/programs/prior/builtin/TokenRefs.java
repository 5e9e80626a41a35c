package io.dsr4j.programs.prior.builtin;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.config.Suggestions;
import io.dsr4j.api.token.Library;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Token-name lists in prior sections (a YAML list or a comma-separated string, as in the reference).
 *
 * <p>Policy for names that are not in the task's library: the reference silently drops the whole prior (with a
 * printed warning). dsr4j does the same when the names come from the built-in defaults (e.g. the default
 * {@code repeat: {tokens: const}} on a benchmark without {@code const}), but when the user wrote the name
 * (config file or --set) it is an error with a "did you mean": a typo or a function-set mismatch in a prior the
 * user asked for should not silently switch the prior off. The one exception is {@code const}: whether the library
 * has it depends on the function set, so one configuration can serve benchmarks with and without constants (e.g.
 * {@code repeat: {tokens: const}} in configs/paper/base): a missing {@code const} skips the prior with a warning.
 */
final class TokenRefs {

    private static final Logger LOG = LoggerFactory.getLogger(TokenRefs.class);

    private TokenRefs() { }

    static String keyPath(Params p, String key) {
        return p.path().isEmpty() ? key : p.path() + "." + key;
    }

    static Location locationOf(Params p, String key) {
        ConfigNode n = p.node().entries().get(key);
        return n == null ? p.location() : n.location();
    }

    static ConfigException error(Params p, String key, String problem) {
        return ConfigException.at(locationOf(p, key), keyPath(p, key), problem);
    }

    static boolean fromDefaults(Params p, String key) {
        ConfigNode n = p.node().entries().get(key);
        return n != null && Location.DEFAULTS.equals(n.location());
    }

    /**
     * Reads a required, non-empty token-name list and resolves it to distinct library indices (in the given order).
     *
     * @return empty when some name is not in the library and the list came from the built-in defaults (the caller
     * drops the prior; a warning is logged here)
     * @throws ConfigException when the key is missing or empty, or a user-written name is not in the library
     */
    static Optional<int[]> resolve(Params p, String key, Library library, String priorName) {
        List<String> names = p.getStringList(key, null);
        if (names == null) {
            throw error(p, key, "required: a list of token names (or a comma-separated string), e.g. [sin, cos]");
        }
        if (names.isEmpty()) throw error(p, key, "the token list is empty; name at least one token");
        int[] out = new int[names.size()];
        int n = 0;
        for (String name : names) {
            int idx = library.indexOf(name);
            if (idx < 0) {
                if ("const".equals(name) && !fromDefaults(p, key)) {
                    // Not a warning per build (a grid would repeat it for every run): the run prints the skipped
                    // priors once (PriorSet.skipped()).
                    LOG.debug("prior '{}' skipped: this task's function set has no 'const' token", priorName);
                    return Optional.empty();
                }
                if (fromDefaults(p, key)) {
                    LOG.debug("prior '{}' skipped: token '{}' ({} from the built-in defaults) is not in the library {}",
                            priorName, name, keyPath(p, key), library.names());
                    return Optional.empty();
                }
                throw error(p, key, "token '" + name + "' is not in this task's library " + library.names()
                        + Suggestions.hint(name, library.names())
                        + "; name only tokens of task.function_set or the inputs x1..x" + library.inputCount());
            }
            boolean dup = false;
            for (int i = 0; i < n; i++) dup |= out[i] == idx;
            if (!dup) out[n++] = idx;
        }
        return Optional.of(Arrays.copyOf(out, n));
    }

    static String names(Library library, int[] tokens) {
        return Arrays.stream(tokens).mapToObj(library::name).collect(Collectors.joining(", ", "[", "]"));
    }
}
