package io.dsr4j.train.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.dsr4j.config.PluginRegistry;
import io.dsr4j.train.build.BuildInfo;
import io.dsr4j.train.run.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Where a result came from, as written to {@code provenance.yaml} in every run and grid folder: dsr4j's version and
 * the git commit it was built from (embedded at build time, see {@link BuildInfo}), every plugin with the jar it came
 * from (name, version, SHA-256), the JVM, the machine (OS, CPU, cores, memory), the ND4J backend when the run's policy
 * uses ND4J, and the command line. Collected once per command (hashing jars is the only cost) and immutable.
 */
public final class Provenance {

    public static final String FILE = "provenance.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private final Map<String, Object> fields;

    private Provenance(Map<String, Object> fields) {
        this.fields = fields;
    }

    /**
     * @param commandLine how the command was started ({@code dsr run configs/... --runs 10}), or a description such as
     *                    "Java API" when there is none
     * @param registry    the plugins of this process (their jars are hashed)
     */
    public static Provenance collect(String commandLine, PluginRegistry registry) {
        Map<String, Object> f = new LinkedHashMap<>();
        BuildInfo build = BuildInfo.current();
        Map<String, Object> dsr = new LinkedHashMap<>();
        dsr.put("version", build.version());
        dsr.put("commit", build.commit());
        dsr.put("commit_time", build.commitTime());
        dsr.put("uncommitted_changes", build.dirty() == null ? "unknown" : build.dirty());
        f.put("dsr4j", dsr);
        f.put("recorded_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        f.put("command", commandLine);
        f.put("working_directory", Path.of("").toAbsolutePath().toString());
        f.put("plugins", plugins(registry));

        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("version", System.getProperty("java.version"));
        jvm.put("vendor", System.getProperty("java.vendor"));
        jvm.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        jvm.put("options", ManagementFactory.getRuntimeMXBean().getInputArguments());
        jvm.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        f.put("jvm", jvm);

        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("arch", System.getProperty("os.arch"));
        machine.put("cpu", cpuModel());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("host", hostName());
        String omp = System.getenv("OMP_NUM_THREADS");
        machine.put("omp_num_threads", omp == null ? "unset" : omp);
        f.put("machine", machine);
        return new Provenance(f);
    }

    /**
     * This provenance with the ND4J backend of this process added. Only call it when the run's policy uses ND4J (it
     * initialises ND4J if nothing did yet).
     */
    public Provenance withNd4j() {
        Map<String, Object> f = new LinkedHashMap<>(fields);
        f.put("nd4j", Nd4jInfo.describe());
        return new Provenance(f);
    }

    /** The same, for a run that does not use ND4J. */
    public Provenance withoutNd4j(String policyType) {
        Map<String, Object> f = new LinkedHashMap<>(fields);
        f.put("nd4j", "not loaded (policy '" + policyType + "' does not use ND4J)");
        return new Provenance(f);
    }

    public Map<String, Object> fields() {
        return fields;
    }

    /** A short one-line description for reports: "dsr4j 0.1.0 (abcdef123456), Java 17.0.15, Linux amd64, 2 cores". */
    @SuppressWarnings("unchecked")
    public String summary() {
        Map<String, Object> dsr = (Map<String, Object>) fields.get("dsr4j");
        Map<String, Object> jvm = (Map<String, Object>) fields.get("jvm");
        Map<String, Object> m = (Map<String, Object>) fields.get("machine");
        String commit = String.valueOf(dsr.get("commit"));
        return "dsr4j " + dsr.get("version") + " (commit " + commit.substring(0, Math.min(12, commit.length()))
                + (Boolean.TRUE.equals(dsr.get("uncommitted_changes")) ? ", with uncommitted changes" : "") + "), Java "
                + jvm.get("version") + ", " + m.get("os") + " " + m.get("arch") + ", " + m.get("cpu") + ", "
                + m.get("cores") + " cores";
    }

    public String yaml() {
        try {
            return YAML.writeValueAsString(fields);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render provenance", e);
        }
    }

    /**
     * Writes {@code dir/provenance.yaml}; when the folder already has one (a resumed run or grid), this session is
     * appended as another YAML document, so every session that wrote results stays on record.
     */
    public void writeTo(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        String doc = yaml();
        if (Files.exists(file)) {
            String before = Files.readString(file, StandardCharsets.UTF_8);
            AtomicFiles.write(file, before + (before.endsWith("\n") ? "" : "\n") + "---\n" + doc);
        } else {
            AtomicFiles.write(file, doc);
        }
    }

    private static List<Map<String, Object>> plugins(PluginRegistry registry) {
        Path own = codeSource(Provenance.class);
        Map<String, String> hashes = new TreeMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (PluginRegistry.PluginInfo p : registry.plugins()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", p.name());
            e.put("class", p.className());
            Path src = p.source() == null || p.source().startsWith("(") ? null : Path.of(p.source());
            if (src != null && own != null && src.toAbsolutePath().equals(own.toAbsolutePath())) {
                e.put("source", "built in (dsr4j " + BuildInfo.current().version() + ")");
            } else if (src != null && Files.isRegularFile(src)) {
                e.put("jar", src.toString());
                e.put("version", jarVersion(src));
                e.put("sha256", hashes.computeIfAbsent(src.toString(), k -> sha256(src)));
            } else {
                e.put("source", p.source());
            }
            out.add(e);
        }
        return out;
    }

    private static Path codeSource(Class<?> c) {
        try {
            var cs = c.getProtectionDomain().getCodeSource();
            return cs == null ? null : Path.of(cs.getLocation().toURI());
        } catch (Exception e) {
            return null;
        }
    }

    /** Implementation-Version (or Bundle-Version) of the jar's manifest, else "unknown". */
    static String jarVersion(Path jar) {
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest m = j.getManifest();
            if (m != null) {
                for (String key : List.of("Implementation-Version", "Bundle-Version", "Specification-Version")) {
                    String v = m.getMainAttributes().getValue(key);
                    if (v != null && !v.isBlank()) return v;
                }
            }
        } catch (IOException ignored) {
            // unreadable: unknown
        }
        return "unknown";
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        String id = System.getenv("PROCESSOR_IDENTIFIER");
        return id != null ? id : "unknown";
    }

    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) return h;
        try {
            return Files.readString(Path.of("/etc/hostname"), StandardCharsets.UTF_8).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
