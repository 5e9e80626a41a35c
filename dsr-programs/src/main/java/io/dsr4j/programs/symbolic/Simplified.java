package io.dsr4j.programs.symbolic;

import java.util.Locale;

/**
 * Simplified forms of an expression, or its raw forms when simplification did not give a trustworthy result
 * ({@link #status} says why).
 */
public record Simplified(String infix, String latex, String sympy, Status status) {

    public enum Status {
        /** The computer-algebra result, checked to give the raw program's values on the data. */
        SIMPLIFIED,
        /** Simplification ran past its time limit: raw forms. */
        TIMEOUT,
        /** The simplified form changes values on the data (a protected operator's guard, a removed singularity): raw. */
        REJECTED,
        /** A token the computer-algebra translation does not know (a plugin token): raw forms. */
        UNSUPPORTED,
        /** The computer-algebra system failed: raw forms. */
        FAILED,
        /** No computer-algebra library on the class path: raw forms. */
        UNAVAILABLE,
        /** Simplification switched off ({@code logging.simplify: false}): raw forms. */
        OFF,
        /**
         * Simplification runs in a second process after training ({@code ./dsr run}, so that the computer algebra's
         * memory does not add to the training's): raw forms until {@code dsr simplify} has replaced them.
         */
        PENDING;

        public String yamlName() { return name().toLowerCase(Locale.ROOT); }
    }

    /** The raw forms with the reason they are kept. */
    public static Simplified raw(RawForms raw, Status status) {
        return new Simplified(raw.infix(), raw.latex(), raw.sympy(), status);
    }

    /** The printer's forms of the unsimplified program. */
    public record RawForms(String infix, String latex, String sympy) { }
}
