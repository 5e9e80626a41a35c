package io.dsr4j.programs.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the dsr-programs benchmarks. Arguments are JMH's (e.g. {@code -f 1 -wi 2 -i 3}); without an include
 * pattern it runs every benchmark of this package. Run from the module with the test classpath, e.g.
 * {@code mvn -o -q -pl dsr-programs test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}
 * then {@code java -cp target/test-classes:target/classes:$(cat cp.txt) io.dsr4j.programs.bench.BenchMain}.
 */
public final class BenchMain {

    private BenchMain() { }

    public static void main(String[] args) throws RunnerException, org.openjdk.jmh.runner.options.CommandLineOptionException {
        CommandLineOptions cli = new CommandLineOptions(args);
        OptionsBuilder b = new OptionsBuilder();
        b.parent(cli);
        if (cli.getIncludes().isEmpty()) b.include(BenchMain.class.getPackageName() + "\\..*");
        new Runner(b.build()).run();
    }
}
