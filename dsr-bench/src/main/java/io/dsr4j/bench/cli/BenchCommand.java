package io.dsr4j.bench.cli;

import io.dsr4j.bench.BenchApp;
import io.dsr4j.bench.TrainerRunExecutor;
import io.dsr4j.train.cli.DsrCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code dsr bench GRID.yaml}: run (or resume) an experiment grid and tabulate it. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a grid of variants x benchmarks x seeds (configs/paper/*.yaml), appending each finished run "
                + "to DIR/results.csv; rerunning skips finished runs. Writes table.md, table.csv and recovery.png."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GRID", description = "Grid YAML file.")
    Path grid;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default bench/<grid name>[-quick]).")
    Path out;

    @Option(names = "--parallel", paramLabel = "P", defaultValue = "1", description = "Runs at once (default 1).")
    int parallel;

    @Option(names = "--quick", description = "Run the grid's quick version (minutes, few seeds, small budget).")
    boolean quick;

    @Option(names = "--seeds", paramLabel = "N", description = "Run seeds 0..N-1 instead of the grid's seeds "
            + "(e.g. 10 of Table 1's 100); finished runs of other seeds in DIR still count in the table.")
    Integer seeds;

    @Option(names = "--aggregate-only", description = "Only rebuild the tables from DIR/results.csv.")
    boolean aggregateOnly;

    @Override
    public Integer call() throws Exception {
        if (aggregateOnly) {
            if (out == null) throw new io.dsr4j.api.config.ConfigException("--aggregate-only needs --out DIR");
            BenchApp.aggregate(out);
            return DsrCli.EXIT_OK;
        }
        return BenchApp.run(grid, out, Math.max(1, parallel), quick, seeds, new TrainerRunExecutor(DsrCli.of(spec).plugins()),
                System.out);
    }
}
