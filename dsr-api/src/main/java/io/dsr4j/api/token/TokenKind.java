package io.dsr4j.api.token;

/** What a library entry is. */
public enum TokenKind {
    /** Input variable x_i (arity 0). */
    INPUT,
    /** Hard-coded constant from the function set (arity 0). */
    CONSTANT,
    /** The {@code const} placeholder whose value is fitted per program (arity 0). */
    PLACEHOLDER,
    /**
     * A terminal whose values are fitted to the data per program (uDSR's {@code poly}: a polynomial in the inputs).
     * Priors treat it like a constant (not an input); evaluation reads it from an extra data column.
     */
    FITTED,
    /** Element-wise function of arity 1 or 2. */
    FUNCTION
}
