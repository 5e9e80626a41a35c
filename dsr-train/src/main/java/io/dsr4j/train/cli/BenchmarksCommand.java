package io.dsr4j.train.cli;

import io.dsr4j.programs.data.Benchmark;
import io.dsr4j.programs.data.BenchmarkRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code dsr benchmarks}: the built-in benchmark definitions. */
@Command(name = "benchmarks", mixinStandardHelpOptions = true,
        description = "List benchmarks (name, variables, target expression, function set); with a prefix, only matching names.")
final class BenchmarksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "PREFIX", description = "Only names starting with this, e.g. Nguyen.")
    String prefix;

    @Override
    public Integer call() {
        BenchmarkRegistry reg = BenchmarkRegistry.get();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-22s %4s  %-14s %s%n", "name", "vars", "function set", "expression");
        for (String name : reg.names()) {
            if (prefix != null && !name.toLowerCase().startsWith(prefix.toLowerCase())) continue;
            Benchmark b = reg.get(name);
            List<String> fs = reg.functionSet(b.functionSetName());
            out.printf("%-22s %4d  %-14s %s%n", b.name(), b.variableCount(), b.functionSetName(), b.expression());
            if (prefix != null) out.printf("%-22s %4s  %-14s   tokens: %s%n", "", "", "", String.join(",", fs));
        }
        out.flush();
        return DsrCli.EXIT_OK;
    }
}
