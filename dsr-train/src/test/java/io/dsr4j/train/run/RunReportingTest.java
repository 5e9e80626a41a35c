package io.dsr4j.train.run;

import io.dsr4j.config.DsrConfig;
import io.dsr4j.config.YamlConfigReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import static io.dsr4j.train.run.RunTestSupport.QUIET;
import static io.dsr4j.train.run.RunTestSupport.REGISTRY;
import static io.dsr4j.train.run.RunTestSupport.config;
import static io.dsr4j.train.run.RunTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a run writes beside its results: plots, provenance and the report. */
class RunReportingTest {

    @TempDir
    Path tmp;

    @Test
    void aSmallRunWritesPlotsProvenanceAndReport() throws Exception {
        DsrConfig c = config(1000, 200, Map.of("training.early_stopping", "false"));
        Path dir = ExperimentRunner.newRunDirectory(tmp, "tiny");
        ExperimentRunner runner = RunTestSupport.runner();
        runner.setCommandLine("dsr run tiny.yaml --runs 2");
        runner.start(c, dir, List.of(3L, 4L), 1);
        for (long seed : List.of(3L, 4L)) {
            for (String png : List.of("training.png", "pareto.png")) {
                BufferedImage img = ImageIO.read(dir.resolve("seed_" + seed).resolve(png).toFile());
                assertNotNull(img, seed + "/" + png + " is a readable image");
                assertTrue(img.getWidth() >= 600 && img.getHeight() >= 400, png);
                assertTrue(distinctColours(img) > 10, png + " has something drawn on it");
            }
        }
        Object prov = YamlConfigReader.readFile(dir.resolve("provenance.yaml")).toPlain();
        Map<?, ?> p = (Map<?, ?>) prov;
        assertEquals("dsr run tiny.yaml --runs 2", p.get("command"));
        assertTrue(((Map<?, ?>) p.get("dsr4j")).containsKey("commit"));
        assertFalse(((List<?>) p.get("plugins")).isEmpty());
        assertTrue(((Map<?, ?>) p.get("machine")).containsKey("cores"));
        assertTrue(String.valueOf(p.get("nd4j")).startsWith("not loaded"));

        String report = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
        int recovered = (int) rows(dir.resolve("summary.csv")).stream().filter(r -> r.get(2).equals("true")).count();
        assertTrue(report.contains("**" + recovered + "/2** seeds recovered"), report);
        assertTrue(report.contains("`dsr run tiny.yaml --runs 2`"), report);
        assertTrue(report.contains("](seed_3/training.png)") && report.contains("](seed_4/pareto.png)"), report);
        assertTrue(report.contains("| `training.n_samples` | 1000 |"), report);
        assertTrue(report.contains("## Pareto front of seed"), report);
    }

    @Test
    void plotsCanBeSwitchedOffAndAPlottingFailureIsOnlyAWarning() throws Exception {
        DsrConfig off = config(400, 200, Map.of("training.early_stopping", "false", "logging.plots", "false"));
        Path a = ExperimentRunner.newRunDirectory(tmp, "off");
        assertEquals(1, RunTestSupport.runner().start(off, a, List.of(1L), 1).size());
        assertFalse(Files.exists(a.resolve("seed_1/training.png")));
        assertTrue(Files.readString(a.resolve("report.md")).contains("No plots"));

        // training.png cannot be written (a non-empty folder is in the way): the run still finishes and says why
        DsrConfig on = config(400, 200, Map.of("training.early_stopping", "false"));
        Path b = ExperimentRunner.newRunDirectory(tmp, "blocked");
        Files.createDirectories(b.resolve("seed_1/training.png"));
        Files.writeString(b.resolve("seed_1/training.png/keep"), "x");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExperimentRunner runner = new ExperimentRunner(REGISTRY, QUIET, new PrintStream(err, true, StandardCharsets.UTF_8));
        List<RunResult> results = runner.start(on, b, List.of(1L), 1);
        assertEquals(1, results.size());
        assertEquals(1, rows(b.resolve("summary.csv")).size());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("warning: no plots for"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBadPlotsValueIsAConfigurationError() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.dsr4j.api.config.ConfigException.class,
                () -> config(400, 200, Map.of("logging.plots", "maybe")));
        assertTrue(e.getMessage().contains("logging.plots"), e.getMessage());
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> c = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) c.add(img.getRGB(x, y));
        return c.size();
    }
}
