package io.dsr4j.train.cli;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.config.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The {@code dsr} command. Subcommands built into dsr-train are listed in {@code subcommands} below (adding one is
 * one entry there); modules further up (dsr-bench) pass theirs to {@link #commandLine(Object...)}. Subcommands reach
 * the shared state (plugins, verbosity) with {@link #of(CommandSpec)}.
 *
 * <p>Exit codes: 0 success; 1 failure: a seed or run failed, an I/O error (one line, e.g. disk full) or an unexpected
 * error (message and stack trace); 2 user error: a {@link ConfigException} anywhere in the cause chain (one
 * paragraph, no stack trace) or a command-line usage error; 130 interrupted.
 */
@Command(name = "dsr", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true, sortOptions = false,
        description = "Deep Symbolic Regression on the JVM: recover closed-form expressions from data.",
        footer = {"", "Run 'dsr COMMAND --help' for the options of a command."},
        subcommands = {
                RunCommand.class,
                SimplifyCommand.class,
                ConstraintsCommand.class,
                BenchmarksCommand.class,
                DataCommand.class,
                PluginsCommand.class,
                ConfigCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class DsrCli implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;
    /** Stopped before finishing (Ctrl-C gives the same code, 128 + SIGINT); resumable. */
    public static final int EXIT_INTERRUPTED = 130;

    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Debug logging for dsr4j (and INFO for libraries such as ND4J).")
    boolean verbose;

    @Option(names = "--plugins", paramLabel = "DIR|JAR", scope = ScopeType.INHERIT,
            description = "Extra plugin directory or jar (repeatable), in addition to plugins/ next to ./dsr.")
    List<Path> extraPluginPaths = new ArrayList<>();

    private final PluginRegistry fixedRegistry;
    private PluginRegistry registry;
    private Supplier<Set<String>> functionSetNames =
            () -> new java.util.TreeSet<>(io.dsr4j.programs.data.BenchmarkRegistry.get().functionSetNames());

    /** The command as started from the shell: plugins from the class path and {@code -Ddsr.plugins}. */
    public DsrCli() {
        this(null);
    }

    /** A command that uses exactly {@code registry} (tests and embedding applications). */
    public DsrCli(PluginRegistry registry) {
        this.fixedRegistry = registry;
    }

    /** The root command object of any (sub)command, e.g. {@code DsrCli.of(spec).plugins()} in a subcommand. */
    public static DsrCli of(CommandSpec anySpec) {
        return (DsrCli) anySpec.root().userObject();
    }

    /** All plugins (loaded once, on first use). */
    /** The command as typed, for provenance and reports: {@code dsr run configs/nguyen/Nguyen-1.yaml --runs 10}. */
    public static String invocation(CommandSpec anySpec) {
        StringBuilder sb = new StringBuilder("dsr");
        for (String a : anySpec.root().commandLine().getParseResult().originalArgs()) {
            sb.append(' ').append(a.isEmpty() || a.matches(".*[\\s'\"$`\\\\].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return sb.toString();
    }

    public PluginRegistry plugins() {
        if (registry == null) {
            if (fixedRegistry != null) {
                registry = fixedRegistry;
            } else {
                // report plugin path problems once, before loading: warnings, or errors for --plugins paths
                PrintWriter err = spec != null ? spec.commandLine().getErr() : new PrintWriter(System.err, true);
                for (Path p : PluginPaths.split(System.getProperty(PluginRegistry.PLUGINS_PROPERTY, ""))) {
                    PluginPaths.checkListed(p, err);
                }
                for (Path p : extraPluginPaths) PluginPaths.checkNamed(p, err);
                ClassLoader cl = Thread.currentThread().getContextClassLoader();
                registry = PluginRegistry.load(cl != null ? cl : DsrCli.class.getClassLoader(), pluginPaths());
            }
        }
        return registry;
    }

    /** The plugin directories and jars beyond the class path: {@code -Ddsr.plugins} and {@code --plugins}. */
    public List<Path> pluginPaths() {
        List<Path> paths = new ArrayList<>();
        for (String part : System.getProperty(PluginRegistry.PLUGINS_PROPERTY, "").split(File.pathSeparator)) {
            if (!part.isBlank()) paths.add(Path.of(part.trim()));
        }
        for (Path p : extraPluginPaths) {
            if (!p.toFile().exists()) throw new ConfigException("--plugins " + p + ": no such directory or jar");
            paths.add(p);
        }
        return paths;
    }

    /** The named function sets (e.g. Koza) for name checks, or null when unknown; see {@link #functionSetNames(Supplier)}. */
    public Set<String> functionSetNames() { return functionSetNames.get(); }

    /** Where the named function sets come from (set by the module that ships them). */
    public DsrCli functionSetNames(Supplier<Set<String>> source) {
        this.functionSetNames = source;
        return this;
    }

    public boolean verbose() { return verbose; }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("dsr: error: missing command");
        spec.commandLine().usage(err);
        return EXIT_USAGE;
    }

    /** The command line with the built-in subcommands plus {@code extraSubcommands} (picocli {@code @Command} objects). */
    public static CommandLine commandLine(Object... extraSubcommands) {
        return commandLine(new DsrCli(), extraSubcommands);
    }

    /** Like {@link #commandLine(Object...)} with a given root (e.g. one with a fixed plugin registry). */
    public static CommandLine commandLine(DsrCli root, Object... extraSubcommands) {
        CommandLine cl = new CommandLine(root);
        for (Object sub : extraSubcommands) cl.addSubcommand(sub);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(DsrCli::onExecutionException);
        cl.setParameterExceptionHandler(DsrCli::onParameterException);
        return cl;
    }

    /** Configures logging from {@code args} and runs; returns the exit code. */
    public static int execute(String[] args, Object... extraSubcommands) {
        return execute(new DsrCli(), args, extraSubcommands);
    }

    /** Like {@link #execute(String[], Object...)} with a configured root (e.g. {@link #functionSetNames(Supplier)}). */
    public static int execute(DsrCli root, String[] args, Object... extraSubcommands) {
        CliLogging.configure(args);
        return commandLine(root, extraSubcommands).execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int onExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        ConfigException userError = userError(ex);
        if (userError != null) {
            err.println("dsr: error: " + userError.getMessage());
            err.flush();
            return EXIT_USAGE;
        }
        IOException io = ioError(ex);
        if (io != null) {
            // the environment, not a bug: disk full, permission denied, ... One line; the trace only with -v.
            err.println("dsr: error: " + describe(io));
            if (of(cl.getCommandSpec()).verbose) ex.printStackTrace(err);
            err.flush();
            return EXIT_FAILURE;
        }
        if (ex instanceof InterruptedException) {
            err.println("dsr: interrupted");
            err.flush();
            return EXIT_INTERRUPTED;
        }
        err.println("dsr: internal error: " + ex);
        ex.printStackTrace(err);
        err.flush();
        return EXIT_FAILURE;
    }

    /** The IOException behind {@code t} (possibly wrapped), or null. */
    static IOException ioError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException io) return io;
            if (c.getCause() == c) break;
        }
        return null;
    }

    /** One line for an I/O error: the file and the system's reason where known. */
    static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException a) return "cannot write or read " + a.getFile() + ": permission denied";
        if (e instanceof java.nio.file.NoSuchFileException n) return n.getFile() + ": no such file or directory";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return (f.getFile() != null ? f.getFile() + ": " : "") + f.getReason();
        }
        String m = e.getMessage();
        return "I/O error: " + (m == null ? e.getClass().getSimpleName() : m).replace('\n', ' ');
    }

    /** The ConfigException behind {@code t} (possibly wrapped by Guice, executors, ...), or null. */
    static ConfigException userError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConfigException ce) return ce;
            if (c.getCause() == c) break;
        }
        return null;
    }

    static int onParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("dsr: error: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return EXIT_USAGE;
    }
}
