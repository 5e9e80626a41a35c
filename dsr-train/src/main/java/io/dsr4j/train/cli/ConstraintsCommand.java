package io.dsr4j.train.cli;

import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.settings.FrameworkKeys;
import io.dsr4j.api.token.Library;
import io.dsr4j.config.ConfigValidator;
import io.dsr4j.config.DsrConfig;
import io.dsr4j.config.PluginRegistry;
import io.dsr4j.programs.prior.ConstraintReplay;
import io.dsr4j.programs.prior.PriorSet;
import io.dsr4j.train.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code dsr constraints CONFIG "tok,tok,..."}: replay a traversal through the configured priors. */
@Command(name = "constraints", mixinStandardHelpOptions = true,
        description = {"Replay a prefix traversal through the priors of a configuration and show, per position, "
                + "whether the token was allowed and which prior forbade it.",
                "Exit 0 when every position is allowed, 1 when one is forbidden, 2 for usage/config errors."})
final class ConstraintsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Parameters(index = "1", paramLabel = "TRAVERSAL", description = "Comma-separated prefix tokens, e.g. \"add,x1,sin,x1\".")
    String traversal;

    @Override
    public Integer call() {
        DsrConfig c = config.load();
        DsrCli root = DsrCli.of(spec);
        PluginRegistry reg = root.plugins();
        c = ConfigValidator.checkNames(c, reg, root.functionSetNames());
        Dataset data = Experiment.loadDataset(c, reg);
        Library lib = Experiment.buildLibrary(c, reg, data);
        int policyMax = FrameworkKeys.MAX_LENGTH.read(c.policy().params());
        PriorSet priors = PriorSet.build(c.priors(), reg.priors(), lib, data, policyMax);
        ConstraintReplay.Result r = ConstraintReplay.replay(priors.environment(), ConstraintReplay.parse(lib, traversal));
        PrintWriter out = spec.commandLine().getOut();
        out.print(r.format());
        out.flush();
        return r.allAllowed() ? DsrCli.EXIT_OK : DsrCli.EXIT_FAILURE;
    }
}
