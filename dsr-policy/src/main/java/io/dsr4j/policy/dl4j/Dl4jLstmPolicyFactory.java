package io.dsr4j.policy.dl4j;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;
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

    static final Setting<String> DATA_TYPE = Setting.choice("data_type", "float", "float", "double")
            .doc("ND4J data type of the network");

    /** {@code cell}: only lstm (checked up front, so {@code ./dsr config} rejects gru too). */
    static final Setting<String> CELL = Setting.<String>custom("cell", "choice", "lstm", "lstm", (params, s) -> {
        String cell = RnnSpec.CELL.read(params);
        if (!cell.equals("lstm")) {
            ConfigNode n = params.node().entries().get("cell");
            throw ConfigException.at(n == null ? params.location() : n.location(), key(params, "cell"),
                    "'" + cell + "' is not supported by policy type dl4j-lstm (DL4J 1.0.0-M2.1 has no GRU "
                            + "layer for MultiLayerNetwork); allowed: lstm. Use policy type lstm for a GRU policy.");
        }
        return cell;
    }).doc("recurrent cell: lstm only");

    static final Settings SETTINGS = Settings.of(RnnSpec.SETTINGS.list().stream()
            .map(s -> s.name().equals("cell") ? CELL : s).toList()).and(DATA_TYPE);

    @Override
    public Settings settings() { return SETTINGS; }

    @Override
    public Policy create(PolicyContext context, Params params) {
        CELL.read(params);
        RnnSpec spec = RnnSpec.parse(params);
        String dt = DATA_TYPE.read(params);
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
