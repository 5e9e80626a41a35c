package io.dsr4j.config;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlConfigReaderTest {

    private static ConfigNode.MapNode read(String yaml) {
        return YamlConfigReader.readMapping(yaml, "cfg.yaml");
    }

    private static Object value(ConfigNode.MapNode root, String path) {
        return ConfigNode.find(root, path).toPlain();
    }

    @Test
    void scalarsFollowTheYaml12CoreSchema() {
        ConfigNode.MapNode r = read("""
                a: 12
                b: 1e-12
                c: 1.0e-12
                d: .inf
                e: -.Inf
                f: .nan
                g: true
                h: False
                i: yes
                j: off
                k: y
                l: ~
                m:
                n: '1.5'
                o: "true"
                p: 0x1F
                q: 2_000_000
                r: 0o17
                s: Nguyen-1
                t: 99999999999999999999
                u: -3
                """);
        assertEquals(12L, value(r, "a"));
        assertEquals(1e-12, value(r, "b"));
        assertEquals(1e-12, value(r, "c"));
        assertEquals(Double.POSITIVE_INFINITY, value(r, "d"));
        assertEquals(Double.NEGATIVE_INFINITY, value(r, "e"));
        assertTrue(Double.isNaN((Double) value(r, "f")));
        assertEquals(Boolean.TRUE, value(r, "g"));
        assertEquals(Boolean.FALSE, value(r, "h"));
        assertEquals("yes", value(r, "i"), "YAML 1.1 booleans stay strings");
        assertEquals("off", value(r, "j"));
        assertEquals("y", value(r, "k"), "a target column called y must stay a string");
        assertNull(value(r, "l"));
        assertNull(value(r, "m"));
        assertEquals("1.5", value(r, "n"), "quoted numbers are strings");
        assertEquals("true", value(r, "o"));
        assertEquals(31L, value(r, "p"));
        assertEquals(2_000_000L, value(r, "q"));
        assertEquals(15L, value(r, "r"));
        assertEquals("Nguyen-1", value(r, "s"));
        assertEquals(1e20, value(r, "t"));
        assertEquals(-3L, value(r, "u"));
    }

    @Test
    void numbersInListsStayNumbers() {
        ConfigNode.MapNode r = read("fs: [add, 1.0, 2, '3.5', const, 3.14159265358979323846]\n");
        assertEquals(List.of("add", 1.0, 2L, "3.5", "const", Math.PI), value(r, "fs"));
    }

    @Test
    void everyValueKnowsItsFileLineAndColumn() {
        ConfigNode.MapNode r = read("""
                task:
                  dataset: Nguyen-2
                  function_set: [add,   mul]
                training:
                  batch_size: 500
                """);
        assertEquals(new Location("cfg.yaml", 2, 12), ConfigNode.find(r, "task.dataset").location());
        ConfigNode.ListNode fs = (ConfigNode.ListNode) ConfigNode.find(r, "task.function_set");
        assertEquals(new Location("cfg.yaml", 3, 18), fs.items().get(0).location());
        assertEquals(new Location("cfg.yaml", 3, 25), fs.items().get(1).location());
        assertEquals(new Location("cfg.yaml", 5, 15), ConfigNode.find(r, "training.batch_size").location());
        // a nested block is located at its key, where an error about the whole section should point
        assertEquals(new Location("cfg.yaml", 4, 1), ConfigNode.find(r, "training").location());
        assertEquals("cfg.yaml:5:15", ConfigNode.find(r, "training.batch_size").location().toString());
    }

    @Test
    void duplicateKeysNameBothLines() {
        ConfigException e = assertThrows(ConfigException.class, () -> read("""
                training:
                  batch_size: 500
                  n_samples: 10
                  batch_size: 100
                """));
        assertEquals("cfg.yaml:4:3: key 'training.batch_size': duplicate key (first defined at cfg.yaml:2:3); "
                + "a key may appear only once in a mapping", e.getMessage());
    }

    @Test
    void syntaxErrorsGiveLineColumnAndNoJacksonNoise() {
        ConfigException e = assertThrows(ConfigException.class, () -> read("""
                task:
                  dataset: Nguyen-1
                  function_set: [add, mul
                training:
                  batch_size: 3
                """));
        assertTrue(e.getMessage().startsWith("cfg.yaml:4:"), e.getMessage());
        assertTrue(e.getMessage().contains(": invalid YAML: "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n") && !e.getMessage().contains("com.fasterxml"), e.getMessage());

        ConfigException tab = assertThrows(ConfigException.class, () -> read("task:\n\tdataset: x\n"));
        assertTrue(tab.getMessage().startsWith("cfg.yaml:2:1: invalid YAML: "), tab.getMessage());

        ConfigException indent = assertThrows(ConfigException.class, () -> read("a: 1\n  b: 2\n"));
        assertTrue(indent.getMessage().startsWith("cfg.yaml:2:"), indent.getMessage());
    }

    @Test
    void rootMustBeAMappingAndOneDocument() {
        ConfigException list = assertThrows(ConfigException.class, () -> read("- a\n- b\n"));
        assertTrue(list.getMessage().contains("expected a mapping of sections"), list.getMessage());
        ConfigException two = assertThrows(ConfigException.class, () -> read("a: 1\n---\nb: 2\n"));
        assertTrue(two.getMessage().startsWith("cfg.yaml:3:1: only one YAML document"), two.getMessage());
        assertTrue(read("").entries().isEmpty());
        assertTrue(read("# only a comment\n").entries().isEmpty());
    }

    @Test
    void anchorsAliasesAndMergeKeys() {
        ConfigNode.MapNode r = read("""
                base: &b {on: true, max_: 30}
                copy: *b
                merged:
                  <<: *b
                  max_: 40
                """);
        assertEquals(Map.of("on", true, "max_", 30L), value(r, "copy"));
        assertEquals(Map.of("on", true, "max_", 40L), value(r, "merged"));
        ConfigException e = assertThrows(ConfigException.class, () -> read("a: *nope\n"));
        assertTrue(e.getMessage().contains("unknown alias"), e.getMessage());
    }

    @Test
    void anchorsOnScalars() {
        ConfigNode.MapNode r = read("""
                training:
                  n_samples: &budget 20000
                  batch_size: *budget
                names: [&f sin, *f, &q 'x y', *q, !!str &s 1, *s, &e '', *e]
                """);
        assertEquals(20000L, value(r, "training.batch_size"));
        assertEquals(List.of("sin", "sin", "x y", "x y", "1", "1", "", ""), value(r, "names"));
        ConfigException e = assertThrows(ConfigException.class, () -> read("a: &x 1\nb: *y\n"));
        assertTrue(e.getMessage().contains("unknown alias"), e.getMessage());
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> YamlConfigReader.readFile(missing));
        assertTrue(e.getMessage().startsWith(missing + ": configuration file not found"), e.getMessage());
        ConfigException d = assertThrows(ConfigException.class, () -> YamlConfigReader.readFile(dir));
        assertTrue(d.getMessage().contains("is a directory"), d.getMessage());
    }

    @Test
    void readsFilesWithTheirPathAsSource(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.yaml");
        Files.writeString(f, "task:\n  dataset: Nguyen-3\n");
        ConfigNode.MapNode r = YamlConfigReader.readFile(f);
        assertEquals(new Location(f.toString(), 2, 12), ConfigNode.find(r, "task.dataset").location());
    }

    @Test
    void valuesForSetAreScalarsOrFlowCollections() {
        Location at = Location.commandLine("--set x=...");
        assertEquals(List.of("add", "mul", "x1"), YamlConfigReader.readValue("[add,mul,x1]", at).toPlain());
        assertEquals(30L, YamlConfigReader.readValue("30", at).toPlain());
        assertEquals(Map.of("on", false), YamlConfigReader.readValue("{on: false}", at).toPlain());
        assertNull(YamlConfigReader.readValue("", at).toPlain());
        assertEquals("10m", YamlConfigReader.readValue("10m", at).toPlain());
        ConfigException e = assertThrows(ConfigException.class, () -> YamlConfigReader.readValue("[a, [b]", at));
        assertTrue(e.getMessage().startsWith("command line (--set x=...): invalid YAML: "), e.getMessage());
    }
}
