package io.dsr4j.bench.spark;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.bench.RunSpec;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The driver-side files a grid's runs need, broadcast to every executor once: base config files, user CSV datasets
 * and plugin jars, keyed by their absolute path on the driver. Executors never open a driver path: they
 * {@link #materialize} a copy into their scratch folder. These files are small (configs and datasets are kilobytes,
 * plugin jars rarely more than a few megabytes).
 */
final class JobInputs implements Serializable {

    private final LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
    private final List<String> pluginJars = new ArrayList<>();

    /**
     * The inputs of {@code runs}: each distinct base config and CSV dataset, and the jars of {@code pluginPaths}
     * (directories: their {@code *.jar} in name order, as the plugin registry reads them).
     */
    static JobInputs of(List<RunSpec> runs, List<Path> pluginPaths) throws IOException {
        JobInputs in = new JobInputs();
        for (RunSpec s : runs) {
            if (s.baseConfig() != null) in.add(s.baseConfig());
            if (isCsv(s.dataset())) in.add(Path.of(s.dataset()));
        }
        for (Path jar : pluginJars(pluginPaths)) {
            in.add(jar);
            in.pluginJars.add(key(jar));
        }
        return in;
    }

    static List<Path> pluginJars(List<Path> pluginPaths) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (Path p : pluginPaths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
                }
            } else if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
                jars.add(p);
            }
        }
        return jars;
    }

    static boolean isCsv(String dataset) {
        return dataset != null && dataset.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    static String key(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    private void add(Path p) throws IOException {
        String k = key(p);
        if (files.containsKey(k)) return;
        if (!Files.isRegularFile(p)) throw new ConfigException(p + ": not found (needed by the grid's runs)");
        files.put(k, Files.readAllBytes(p));
    }

    boolean has(String driverPath) {
        return driverPath != null && files.containsKey(driverPath);
    }

    List<String> pluginJarKeys() {
        return pluginJars;
    }

    /**
     * Writes the file known on the driver as {@code driverPath} into a fresh subfolder of {@code dir}, under its own
     * file name (a dataset's name comes from it), and returns that copy.
     */
    Path materialize(String driverPath, Path dir) throws IOException {
        byte[] content = files.get(driverPath);
        if (content == null) throw new IllegalStateException("not shipped with the job: " + driverPath);
        Path sub = Files.createTempDirectory(dir, "in-");
        Path copy = sub.resolve(Path.of(driverPath).getFileName().toString());
        Files.write(copy, content);
        return copy;
    }

    Map<String, Integer> sizes() {
        Map<String, Integer> m = new LinkedHashMap<>();
        files.forEach((k, v) -> m.put(k, v.length));
        return m;
    }
}
