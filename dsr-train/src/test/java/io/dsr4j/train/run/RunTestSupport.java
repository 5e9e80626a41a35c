package io.dsr4j.train.run;

import io.dsr4j.programs.data.QuotedCsv;

import io.dsr4j.config.ConfigLoader;
import io.dsr4j.config.DsrConfig;
import io.dsr4j.config.PluginRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared set-up for end-to-end run tests: small configurations and CSV helpers. */
final class RunTestSupport {

    static final PluginRegistry REGISTRY = PluginRegistry.load();
    static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private RunTestSupport() { }

    /** Nguyen-1 with a small budget; extra entries are "section.key" → value overrides. */
    static DsrConfig config(long nSamples, int batch, Map<String, Object> overrides) {
        List<String> sets = new ArrayList<>();
        sets.add("task.dataset=Nguyen-1");
        sets.add("training.n_samples=" + nSamples);
        sets.add("training.batch_size=" + batch);
        sets.add("logging.progress=off");
        // simplified forms and symbolic success have time limits; generous ones keep runs comparable on a busy machine
        sets.add("logging.simplify_limit=60");
        overrides.forEach((k, v) -> sets.add(k + "=" + v));
        return ConfigLoader.load(null, sets);
    }

    static ExperimentRunner runner() {
        return new ExperimentRunner(REGISTRY, QUIET, System.err);
    }

    /** CSV rows (header excluded) with the given columns dropped (e.g. wall time). */
    static List<List<String>> rows(Path csv, String... dropColumns) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = QuotedCsv.split(lines.get(0));
        List<Integer> drop = new ArrayList<>();
        for (String c : dropColumns) drop.add(header.indexOf(c));
        List<List<String>> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = new ArrayList<>(QuotedCsv.split(lines.get(i)));
            for (int j = f.size() - 1; j >= 0; j--) if (drop.contains(j)) f.remove(j);
            out.add(f);
        }
        return out;
    }

    static int column(Path csv, String name) throws IOException {
        return QuotedCsv.split(Files.readAllLines(csv, StandardCharsets.UTF_8).get(0)).indexOf(name);
    }
}
