package io.dsr4j.train.cli;

/**
 * Logging set-up that must happen before the first logger exists. SLF4J simple reads
 * {@code simplelogger.properties} (libraries at WARN, io.dsr4j at INFO, to stderr); system properties override it,
 * which is how {@code --verbose} switches io.dsr4j to DEBUG (and libraries to INFO). JavaCPP's own logger, which
 * prints native-library chatter directly, is routed through SLF4J. A user's own {@code -D} settings win.
 */
final class CliLogging {

    private CliLogging() { }

    static void configure(String[] args) {
        boolean verbose = false;
        for (String a : args) {
            if (a.equals("--")) break;
            if (a.equals("-v") || a.equals("--verbose")) verbose = true;
        }
        setIfAbsent("org.bytedeco.javacpp.logger", "slf4j");
        if (verbose) {
            setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
            setIfAbsent("org.slf4j.simpleLogger.log.io.dsr4j", "debug");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
