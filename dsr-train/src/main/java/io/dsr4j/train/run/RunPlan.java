package io.dsr4j.train.run;

import io.dsr4j.api.config.ConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * {@code run.yaml}: the seeds and parallelism of a run directory, which {@code dsr run --resume} continues. It carries
 * a format version and a CRC32C of its other lines, so a damaged file is refused with a clear message rather than
 * resuming other seeds. Files without a checksum (written by older versions) are still read.
 */
public record RunPlan(List<Long> seeds, int parallel) {

    public static final String FILE = "run.yaml";
    static final int FORMAT = 1;

    public RunPlan {
        seeds = List.copyOf(seeds);
    }

    public static void write(Path runDir, RunPlan plan) throws IOException {
        StringBuilder body = new StringBuilder("# dsr4j run plan (written by 'dsr run', read by 'dsr run --resume'; do not edit)\n");
        body.append("format: ").append(FORMAT).append('\n');
        body.append("seeds: [");
        for (int i = 0; i < plan.seeds().size(); i++) body.append(i == 0 ? "" : ", ").append(plan.seeds().get(i));
        body.append("]\nparallel: ").append(plan.parallel()).append('\n');
        AtomicFiles.write(runDir.resolve(FILE), body + "crc32c: " + crc(body.toString()) + "\n");
    }

    /** Reads and checks {@code runDir/run.yaml}; every problem is a {@link ConfigException} naming file and line. */
    public static RunPlan read(Path runDir) throws IOException {
        Path f = runDir.resolve(FILE);
        if (!Files.isRegularFile(f)) throw new ConfigException(runDir + " has no " + FILE + ": not a dsr run directory");
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw damaged(f, "it is not UTF-8 text");
        }
        String[] lines = text.split("\n", -1);
        StringBuilder covered = new StringBuilder();
        List<Long> seeds = null;
        Integer parallel = null;
        String crc = null;
        Integer format = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String at = f + " line " + (i + 1);
            if (crc != null && !line.isBlank()) throw damaged(f, "line " + (i + 1) + " follows the checksum line");
            if (line.isBlank() && i == lines.length - 1) break;
            if (!line.startsWith("crc32c:")) covered.append(line).append('\n');
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            int colon = t.indexOf(':');
            if (colon < 0) throw damaged(f, at + ": expected 'key: value' but found '" + clip(t) + "'");
            String key = t.substring(0, colon).strip();
            String value = t.substring(colon + 1).strip();
            switch (key) {
                case "format" -> format = integer(value, at, key);
                case "seeds" -> seeds = seedList(value, at);
                case "parallel" -> parallel = integer(value, at, key);
                case "crc32c" -> crc = value;
                default -> throw damaged(f, at + ": unknown key '" + clip(key) + "' (allowed: format, seeds, parallel, crc32c)");
            }
        }
        if (format != null && format != FORMAT) {
            throw new ConfigException(f + ": format " + format + " is not one this dsr4j reads (" + FORMAT + "); "
                    + "resume it with the dsr4j version that wrote it");
        }
        if (crc != null && !crc.equalsIgnoreCase(crc(covered.toString()))) {
            throw damaged(f, "its checksum does not match: it was changed or corrupted after it was written");
        }
        if (format != null && crc == null) throw damaged(f, "the crc32c line is missing (the file is truncated)");
        if (seeds == null) throw damaged(f, "no 'seeds: [...]' line");
        if (seeds.isEmpty()) throw damaged(f, "'seeds: []' lists no seed");
        if (parallel == null) parallel = 1;
        if (parallel < 1) throw damaged(f, "parallel must be at least 1 (found " + parallel + ")");
        return new RunPlan(seeds, parallel);
    }

    private static ConfigException damaged(Path f, String problem) {
        return new ConfigException(f + " is damaged: " + problem + ". It lists the run's seeds; restore it (e.g. "
                + "from a backup) or rewrite it as 'seeds: [S1, S2, ...]' with the seed_<S> folders of this run, then "
                + "resume again");
    }

    private static int integer(String value, String at, String key) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(at + ": key '" + key + "': expected an integer but found '" + clip(value) + "'");
        }
    }

    private static List<Long> seedList(String value, String at) {
        if (!value.startsWith("[") || !value.endsWith("]")) {
            throw new ConfigException(at + ": key 'seeds': expected a list such as [0, 1, 2] but found '" + clip(value) + "'");
        }
        List<Long> seeds = new ArrayList<>();
        for (String s : value.substring(1, value.length() - 1).split(",")) {
            if (s.isBlank()) continue;
            try {
                seeds.add(Long.parseLong(s.strip()));
            } catch (NumberFormatException e) {
                throw new ConfigException(at + ": key 'seeds': '" + clip(s.strip()) + "' is not an integer seed");
            }
        }
        return seeds;
    }

    private static String clip(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }

    private static String crc(String text) {
        CRC32C c = new CRC32C();
        c.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) c.getValue());
    }
}
