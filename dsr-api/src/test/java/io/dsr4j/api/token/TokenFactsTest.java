package io.dsr4j.api.token;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenFactsTest {

    @Test
    void builderNamesWhatThePositionalConstructorTakes() {
        assertEquals(TokenFacts.NONE, TokenFacts.builder().build());
        TokenFacts log = TokenFacts.builder().domain(0, Double.POSITIVE_INFINITY, true).inverseOf("exp").build();
        assertEquals(new TokenFacts(false, "exp", 0, Double.POSITIVE_INFINITY, true, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, null, 100), log);
        assertEquals(new TokenFacts(true, null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, -1, 1, "+", 1),
                TokenFacts.builder().trig(true).range(-1, 1).operator("+", 1).build());
        assertEquals(log, log.toBuilder().build());
    }
}
