package io.dsr4j.api.token;

/**
 * Optional facts about a token used by priors (trig, inverse, domain/range) and printing (operator precedence).
 *
 * @param trig       true for trigonometric functions (TrigConstraint)
 * @param inverseOf  name of the token this one inverts (exp for log, ...), or null (InverseUnaryConstraint)
 * @param domainLo   lower bound of the domain (exclusive when {@code domainOpen}); -inf if unbounded
 * @param domainHi   upper bound of the domain; +inf if unbounded
 * @param domainOpen true when the domain bounds are exclusive (log, sqrt: (0, inf))
 * @param rangeLo    lower bound of the range, -inf if unbounded
 * @param rangeHi    upper bound of the range, +inf if unbounded
 * @param operator   infix operator symbol ("+", "-", "*", "/") or null for function-call printing
 * @param precedence operator precedence for minimal parentheses (higher binds tighter)
 */
public record TokenFacts(boolean trig, String inverseOf,
                         double domainLo, double domainHi, boolean domainOpen,
                         double rangeLo, double rangeHi,
                         String operator, int precedence) {

    public static final TokenFacts NONE = new TokenFacts(false, null,
            Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false,
            Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null, 100);

    /**
     * A builder starting from {@link #NONE}, e.g.
     * {@code TokenFacts.builder().domain(0, Double.POSITIVE_INFINITY, true).inverseOf("exp").build()}.
     */
    public static Builder builder() { return new Builder(); }

    /** A builder starting from these facts. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.trig = trig;
        b.inverseOf = inverseOf;
        b.domainLo = domainLo;
        b.domainHi = domainHi;
        b.domainOpen = domainOpen;
        b.rangeLo = rangeLo;
        b.rangeHi = rangeHi;
        b.operator = operator;
        b.precedence = precedence;
        return b;
    }

    /** Builds {@link TokenFacts} by name instead of nine positional arguments. */
    public static final class Builder {
        private boolean trig;
        private String inverseOf;
        private double domainLo = Double.NEGATIVE_INFINITY;
        private double domainHi = Double.POSITIVE_INFINITY;
        private boolean domainOpen;
        private double rangeLo = Double.NEGATIVE_INFINITY;
        private double rangeHi = Double.POSITIVE_INFINITY;
        private String operator;
        private int precedence = 100;

        private Builder() { }

        /** A trigonometric function (the trig constraint). */
        public Builder trig(boolean v) { trig = v; return this; }

        /** The token this one inverts (the inverse constraint), e.g. "exp" for log. */
        public Builder inverseOf(String name) { inverseOf = name; return this; }

        /** Domain [lo, hi], or (lo, hi) when {@code open}. */
        public Builder domain(double lo, double hi, boolean open) {
            domainLo = lo;
            domainHi = hi;
            domainOpen = open;
            return this;
        }

        /** Range [lo, hi]. */
        public Builder range(double lo, double hi) {
            rangeLo = lo;
            rangeHi = hi;
            return this;
        }

        /** Infix operator symbol and precedence (higher binds tighter) for printing. */
        public Builder operator(String symbol, int prec) {
            operator = symbol;
            precedence = prec;
            return this;
        }

        public TokenFacts build() {
            return new TokenFacts(trig, inverseOf, domainLo, domainHi, domainOpen, rangeLo, rangeHi, operator, precedence);
        }
    }

    public boolean hasRestrictedDomain() {
        return domainLo != Double.NEGATIVE_INFINITY || domainHi != Double.POSITIVE_INFINITY;
    }

    public boolean hasRestrictedRange() {
        return rangeLo != Double.NEGATIVE_INFINITY || rangeHi != Double.POSITIVE_INFINITY;
    }
}
