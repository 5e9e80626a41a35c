package io.dsr4j.programs.symbolic;

/** Outcome of a symbolic comparison; {@link #UNKNOWN} when it could not be decided (time limit, unsupported token). */
public enum Verdict {
    YES, NO, UNKNOWN;

    /** {@code "true"}, {@code "false"} or {@code ""} (CSV and YAML cells). */
    public String cell() {
        return this == YES ? "true" : this == NO ? "false" : "";
    }

    /** Reads {@link #cell()} back; anything else is {@link #UNKNOWN}. */
    public static Verdict ofCell(String s) {
        String t = s == null ? "" : s.trim();
        return t.equalsIgnoreCase("true") ? YES : t.equalsIgnoreCase("false") ? NO : UNKNOWN;
    }
}
