package io.dsr4j.config;

import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class YamlWriterTest {

    @Test
    void everyScalarReadsBackWithItsType() {
        List<Object> values = new ArrayList<>(Arrays.asList("plain", "", " padded ", "1.5", "12", "-3", "0x1F", ".5",
                ".inf", "true", "False", "yes", "no", "on", "off", "y", "n", "null", "~", "a: b", "a #b", "[x]", "{x}",
                "-dash", "? q", "'single'", "\"double\"", "back\\slash", "tab\there", "new\nline", "ünïcödé", "@at",
                "%pct", "*star", "&amp", "!bang", "|pipe", ">gt", "./runs", "/abs/path", "data/my file.csv",
                1L, -7L, 0L, Long.MAX_VALUE, 1.0, -0.5, 1e-12, 5.0E-4, 1e300, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, true, false, null));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("list", values);
        for (int i = 0; i < values.size(); i++) root.put("k" + i, values.get(i));
        root.put("nested", Map.of("empty_map", Map.of(), "empty_list", List.of(),
                "maps", List.of(Map.of("a", 1L), Map.of("b", List.of(Map.of("c", "d"))))));
        root.put("weird key: #", "v");
        ConfigNode tree = ConfigNode.of(root, Location.DEFAULTS);
        String yaml = YamlWriter.write(tree);
        assertEquals(tree.toPlain(), YamlConfigReader.readMapping(yaml, "w.yaml").toPlain(), yaml);
    }

    @Test
    void nanReadsBackAsNan() {
        String yaml = YamlWriter.write(ConfigNode.of(Map.of("x", Double.NaN), Location.DEFAULTS));
        assertEquals("x: .nan\n", yaml);
        assertEquals(Double.NaN, YamlConfigReader.readMapping(yaml, "w").get("x").toPlain());
    }
}
