package io.dsr4j.train.cli;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigLoader;
import io.dsr4j.api.config.ConfigValidator;
import io.dsr4j.api.config.DsrConfig;
import io.dsr4j.train.run.ExperimentRunner;
import io.dsr4j.train.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code dsr run}: train on a configuration for one or more seeds, or resume a run directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an experiment: seeds S..S+K-1 of CONFIG, written to DIR/<exp_name>/ (config.yaml, "
                + "summary.csv, seed_<S>/...). Exit 0 when the runs completed, whether or not they recovered the target."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--seed", paramLabel = "S", description = "First seed (default: experiment.seed).")
    Long seed;

    @Option(names = "--runs", paramLabel = "K", defaultValue = "1", description = "Number of seeds (default 1).")
    int runs;

    @Option(names = "--parallel", paramLabel = "P", defaultValue = "1",
            description = "Seeds run at once in this JVM (default 1).")
    int parallel;

    @Option(names = "--out", paramLabel = "DIR", description = "Parent directory of the run (default: experiment.logdir).")
    Path out;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue an interrupted run directory (its config.yaml and seeds; finished seeds are skipped).")
    Path resume;

    @Override
    public Integer call() throws IOException {
        if (runs < 1) throw new ConfigException("--runs must be at least 1 (got " + runs + ")");
        if (parallel < 1) throw new ConfigException("--parallel must be at least 1 (got " + parallel + ")");
        DsrCli root = DsrCli.of(spec);
        ExperimentRunner runner = new ExperimentRunner(root.plugins(), System.out, System.err);
        List<RunResult> results;
        Path runDir;
        if (resume != null) {
            if (config.file() != null || !config.sets().isEmpty() || seed != null) {
                throw new ConfigException("--resume takes the run directory only: its config.yaml and run.yaml fix the "
                        + "configuration and seeds (do not pass CONFIG, --set or --seed)");
            }
            runDir = resume;
            Path cfgFile = runDir.resolve("config.yaml");
            if (!Files.isRegularFile(cfgFile)) {
                throw new ConfigException(runDir + " is not a run directory (no config.yaml); pass the directory that "
                        + "'dsr run' printed, e.g. runs/Nguyen-1");
            }
            DsrConfig c = ConfigLoader.load(cfgFile, List.of());
            ConfigValidator.checkNames(c, root.plugins(), root.functionSetNames());
            RunPlan plan = RunPlan.read(runDir);
            runner.validate(c, plan.seeds().get(0));
            results = runner.execute(c, runDir, plan.seeds(), parallel > 1 ? parallel : plan.parallel(), true);
        } else {
            DsrConfig c = config.load();
            ConfigValidator.checkNames(c, root.plugins(), root.functionSetNames());
            long first = seed != null ? seed : c.experiment().seed();
            List<Long> seeds = new ArrayList<>();
            for (int i = 0; i < runs; i++) seeds.add(first + i);
            String name = c.experiment().expName() != null ? c.experiment().expName()
                    : Path.of(c.task().dataset()).getFileName().toString().replaceFirst("\\.csv$", "");
            runner.validate(c, first);
            Path parent = out != null ? out : Path.of(c.experiment().logdir());
            runDir = ExperimentRunner.newRunDirectory(parent, name);
            System.out.println("run directory: " + runDir);
            results = runner.start(c, runDir, seeds, parallel);
        }
        long ok = results.stream().filter(RunResult::success).count();
        System.out.printf("%d/%d seed(s) recovered the target; summary: %s%n", ok, results.size(),
                runDir.resolve(ExperimentRunner.SUMMARY));
        return DsrCli.EXIT_OK;
    }

    /** The seeds and parallelism recorded in run.yaml. */
    record RunPlan(List<Long> seeds, int parallel) {
        private static final Pattern SEEDS = Pattern.compile("seeds:\\s*\\[([^]]*)]");
        private static final Pattern PAR = Pattern.compile("parallel:\\s*(\\d+)");

        static RunPlan read(Path runDir) throws IOException {
            Path f = runDir.resolve("run.yaml");
            if (!Files.isRegularFile(f)) throw new ConfigException(runDir + " has no run.yaml: not a dsr run directory");
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Matcher m = SEEDS.matcher(text);
            if (!m.find()) throw new ConfigException(f + ": no 'seeds: [...]' line");
            List<Long> seeds = new ArrayList<>();
            for (String s : m.group(1).split(",")) if (!s.isBlank()) seeds.add(Long.parseLong(s.trim()));
            Matcher p = PAR.matcher(text);
            return new RunPlan(seeds, p.find() ? Integer.parseInt(p.group(1)) : 1);
        }
    }
}
