package io.dsr4j.bench;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads a YAML file into a {@link ConfigNode} tree that remembers the line and column of every value, so grid errors
 * can point at the offending key. Integers become Long, floats Double; duplicate keys are errors.
 */
final class YamlTree {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlTree() { }

    /** The file's root mapping (an empty file gives an empty mapping). */
    static ConfigNode.MapNode readFile(Path file, String what) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": " + what + " not found (looked for " + file.toAbsolutePath().normalize() + ")");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read " + what + ": " + e.getMessage(), e);
        }
        return readMapping(text, file.toString());
    }

    static ConfigNode.MapNode readMapping(String text, String source) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) return new ConfigNode.MapNode(new LinkedHashMap<>(), new Location(source, 1, 1));
            ConfigNode root = read(p, t, source);
            if (root instanceof ConfigNode.MapNode m) return m;
            throw new ConfigException(root.location() + ": expected a mapping (key: value lines) at the top of " + source);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML");
            throw new ConfigException((l == null ? source : at(l, source)) + ": invalid YAML: " + msg, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConfigNode read(JsonParser p, JsonToken t, String source) throws IOException {
        Location at = at(p.currentTokenLocation(), source);
        switch (t) {
            case START_OBJECT -> {
                LinkedHashMap<String, ConfigNode> m = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    Location keyAt = at(p.currentTokenLocation(), source);
                    ConfigNode value = read(p, p.nextToken(), source);
                    if (m.containsKey(key)) throw ConfigException.at(keyAt, key, "duplicate key (already set at " + m.get(key).location() + ")");
                    m.put(key, value);
                }
                return new ConfigNode.MapNode(m, at);
            }
            case START_ARRAY -> {
                List<ConfigNode> l = new ArrayList<>();
                for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) l.add(read(p, i, source));
                return new ConfigNode.ListNode(l, at);
            }
            case VALUE_NUMBER_INT -> {
                return new ConfigNode.ScalarNode(p.getLongValue(), at);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new ConfigNode.ScalarNode(p.getDoubleValue(), at);
            }
            case VALUE_TRUE -> {
                return new ConfigNode.ScalarNode(Boolean.TRUE, at);
            }
            case VALUE_FALSE -> {
                return new ConfigNode.ScalarNode(Boolean.FALSE, at);
            }
            case VALUE_NULL -> {
                return new ConfigNode.ScalarNode(null, at);
            }
            default -> {
                return new ConfigNode.ScalarNode(scalar(p.getText()), at);
            }
        }
    }

    /** Plain scalars Jackson leaves as text but YAML 1.2 reads as numbers (e.g. {@code 1e-12}). */
    private static Object scalar(String s) {
        if (s != null && s.matches("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)")) return Double.parseDouble(s);
        return s;
    }

    private static Location at(JsonLocation l, String source) {
        return new Location(source, l.getLineNr(), l.getColumnNr());
    }
}
