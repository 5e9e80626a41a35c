package io.dsr4j.api.plugin.testplugins;

import io.dsr4j.api.constfit.ConstantOptimizerFactory;
import io.dsr4j.api.estimator.EstimatorFactory;
import io.dsr4j.api.policy.PolicyFactory;
import io.dsr4j.api.prior.PriorFactory;
import io.dsr4j.api.reward.Metric;
import io.dsr4j.api.reward.RewardFactory;
import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenFactory;
import io.dsr4j.api.token.TokenKind;

import java.util.Optional;

/** Minimal factories for registry tests; none of them is ever asked to build anything real. */
public final class Fakes {

    private Fakes() { }

    public static TokenFactory token(String name, int arity) {
        return new TokenFactory() {
            @Override
            public Token create(boolean protectedMode) {
                return new Token() {
                    public String name() { return name; }
                    public int arity() { return arity; }
                    public TokenKind kind() { return TokenKind.FUNCTION; }
                    public double complexity() { return 1; }
                };
            }

            @Override
            public String description() { return "test token " + name; }
        };
    }

    public static final class FakePolicyFactory implements PolicyFactory {
        @Override
        public io.dsr4j.api.policy.Policy create(io.dsr4j.api.policy.PolicyContext context, io.dsr4j.api.config.Params params) {
            throw new UnsupportedOperationException();
        }
    }

    public static PriorFactory prior() {
        return (context, params) -> Optional.empty();
    }

    public static EstimatorFactory estimator() {
        return (context, params) -> { throw new UnsupportedOperationException(); };
    }

    public static ConstantOptimizerFactory constantOptimizer() {
        return params -> { throw new UnsupportedOperationException(); };
    }

    public static RewardFactory reward() {
        return new RewardFactory() {
            @Override
            public int parameterCount() { return 1; }

            @Override
            public Metric create(double[] yTrain, double[] params) { throw new UnsupportedOperationException(); }
        };
    }
}
