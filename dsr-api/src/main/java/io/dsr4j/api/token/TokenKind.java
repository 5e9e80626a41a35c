package io.dsr4j.api.token;

/** What a library entry is. */
public enum TokenKind {
    /** Input variable x_i (arity 0). */
    INPUT,
    /** Hard-coded constant from the function set (arity 0). */
    CONSTANT,
    /** The {@code const} placeholder whose value is fitted per program (arity 0). */
    PLACEHOLDER,
    /** Element-wise function of arity 1 or 2. */
    FUNCTION
}
