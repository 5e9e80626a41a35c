package io.dsr4j.policy.dl4j;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.PolicyContext;
import io.dsr4j.api.policy.PolicyFactory;
import io.dsr4j.policy.RnnSpec;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

/**
 * {@code policy: {type: dl4j-lstm, ...}}: the {@link RnnSpec} keys plus {@code data_type: float | double}
 * (default float). {@code cell: gru} is rejected: DL4J 1.0.0-M2.1 has no GRU layer for {@code MultiLayerNetwork}.
 */
public final class Dl4jLstmPolicyFactory implements PolicyFactory {

    static final List<String> DATA_TYPES = List.of("float", "double");

    @Override
    public Policy create(PolicyContext context, Params params) {
        RnnSpec spec = RnnSpec.parse(params);
        String dt = params.getChoice("data_type", "float", DATA_TYPES);
        if (spec.cell() != RnnSpec.Cell.LSTM) {
            ConfigNode n = params.node().entries().get("cell");
            throw ConfigException.at(n == null ? params.location() : n.location(), key(params, "cell"),
                    "'" + spec.cell().yamlName() + "' is not supported by policy type dl4j-lstm (DL4J 1.0.0-M2.1 has no GRU "
                            + "layer for MultiLayerNetwork); allowed: lstm. Use policy type lstm for a GRU policy.");
        }
        return new Dl4jLstmPolicy(context.environment(), spec, dt.equals("double") ? DataType.DOUBLE : DataType.FLOAT,
                context.seed(), context.optimizer());
    }

    private static String key(Params p, String key) {
        return p.path().isEmpty() ? key : p.path() + "." + key;
    }

    @Override
    public String description() {
        return "LSTM policy on DL4J/ND4J (CPU; CUDA with the -Pcuda build); keys as lstm plus data_type: float|double";
    }
}
