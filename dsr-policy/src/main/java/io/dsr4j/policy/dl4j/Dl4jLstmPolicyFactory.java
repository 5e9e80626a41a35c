package io.dsr4j.policy.dl4j;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.Settings;
import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.PolicyContext;
import io.dsr4j.api.policy.PolicyFactory;
import io.dsr4j.policy.RnnSpec;
import org.nd4j.linalg.api.buffer.DataType;


/**
 * {@code policy: {type: dl4j-lstm, ...}}: the {@link RnnSpec} keys plus {@code data_type: float | double}
 * (default float). {@code cell: gru} is rejected: DL4J 1.0.0-M2.1 has no GRU layer for {@code MultiLayerNetwork}.
 */
public final class Dl4jLstmPolicyFactory implements PolicyFactory {

    @Override
    public Settings settings() { return Dl4jSettings.SETTINGS; }

    @Override
    public Policy create(PolicyContext context, Params params) {
        Dl4jSettings.CELL.read(params);
        RnnSpec spec = RnnSpec.parse(params);
        String dt = Dl4jSettings.DATA_TYPE.read(params);
        return new Dl4jLstmPolicy(context.environment(), spec, dt.equals("double") ? DataType.DOUBLE : DataType.FLOAT,
                context.seed(), context.optimizer());
    }

    @Override
    public String description() {
        return "LSTM policy on DL4J/ND4J (CPU; CUDA with the -Pcuda build); keys as lstm plus data_type: float|double";
    }
}
