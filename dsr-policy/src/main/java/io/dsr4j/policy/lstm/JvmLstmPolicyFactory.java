package io.dsr4j.policy.lstm;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;
import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.PolicyContext;
import io.dsr4j.api.policy.PolicyFactory;
import io.dsr4j.policy.RnnSpec;

/** Policy type {@code lstm}: the plain-Java recurrent policy ({@link JvmLstmPolicy}). */
public final class JvmLstmPolicyFactory implements PolicyFactory {

    public static final String NAME = "lstm";

    /**
     * {@code precision}: arithmetic of the sampling forward pass. {@code float32} (LSTM cells only) samples with float
     * products and FMA; scoring and training stay double (see {@link JvmLstmPolicy.Precision}).
     */
    static final Setting<String> PRECISION = Setting.<String>custom("precision", "choice", "float64",
            "float64, float32 (float32: cell lstm only)", (params, s) -> {
                String v = params.getChoice("precision", "float64", java.util.List.of("float64", "float32"));
                if (v.equals("float32") && !RnnSpec.CELL.read(params).equals("lstm")) {
                    ConfigNode n = params.node().entries().get("precision");
                    throw ConfigException.at(n == null ? params.location() : n.location(), params.keyPath("precision"),
                            "'float32' is implemented for cell: lstm only (this policy has cell: "
                                    + RnnSpec.CELL.read(params) + "); allowed here: float64.");
                }
                return v;
            }).doc("sampling arithmetic: float64 (default) or float32 (float + FMA; scoring and training stay double)");

    static final Settings SETTINGS = RnnSpec.SETTINGS.and(PRECISION);

    @Override
    public Policy create(PolicyContext context, Params params) {
        RnnSpec spec = RnnSpec.parse(params);
        return new JvmLstmPolicy(spec, context, JvmLstmPolicy.Precision.of(PRECISION.read(params)));
    }

    @Override
    public Settings settings() { return SETTINGS; }

    @Override
    public String description() {
        return "plain-Java LSTM/GRU policy (CPU, double precision or float32 sampling, multi-threaded, deterministic)";
    }
}
