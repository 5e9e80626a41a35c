package io.dsr4j.config;

import io.dsr4j.api.config.ConfigNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's configuration reference names every key of the built-in defaults (keeps the docs honest). */
class ReadmeDocumentsDefaultsTest {

    @Test
    void everyDefaultKeyIsDocumented() throws Exception {
        Path readme = Path.of("..", "README.md"); // tests run in the module directory
        Assumptions.assumeTrue(Files.isRegularFile(readme), "README.md not found next to the module");
        String text = Files.readString(readme);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> section : ConfigLoader.defaults().entries().entrySet()) {
            String name = section.getKey();
            int start = text.indexOf("### `" + name + "`");
            if (start < 0) {
                missing.add("section " + name);
                continue;
            }
            int end = text.indexOf("\n### ", start + 1);
            String chunk = text.substring(start, end < 0 ? text.length() : end);
            List<String> keys = new ArrayList<>();
            ConfigNode.MapNode m = (ConfigNode.MapNode) section.getValue();
            if (name.equals("prior")) keys.addAll(m.entries().keySet()); // prior names; their keys are in the row
            else leaves("", m, keys);
            for (String k : keys) if (!chunk.contains("`" + k + "`")) missing.add(name + "." + k);
        }
        assertTrue(missing.isEmpty(), "README.md 'Configuration' does not document: " + missing);
    }

    private static void leaves(String prefix, ConfigNode.MapNode m, List<String> out) {
        m.entries().forEach((k, v) -> {
            if (v instanceof ConfigNode.MapNode child && !child.entries().isEmpty()) leaves(prefix + k + ".", child, out);
            else out.add(prefix + k);
        });
    }
}
