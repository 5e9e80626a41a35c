package io.dsr4j.policy.lstm;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.Settings;
import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.PolicyContext;
import io.dsr4j.api.policy.PolicyFactory;
import io.dsr4j.policy.RnnSpec;

/** Policy type {@code lstm}: the plain-Java recurrent policy ({@link JvmLstmPolicy}). */
public final class JvmLstmPolicyFactory implements PolicyFactory {

    public static final String NAME = "lstm";

    @Override
    public Policy create(PolicyContext context, Params params) {
        return new JvmLstmPolicy(RnnSpec.parse(params), context);
    }

    @Override
    public Settings settings() { return RnnSpec.SETTINGS; }

    @Override
    public String description() {
        return "plain-Java LSTM/GRU policy (CPU, double precision, multi-threaded, deterministic)";
    }
}
