package io.dsr4j.train.cli;

import io.dsr4j.api.config.ConfigValidator;
import io.dsr4j.api.config.DsrConfig;
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
                "Checks sections, keys, types, ranges and every plugin name (policy, estimator, metric, constant "
                        + "optimizer, priors, function set); keys inside plugin sections are checked when a run "
                        + "builds the plugin."})
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
        DsrCli root = DsrCli.of(spec);
        if (!noNames) ConfigValidator.checkNames(c, root.plugins(), root.functionSetNames());
        PrintWriter out = spec.commandLine().getOut();
        out.print(c.resolvedYaml());
        out.flush();
        return DsrCli.EXIT_OK;
    }
}
