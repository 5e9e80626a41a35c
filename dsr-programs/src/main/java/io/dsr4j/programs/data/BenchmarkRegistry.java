package io.dsr4j.programs.data;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Suggestions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The published benchmark definitions and named function sets (the reference's {@code benchmarks.csv} and
 * {@code function_sets.csv}, shipped unchanged as resources). Loaded and validated once, on first use.
 */
public final class BenchmarkRegistry {

    private static final String BENCHMARKS = "benchmarks.csv";
    private static final String FUNCTION_SETS = "function_sets.csv";

    private final Map<String, Benchmark> benchmarks;
    private final Map<String, List<String>> functionSets;

    private BenchmarkRegistry(Map<String, Benchmark> benchmarks, Map<String, List<String>> functionSets) {
        this.benchmarks = Collections.unmodifiableMap(benchmarks);
        this.functionSets = Collections.unmodifiableMap(functionSets);
    }

    private static final class Holder {
        static final BenchmarkRegistry INSTANCE = load();
    }

    /** The shipped definitions (loaded once, thread-safe). */
    public static BenchmarkRegistry get() {
        return Holder.INSTANCE;
    }

    /** Benchmark names in file order. */
    public List<String> names() {
        return List.copyOf(benchmarks.keySet());
    }

    public boolean contains(String name) {
        return benchmarks.containsKey(name);
    }

    /** @throws ConfigException for an unknown name, with a "did you mean" */
    public Benchmark get(String name) {
        Benchmark b = benchmarks.get(name);
        if (b == null) {
            throw new ConfigException("unknown benchmark '" + name + "'" + Suggestions.hint(name, benchmarks.keySet())
                    + "; known benchmarks include Nguyen-1..12, Constant-1..8, Keijzer-1..15, Korns-1..12, Livermore-1..23,"
                    + " Jin-1..6, R1..R3 (" + benchmarks.size() + " in all), or give a path ending in .csv");
        }
        return b;
    }

    public Set<String> functionSetNames() {
        return functionSets.keySet();
    }

    public boolean isFunctionSetName(String name) {
        return functionSets.containsKey(name);
    }

    /** The tokens of a named function set, in order (e.g. Koza: add, sub, mul, div, sin, cos, exp, log). */
    public List<String> functionSet(String setName) {
        List<String> tokens = functionSets.get(setName);
        if (tokens == null) {
            throw new ConfigException("unknown function set '" + setName + "'" + Suggestions.hint(setName, functionSets.keySet())
                    + "; known sets: " + String.join(", ", functionSets.keySet()));
        }
        return tokens;
    }

    private static BenchmarkRegistry load() {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        List<String> setLines = readLines(FUNCTION_SETS);
        requireHeader(setLines, FUNCTION_SETS, "name,function_set");
        for (int i = 1; i < setLines.size(); i++) {
            if (setLines.get(i).isBlank()) continue;
            List<String> f = fields(setLines.get(i), FUNCTION_SETS, i + 1, 2);
            List<String> tokens = new ArrayList<>();
            for (String t : f.get(1).split(",")) {
                if (!t.isBlank()) tokens.add(t.trim());
            }
            sets.put(f.get(0).trim(), List.copyOf(tokens));
        }

        Map<String, Benchmark> benchmarks = new LinkedHashMap<>();
        List<String> lines = readLines(BENCHMARKS);
        requireHeader(lines, BENCHMARKS, "name,variables,expression,train_spec,test_spec,function_set");
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            int lineNo = i + 1;
            List<String> f = fields(lines.get(i), BENCHMARKS, lineNo, 6);
            String name = f.get(0).trim();
            String where = BENCHMARKS + " line " + lineNo + " (" + name + ")";
            int vars;
            try {
                vars = Integer.parseInt(f.get(1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(where + ": bad variable count '" + f.get(1) + "'");
            }
            SamplingSpec train = SamplingSpec.parse(f.get(3), vars, where + ", train_spec");
            if (train == null) throw new IllegalStateException(where + ": train_spec is None");
            SamplingSpec test = SamplingSpec.parse(f.get(4), vars, where + ", test_spec");
            String set = f.get(5).trim();
            if (!sets.containsKey(set)) throw new IllegalStateException(where + ": unknown function set '" + set + "'");
            if (benchmarks.put(name, new Benchmark(name, vars, f.get(2).trim(), train, test, set)) != null) {
                throw new IllegalStateException(where + ": duplicate benchmark name");
            }
        }
        return new BenchmarkRegistry(benchmarks, sets);
    }

    private static List<String> fields(String line, String file, int lineNo, int expected) {
        List<String> f = QuotedCsv.split(line);
        if (f.size() != expected) {
            throw new IllegalStateException(file + " line " + lineNo + ": expected " + expected + " fields, found " + f.size());
        }
        return f;
    }

    private static void requireHeader(List<String> lines, String file, String header) {
        if (lines.isEmpty() || !lines.get(0).trim().equals(header)) {
            throw new IllegalStateException(file + ": expected header '" + header + "'");
        }
    }

    private static List<String> readLines(String resource) {
        try (InputStream in = BenchmarkRegistry.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            // The reference reads these files as ISO-8859-1; they are ASCII.
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
                return r.lines().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
