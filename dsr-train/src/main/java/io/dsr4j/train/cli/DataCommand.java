package io.dsr4j.train.cli;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.data.Dataset;
import io.dsr4j.programs.data.BenchmarkDataset;
import io.dsr4j.programs.data.BenchmarkRegistry;
import io.dsr4j.programs.data.DatasetWriter;
import io.dsr4j.train.run.OutputDirs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code dsr data NAME}: write a benchmark's train and test sets as the reference lays them out. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Generate a benchmark's data exactly as the reference does and write NAME.csv and NAME_test.csv "
                + "(headerless, last column y).")
final class DataCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Benchmark name (see 'dsr benchmarks').")
    String name;

    @Option(names = "--seed", defaultValue = "0", description = "Data seed (reference default 0).")
    long seed;

    @Option(names = "--noise", defaultValue = "0", description = "Noise level eta (y += N(0, eta*RMS(y_train))).")
    double noise;

    @Option(names = "--data-factor", defaultValue = "1", description = "Multiply the number of training points.")
    double dataFactor;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (noise < 0) throw new ConfigException("--noise must be >= 0 (got " + noise + ")");
        if (!(dataFactor > 0)) throw new ConfigException("--data-factor must be > 0 (got " + dataFactor + ")");
        OutputDirs.requireDirectoryOrAbsent(out, "--out");
        Dataset d = BenchmarkDataset.generate(BenchmarkRegistry.get().get(name), seed, noise, dataFactor);
        Path train = DatasetWriter.write(d, out);
        spec.commandLine().getOut().println("wrote " + train + " and its _test.csv (" + d.trainSize() + " + "
                + d.testSize() + " rows)");
        return DsrCli.EXIT_OK;
    }
}
