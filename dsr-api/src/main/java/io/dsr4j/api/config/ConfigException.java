package io.dsr4j.api.config;

/**
 * A user error in configuration or input data. The CLI prints {@link #getMessage()} (one paragraph naming the
 * file/line/key and what is allowed) without a stack trace and exits with code 2.
 */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "FILE:LINE:COL: key 'a.b': problem" in the project's one standard shape. */
    public static ConfigException at(Location where, String keyPath, String problem) {
        return new ConfigException(where + ": key '" + keyPath + "': " + problem);
    }
}
