package io.dsr4j.policy.dl4j;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;
import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.PolicyContext;
import io.dsr4j.api.policy.PolicyFactory;
import io.dsr4j.api.settings.Settings;

/**
 * Registers policy {@code dl4j-lstm}. DL4J/ND4J are optional dependencies of dsr-policy (the CLI jar contains them,
 * a library user adds them to use this policy); without them the name is still registered, with its settings, and
 * choosing it is a configuration error that says what to add.
 */
public final class Dl4jPoliciesPlugin implements DsrPlugin {

    /** True when DL4J and ND4J are on the class path. */
    static boolean dl4jPresent() {
        ClassLoader cl = Dl4jPoliciesPlugin.class.getClassLoader();
        try {
            Class.forName("org.nd4j.linalg.factory.Nd4j", false, cl);
            Class.forName("org.deeplearning4j.nn.multilayer.MultiLayerNetwork", false, cl);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public String name() { return "dl4j-policies"; }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                PluginBinder.policies(binder()).addBinding("dl4j-lstm")
                        .toInstance(dl4jPresent() ? Available.factory() : new Unavailable());
            }
        };
    }

    /** Loads the DL4J factory only when DL4J is there. */
    private static final class Available {
        static PolicyFactory factory() { return new Dl4jLstmPolicyFactory(); }
    }

    /** {@code dl4j-lstm} without DL4J/ND4J on the class path. */
    static final class Unavailable implements PolicyFactory {
        @Override
        public Policy create(PolicyContext context, Params params) {
            throw new ConfigException(params.keyPath("type") + ": policy 'dl4j-lstm' needs DL4J and ND4J on the class "
                    + "path, which this program does not include; add org.deeplearning4j:deeplearning4j-nn and "
                    + "org.nd4j:nd4j-native (plus its linux-x86_64 classifier) at version 1.0.0-M2.1, use the ./dsr "
                    + "command (its jar contains them) or choose policy type lstm");
        }

        @Override
        public Settings settings() { return Dl4jSettings.SETTINGS; }

        @Override
        public String description() { return "LSTM policy on DL4J/ND4J: not available (DL4J/ND4J not on the class path)"; }
    }
}
