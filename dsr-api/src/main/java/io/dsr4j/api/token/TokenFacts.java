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

    public boolean hasRestrictedDomain() {
        return domainLo != Double.NEGATIVE_INFINITY || domainHi != Double.POSITIVE_INFINITY;
    }

    public boolean hasRestrictedRange() {
        return rangeLo != Double.NEGATIVE_INFINITY || rangeHi != Double.POSITIVE_INFINITY;
    }
}
