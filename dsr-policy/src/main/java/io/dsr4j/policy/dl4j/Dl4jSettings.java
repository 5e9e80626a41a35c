package io.dsr4j.policy.dl4j;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;
import io.dsr4j.policy.RnnSpec;

/**
 * The keys of policy {@code dl4j-lstm}: the {@link RnnSpec} keys plus {@code data_type}. Kept apart from the factory
 * so that they can be declared (and checked) without DL4J/ND4J on the class path.
 */
final class Dl4jSettings {

    private Dl4jSettings() { }

    static final Setting<String> DATA_TYPE = Setting.choice("data_type", "float", "float", "double")
            .doc("ND4J data type of the network");

    /** {@code cell}: only lstm (checked up front, so {@code ./dsr config} rejects gru too). */
    static final Setting<String> CELL = Setting.<String>custom("cell", "choice", "lstm", "lstm", (params, s) -> {
        String cell = RnnSpec.CELL.read(params);
        if (!cell.equals("lstm")) {
            ConfigNode n = params.node().entries().get("cell");
            throw ConfigException.at(n == null ? params.location() : n.location(), params.keyPath("cell"),
                    "'" + cell + "' is not supported by policy type dl4j-lstm (DL4J 1.0.0-M2.1 has no GRU "
                            + "layer for MultiLayerNetwork); allowed: lstm. Use policy type lstm for a GRU policy.");
        }
        return cell;
    }).doc("recurrent cell: lstm only");

    static final Settings SETTINGS = Settings.of(RnnSpec.SETTINGS.list().stream()
            .map(s -> s.name().equals("cell") ? CELL : s).toList()).and(DATA_TYPE);
}
