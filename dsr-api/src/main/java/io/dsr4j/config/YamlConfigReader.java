package io.dsr4j.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads YAML into {@link ConfigNode} trees that remember the file, line and column of every value, using Jackson's
 * streaming YAML parser.
 *
 * <p>Scalars follow the YAML 1.2 core schema, not YAML 1.1: {@code true/false} are booleans but {@code yes/no/on/off/y}
 * stay strings (a target column called {@code y} must not become {@code true}); integers become {@link Long},
 * floats {@link Double} (including {@code 1e-12}, {@code .inf}, {@code -.inf}, {@code .nan}); {@code null}, {@code ~}
 * and empty values are null; quoted scalars are always strings. Numbers inside lists stay numbers (function sets may
 * hold constants). Duplicate keys, a second document and unknown aliases are errors. Anchors/aliases and merge keys
 * ({@code <<: *base}) are supported.
 */
public final class YamlConfigReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();
    private static final Pattern INT = Pattern.compile("[-+]?[0-9][0-9_]*");
    private static final Pattern HEX = Pattern.compile("[-+]?0x[0-9a-fA-F_]+");
    private static final Pattern OCT = Pattern.compile("[-+]?0o[0-7_]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9][0-9_]*|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    private final String source;
    private final String text;
    private final Location overrideLocation;
    private final Map<String, ConfigNode> anchors = new HashMap<>();
    private YAMLParser parser;

    private YamlConfigReader(String source, String text, Location overrideLocation) {
        this.source = source;
        this.text = text;
        this.overrideLocation = overrideLocation;
    }

    /**
     * Reads a YAML file whose root must be a mapping (an empty file gives an empty mapping).
     *
     * @throws ConfigException for a missing/unreadable file or invalid YAML, naming file, line and column
     */
    public static ConfigNode.MapNode readFile(Path file) {
        String name = file.toString();
        String content;
        try {
            if (Files.isDirectory(file)) {
                throw new ConfigException(name + ": is a directory, expected a YAML configuration file");
            }
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name + ": configuration file not found (looked for "
                    + file.toAbsolutePath().normalize() + ")");
        } catch (AccessDeniedException e) {
            throw new ConfigException(name + ": configuration file is not readable (permission denied)");
        } catch (CharacterCodingException e) {
            throw new ConfigException(name + ": configuration file is not valid UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read configuration file: " + e.getMessage(), e);
        }
        return readMapping(content, name);
    }

    /** Reads a YAML resource from the class path (the built-in defaults), every node located at {@code at}. */
    public static ConfigNode.MapNode readResource(Class<?> anchor, String resource, Location at) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource + " next to " + anchor.getName());
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            ConfigNode root = new YamlConfigReader(resource, content, at).readDocument();
            if (!(root instanceof ConfigNode.MapNode m)) throw new IllegalStateException(resource + " is not a mapping");
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses YAML text (e.g. a config given as a string); {@code sourceName} is used in locations and messages. */
    public static ConfigNode.MapNode readMapping(String yaml, String sourceName) {
        ConfigNode root = new YamlConfigReader(sourceName, yaml, null).readDocument();
        if (root == null) return new ConfigNode.MapNode(new LinkedHashMap<>(), new Location(sourceName, 1, 1));
        if (root instanceof ConfigNode.MapNode m) return m;
        throw new ConfigException(root.location() + ": expected a mapping of sections (e.g. 'task:') at the top of "
                + sourceName + " but found " + describe(root));
    }

    /**
     * Parses one YAML value (scalar, flow sequence {@code [a, b]} or flow mapping {@code {k: v}}), as given to
     * {@code --set key=value}; every node gets location {@code at}. An empty text is null.
     */
    public static ConfigNode readValue(String yaml, Location at) {
        ConfigNode n = new YamlConfigReader(at.source(), yaml, at).readDocument();
        return n == null ? new ConfigNode.ScalarNode(null, at) : n;
    }

    private ConfigNode readDocument() {
        try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
            parser = p;
            JsonToken t = p.nextToken();
            if (t == null) return null;
            ConfigNode root = readNode(t, "");
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw new ConfigException(location(p.currentTokenLocation()) + ": only one YAML document is allowed "
                        + "(found a second one; remove the extra '---')");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (e instanceof ConfigException) throw e;
            // snakeyaml sometimes throws its own (unchecked) exceptions past Jackson
            if (e instanceof MarkedYAMLException m) throw syntaxError(m);
            throw e;
        }
    }

    private ConfigNode readNode(JsonToken t, String path) throws IOException {
        Location at = location(parser.currentTokenLocation());
        String anchor = parser.getCurrentAnchor();
        ConfigNode node;
        // Jackson's YAML parser reports anchors on mappings and sequences only: read a scalar's from the text
        if (anchor == null && t.isScalarValue() && !parser.isCurrentAlias()) anchor = scalarAnchor();
        switch (t) {
            case START_OBJECT -> node = readMap(at, path);
            case START_ARRAY -> node = readList(at, path);
            default -> {
                if (parser.isCurrentAlias()) {
                    String name = parser.getText();
                    ConfigNode target = anchors.get(name);
                    if (target == null) {
                        throw ConfigException.at(at, path, "unknown alias '*" + name + "' (no anchor '&" + name + "' before it)");
                    }
                    return target;
                }
                node = new ConfigNode.ScalarNode(scalar(t, at, path), at);
            }
        }
        if (anchor != null) anchors.put(anchor, node);
        return node;
    }

    private ConfigNode.MapNode readMap(Location at, String path) throws IOException {
        LinkedHashMap<String, ConfigNode> entries = new LinkedHashMap<>();
        Map<String, Location> keyLocations = new HashMap<>();
        List<ConfigNode> merges = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_OBJECT) {
            if (t != JsonToken.FIELD_NAME) throw new IllegalStateException("unexpected " + t);
            String key = parser.currentName();
            Location keyAt = location(parser.currentTokenLocation());
            String keyPath = path.isEmpty() ? key : path + "." + key;
            ConfigNode value = readNode(parser.nextToken(), keyPath);
            // A nested block starts on the next line; errors about it (unknown section, wrong type) belong at its key.
            if (overrideLocation == null) {
                if (value instanceof ConfigNode.MapNode m) value = new ConfigNode.MapNode(m.entries(), keyAt, m.keyLocations());
                else if (value instanceof ConfigNode.ListNode l) value = new ConfigNode.ListNode(l.items(), keyAt);
            }
            if (key.equals("<<")) {
                merges.add(value);
                continue;
            }
            Location first = keyLocations.putIfAbsent(key, keyAt);
            if (first != null) {
                throw ConfigException.at(keyAt, keyPath, "duplicate key (first defined at " + first
                        + "); a key may appear only once in a mapping");
            }
            entries.put(key, value);
        }
        // Merge keys: explicitly written keys win over merged ones, earlier merges win over later ones.
        for (ConfigNode m : merges) {
            List<ConfigNode> maps = m instanceof ConfigNode.ListNode l ? l.items() : List.of(m);
            for (ConfigNode each : maps) {
                if (!(each instanceof ConfigNode.MapNode mm)) {
                    throw ConfigException.at(each.location(), path.isEmpty() ? "<<" : path + ".<<",
                            "a merge key '<<' needs a mapping (or a list of mappings) but found " + describe(each));
                }
                mm.entries().forEach((k, v) -> {
                    if (entries.putIfAbsent(k, v) == null) keyLocations.put(k, mm.keyLocation(k));
                });
            }
        }
        return new ConfigNode.MapNode(entries, at, keyLocations);
    }

    private ConfigNode.ListNode readList(Location at, String path) throws IOException {
        List<ConfigNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(readNode(t, path + "[" + items.size() + "]"));
        }
        return new ConfigNode.ListNode(items, at);
    }

    private Object scalar(JsonToken t, Location at, String path) throws IOException {
        String raw = parser.getText();
        return switch (t) {
            case VALUE_NULL -> null;
            case VALUE_TRUE, VALUE_FALSE -> coreBoolean(raw);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(raw, at, path);
            case VALUE_STRING -> plainScalar(raw) ? retypePlain(raw, at, path) : raw;
            default -> throw ConfigException.at(at, path, "unsupported YAML value '" + raw + "'");
        };
    }

    /** YAML 1.1 booleans that Jackson accepts (yes, no, on, off) stay strings under the 1.2 core schema. */
    private static Object coreBoolean(String raw) {
        return switch (raw) {
            case "true", "True", "TRUE" -> Boolean.TRUE;
            case "false", "False", "FALSE" -> Boolean.FALSE;
            default -> raw;
        };
    }

    /** True if the scalar at the current token was written plain (not quoted, not a block scalar, no tag). */
    private boolean plainScalar(String raw) {
        long off = parser.currentTokenLocation().getCharOffset();
        if (off < 0 || off >= text.length()) return false;
        int i = (int) off;
        if (text.charAt(i) == '&') i = skipSpaces(endOfName(i + 1)); // the anchor, then the value
        if (i >= text.length()) return true;
        char c = text.charAt(i);
        return c != '"' && c != '\'' && c != '|' && c != '>' && c != '!';
    }

    /** The anchor ({@code &name}) written before the scalar at the current token, after its tag if any, or null. */
    private String scalarAnchor() {
        long off = parser.currentTokenLocation().getCharOffset();
        if (off < 0 || off >= text.length()) return null;
        int i = (int) off;
        if (text.charAt(i) == '!') i = skipSpaces(endOfName(i + 1)); // a tag may come first: !!str &a x
        if (i >= text.length() || text.charAt(i) != '&') return null;
        int end = endOfName(i + 1);
        return end > i + 1 ? text.substring(i + 1, end) : null;
    }

    /** The end of an anchor or tag name starting at {@code i}: the next space, line break or flow indicator. */
    private int endOfName(int i) {
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && ",[]{}".indexOf(text.charAt(i)) < 0) i++;
        return i;
    }

    private int skipSpaces(int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
        return i;
    }

    private static Object retypePlain(String raw, Location at, String path) {
        if (raw.isEmpty()) return null; // "key:" with nothing after it
        if (OCT.matcher(raw).matches()) return number(raw, at, path);
        return raw;
    }

    /** Number from the literal text (Jackson's own conversion fails on .inf and loses hex/underscore forms). */
    static Object number(String raw, Location at, String path) {
        String s = raw.replace("_", "");
        try {
            if (INF.matcher(raw).matches()) return raw.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            if (NAN.matcher(raw).matches()) return Double.NaN;
            boolean neg = s.startsWith("-");
            String digits = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
            BigInteger big = null;
            if (HEX.matcher(raw).matches()) big = new BigInteger(digits.substring(2), 16);
            else if (OCT.matcher(raw).matches()) big = new BigInteger(digits.substring(2), 8);
            else if (INT.matcher(raw).matches()) big = new BigInteger(digits);
            if (big != null) {
                if (neg) big = big.negate();
                if (big.bitLength() < 64) return big.longValue();
                return big.doubleValue();
            }
            if (FLOAT.matcher(raw).matches()) return Double.parseDouble(s);
        } catch (NumberFormatException ignored) {
            // reported below
        }
        return raw; // not a number after all (Jackson is more lenient than the core schema): keep the text
    }

    private Location location(JsonLocation l) {
        if (overrideLocation != null) return overrideLocation;
        return new Location(source, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private ConfigException syntaxError(JsonProcessingException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m) return syntaxError(m);
        }
        JsonLocation l = e.getLocation();
        Location at = l == null ? new Location(source, 0, 0) : location(l);
        return new ConfigException(at + ": invalid YAML: " + oneLine(e.getOriginalMessage()), e);
    }

    private ConfigException syntaxError(MarkedYAMLException m) {
        Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
        Location at = overrideLocation != null ? overrideLocation
                : mark == null ? new Location(source, 0, 0) : new Location(source, mark.getLine() + 1, mark.getColumn() + 1);
        String problem = m.getProblem() != null ? m.getProblem() : m.getMessage();
        problem = problem.replace("'\\t(TAB)'", "a tab").replace("\\t(TAB)", "a tab");
        String context = "";
        if (m.getContext() != null && !m.getContext().isBlank()) {
            Mark cm = m.getContextMark();
            context = " (" + m.getContext().trim()
                    + (cm != null && overrideLocation == null && mark != null && cm.getLine() != mark.getLine()
                    ? " started at line " + (cm.getLine() + 1) + ", column " + (cm.getColumn() + 1) : "") + ")";
        }
        String hint = "";
        return new ConfigException(at + ": invalid YAML: " + oneLine(problem) + context + hint, m);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    static String describe(ConfigNode n) {
        return n.describe();
    }
}
