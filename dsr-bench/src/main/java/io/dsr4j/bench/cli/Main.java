package io.dsr4j.bench.cli;

import io.dsr4j.train.cli.DsrCli;

/**
 * Main class of the shaded jar ({@code dsr4j-cli.jar}, run by {@code ./dsr}): the {@link DsrCli} commands plus the
 * subcommands that need dsr-bench (add them to {@link #benchSubcommands()}, one entry each).
 */
public final class Main {

    private Main() { }

    /** dsr-bench's own subcommands (picocli {@code @Command} objects). */
    static Object[] benchSubcommands() {
        return new Object[]{
                new BenchCommand(),
        };
    }

    public static void main(String[] args) {
        System.exit(DsrCli.execute(args, benchSubcommands()));
    }
}
