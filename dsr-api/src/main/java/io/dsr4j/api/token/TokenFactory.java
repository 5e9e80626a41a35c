package io.dsr4j.api.token;

/**
 * Plugin kind "token": creates a named token. Registered under its function-set name with
 * {@code PluginBinder.tokens(binder()).addBinding("sin").toInstance(...)}.
 */
public interface TokenFactory {

    /**
     * @param protectedMode true when the task runs in protected mode: return the protected variant if there is one
     *                      (its name stays the plain name, as in the reference)
     */
    Token create(boolean protectedMode);

    /** One line for {@code ./dsr plugins}. */
    default String description() { return ""; }
}
