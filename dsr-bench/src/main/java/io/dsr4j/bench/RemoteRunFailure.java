package io.dsr4j.bench;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * A run that failed in another JVM (a Spark executor), kept as text: the exception's class may not exist here, and
 * need not be serializable. Recorded like a local failure: its one-line description in failures.csv, its remote
 * stack trace in the run's error.txt.
 */
public final class RemoteRunFailure extends Exception {

    private final String description;
    private final String remoteTrace;

    /**
     * @param description "SimpleClassName: message" on one line, as {@link FailureLog} describes a local failure
     * @param remoteTrace the stack trace as printed where the run failed
     */
    public RemoteRunFailure(String description, String remoteTrace) {
        super(description, null, false, false);
        this.description = description;
        this.remoteTrace = remoteTrace;
    }

    /** The one-line description of a failure, as failures.csv shows it. */
    public static String describe(Throwable error) {
        return FailureLog.describe(error);
    }

    public String description() {
        return description;
    }

    @Override
    public void printStackTrace(PrintWriter s) {
        s.print(remoteTrace);
    }

    @Override
    public void printStackTrace(PrintStream s) {
        s.print(remoteTrace);
    }
}
