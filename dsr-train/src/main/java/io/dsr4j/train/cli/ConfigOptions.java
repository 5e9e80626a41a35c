package io.dsr4j.train.cli;

import io.dsr4j.config.ConfigLoader;
import io.dsr4j.config.DsrConfig;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration arguments shared by commands that run experiments: {@code [CONFIG] [--set KEY=VALUE]...}.
 * Use as {@code @Mixin ConfigOptions config;} and call {@link #load()}.
 */
public final class ConfigOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG",
            description = "YAML configuration file; omitted: the built-in defaults (DSO's regression defaults).")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = {"Override one value after the file (repeatable), e.g. --set training.batch_size=500,",
                    "--set task.function_set=[add,mul,sin,cos], --set prior.length.max_=30. "
                            + "VALUE is YAML: a scalar, [a,b] or {k: v}."})
    List<String> sets = new ArrayList<>();

    /** The configuration file, or null. */
    public Path file() { return file; }

    /** The {@code --set} assignments in order. */
    public List<String> sets() { return List.copyOf(sets); }

    /** Defaults ← file ← --set, validated (sections, keys, types, ranges; names are checked by ConfigValidator). */
    public DsrConfig load() {
        return ConfigLoader.load(file, sets);
    }
}
