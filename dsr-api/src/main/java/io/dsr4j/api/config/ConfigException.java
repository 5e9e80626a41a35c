package io.dsr4j.api.config;

/**
 * A user error in configuration or input data. The CLI prints {@link #getMessage()} (one paragraph naming the
 * file/line/key and what is allowed) without a stack trace and exits with code 2.
 */
public class ConfigException extends RuntimeException {

    /** Where the error is, when the message starts with one place (records are not serializable: not shipped). */
    private final transient Location location;
    private final String detail;

    public ConfigException(String message) {
        super(message);
        this.location = null;
        this.detail = message;
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.location = null;
        this.detail = message;
    }

    /** "WHERE: detail", remembering both parts (so that a caller can add its context after the place, once). */
    public ConfigException(Location where, String detail, Throwable cause) {
        super(where + ": " + detail, cause);
        this.location = where;
        this.detail = detail;
    }

    /** "FILE:LINE:COL: key 'a.b': problem" in the project's one standard shape. */
    public static ConfigException at(Location where, String keyPath, String problem) {
        return new ConfigException(where, "key '" + keyPath + "': " + problem, null);
    }

    /** Where the error is, or null when the message does not start with one place. */
    public Location location() {
        return location;
    }

    /** The message after its place ("key 'a.b': problem"); the whole message when {@link #location()} is null. */
    public String detail() {
        return detail;
    }
}
