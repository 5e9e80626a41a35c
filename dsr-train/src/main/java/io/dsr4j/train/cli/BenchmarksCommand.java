package io.dsr4j.train.cli;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Suggestions;
import io.dsr4j.programs.data.Benchmark;
import io.dsr4j.programs.data.BenchmarkRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
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
        List<String> names = reg.names().stream()
                .filter(n -> prefix == null || n.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)))
                .toList();
        if (names.isEmpty()) throw noMatch(reg);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-22s %4s  %-14s %s%n", "name", "vars", "function set", "expression");
        for (String name : names) {
            Benchmark b = reg.get(name);
            List<String> fs = reg.functionSet(b.functionSetName());
            out.printf("%-22s %4d  %-14s %s%n", b.name(), b.variableCount(), b.functionSetName(), b.expression());
            if (prefix != null) out.printf("%-22s %4s  %-14s   tokens: %s%n", "", "", "", String.join(",", fs));
        }
        out.flush();
        return DsrCli.EXIT_OK;
    }

    /** A prefix no name starts with: a user error (exit 2), with the closest family or name. */
    private ConfigException noMatch(BenchmarkRegistry reg) {
        Set<String> candidates = new TreeSet<>(reg.names());
        for (String n : reg.names()) candidates.add(n.replaceFirst("[-_]?[0-9]+[a-z]?$", "")); // families: Nguyen, R, ...
        return new ConfigException("no benchmark name starts with '" + prefix + "'" + Suggestions.hint(prefix, candidates)
                + "; ./dsr benchmarks without a prefix lists all " + reg.names().size());
    }
}
