package io.dsr4j.bench;

import io.dsr4j.train.run.AtomicFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.dsr4j.api.config.ConfigException;
import io.dsr4j.config.YamlConfigReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Protects an output folder from mixing results produced with different settings. {@code settings.yaml} records, per
 * variant, the complete settings its runs used (base config + overrides, see {@link GridSpec#settings}); resuming with
 * a grid that gives a variant with results other settings is refused. Adding variants, benchmarks or seeds, renaming
 * the grid or changing reference numbers is allowed: it changes no finished result. The grid file itself is copied to
 * {@code grid.yaml} for the record (and for {@link BenchApp#aggregate}).
 */
final class ResumeGuard {

    static final String SETTINGS = "settings.yaml";
    static final String GRID_COPY = "grid.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());

    private ResumeGuard() { }

    /**
     * Checks {@code spec} against the settings recorded in {@code dir} for the variants in {@code finishedVariants}
     * (those with rows in results.csv) and returns the record to write once everything else checked out: the recorded
     * settings with this grid's variants added or updated.
     *
     * @throws ConfigException when a finished variant's settings differ (names the keys) or its record is missing
     */
    static Map<String, Object> check(GridSpec spec, Path dir, Set<String> finishedVariants) {
        Path settingsFile = dir.resolve(SETTINGS);
        Map<String, Object> recorded = new LinkedHashMap<>();
        if (Files.exists(settingsFile)) {
            Object v = YamlConfigReader.readFile(settingsFile).toPlain();
            Object variants = DottedKeys.asMap(v).get("variants");
            if (variants instanceof Map<?, ?> m) recorded.putAll(DottedKeys.asMap(m));
        } else if (!finishedVariants.isEmpty()) {
            throw new ConfigException(dir + ": holds " + ResultsFile.NAME + " but no " + SETTINGS + ", so it is unknown "
                    + "which settings produced those results; use another --out folder, or move " + ResultsFile.NAME + " away");
        }
        for (String variant : spec.variants().keySet()) {
            Map<String, Object> now = spec.settings(variant);
            Object before = recorded.get(variant);
            if (before == null && finishedVariants.contains(variant)) {
                // e.g. results.csv files merged by hand: rows nobody recorded the settings of cannot be vouched for
                throw new ConfigException(dir + ": " + ResultsFile.NAME + " holds results of variant '" + variant
                        + "' but " + SETTINGS + " records no settings for it, so it is unknown which settings produced "
                        + "them; use another --out folder, or add the variant's settings to " + SETTINGS
                        + " from the folder its results came from.");
            }
            if (before != null && finishedVariants.contains(variant)) {
                List<String> diffs = new ArrayList<>();
                diff("", DottedKeys.canonical(before), DottedKeys.canonical(now), diffs);
                if (!diffs.isEmpty()) {
                    throw new ConfigException(dir + ": already holds results of variant '" + variant + "' produced with "
                            + "other settings than " + spec.file() + (spec.quickApplied() ? " --quick" : "") + " gives: "
                            + String.join("; ", diffs.subList(0, Math.min(5, diffs.size())))
                            + (diffs.size() > 5 ? "; and " + (diffs.size() - 5) + " more" : "")
                            + ". Mixing them would corrupt the table: use another --out folder (e.g. a separate one for "
                            + "--quick), or restore the grid's earlier settings.");
                }
            }
            recorded.put(variant, now);
        }
        return recorded;
    }

    /** Writes the settings record returned by {@link #check} and copies the grid file into {@code dir}. */
    static void record(GridSpec spec, Path dir, Map<String, Object> settings) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("quick", spec.quickApplied());
        doc.put("variants", settings);
        AtomicFiles.write(dir.resolve(SETTINGS), "# Settings each variant's runs used (base config + overrides; benchmark and seed\n"
                + "# vary per run). Written by 'dsr bench' to refuse resuming with different settings; do not edit.\n"
                + YAML.writeValueAsString(doc));
        AtomicFiles.write(dir.resolve(GRID_COPY), Files.readString(spec.file(), StandardCharsets.UTF_8));
    }

    /** Each variant's settings as settings.yaml records them (nested maps), empty when the folder has no record. */
    static Map<String, Map<String, Object>> recordedSettings(Path dir) {
        Path f = dir.resolve(SETTINGS);
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (!Files.exists(f)) return out;
        Object variants = DottedKeys.asMap(YamlConfigReader.readFile(f).toPlain()).get("variants");
        if (variants instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() instanceof Map<?, ?>) out.put(String.valueOf(e.getKey()), DottedKeys.asMap(e.getValue()));
            }
        }
        return out;
    }

    /** Whether the folder's runs come from a {@code --quick} run of its grid (as settings.yaml records it). */
    static boolean recordedQuick(Path dir) {
        Path f = dir.resolve(SETTINGS);
        if (!Files.exists(f)) return false;
        Object q = DottedKeys.asMap(YamlConfigReader.readFile(f).toPlain()).get("quick");
        return Boolean.TRUE.equals(q) || "true".equals(String.valueOf(q));
    }

    /** Human-readable differences between two canonical trees: "key: was X, now Y". */
    static void diff(String path, Object a, Object b, List<String> out) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            Set<String> keys = new TreeSet<>();
            ma.keySet().forEach(k -> keys.add(String.valueOf(k)));
            mb.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (String k : keys) {
                diff(path.isEmpty() ? k : path + "." + k, ma.get(k), mb.get(k), out);
            }
        } else if (!Objects.equals(a, b)) {
            out.add(path + " was " + show(a) + ", now " + show(b));
        }
    }

    private static String show(Object v) {
        return v == null ? "unset" : String.valueOf(v);
    }
}
