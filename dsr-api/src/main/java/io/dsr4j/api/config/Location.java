package io.dsr4j.api.config;

/** Where a configuration value came from: a file with line and column, the built-in defaults, or a --set override. */
public record Location(String source, int line, int column) {

    public static final Location DEFAULTS = new Location("built-in defaults", 0, 0);

    public static Location commandLine(String option) {
        return new Location("command line (" + option + ")", 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }
}
