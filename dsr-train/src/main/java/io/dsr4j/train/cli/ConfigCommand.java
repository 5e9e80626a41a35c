package io.dsr4j.train.cli;

import io.dsr4j.config.ConfigValidator;
import io.dsr4j.config.DsrConfig;
import io.dsr4j.train.RunLimits;
import io.dsr4j.train.run.ExperimentRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code dsr config}: check a configuration without running it and print it fully resolved. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Check a configuration and print it fully resolved (defaults <- CONFIG <- --set), as a run "
                + "would write it to its config.yaml.",
                "Checks sections, keys, types, ranges, every plugin name (policy, estimator, metric, constant "
                        + "optimizer, priors, function set) and every plugin's settings, then builds what a run builds "
                        + "(data, library, priors, policy, estimator) without training and checks thread counts and "
                        + "the memory of a batch: what a run would reject is rejected here. --no-names skips both."})
final class ConfigCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--no-names", description = "Do not check plugin names (e.g. to inspect a config for plugins "
            + "that are not installed here).")
    boolean noNames;

    @Override
    public Integer call() {
        DsrConfig c = config.load();
        RunLimits.check(c);
        DsrCli root = DsrCli.of(spec);
        if (!noNames) {
            c = ConfigValidator.checkNames(c, root.plugins(), root.functionSetNames());
            // Build what a run builds (data, library, metric, priors, policy, estimator), without training, and check
            // its limits (threads, memory), so that everything a run would reject is rejected here too.
            for (String w : ExperimentRunner.preflight(c, root.plugins(), c.experiment().seed())) {
                spec.commandLine().getErr().println("dsr: warning: " + w);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(c.resolvedYaml());
        out.flush();
        return DsrCli.EXIT_OK;
    }
}
