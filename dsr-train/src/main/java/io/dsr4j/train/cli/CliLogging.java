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
        // JavaCPP's physical-memory guard reads the process RSS on every native allocation (every ND4J op allocates
        // small shape buffers): 16 % of the dl4j-lstm training step's CPU time (JFR). Its byte accounting
        // (maxBytes) still triggers GC. Set by the command, which owns the process, not by the library.
        if (System.getProperty("org.bytedeco.javacpp.maxphysicalbytes") == null) {
            setIfAbsent("org.bytedeco.javacpp.maxPhysicalBytes", "0");
        }
        for (String quiet : new String[]{"org.nd4j", "org.deeplearning4j", "org.bytedeco"}) {
            setIfAbsent("org.slf4j.simpleLogger.log." + quiet, "warn"); // ND4J's start-up INFO chatter
        }
        if (verbose) {
            setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
            setIfAbsent("org.slf4j.simpleLogger.log.io.dsr4j", "debug");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
