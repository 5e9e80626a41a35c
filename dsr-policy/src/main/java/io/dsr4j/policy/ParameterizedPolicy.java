package io.dsr4j.policy;

import io.dsr4j.api.policy.Policy;

/**
 * A recurrent policy whose weights can be read and written in the canonical {@link RnnLayout} order, so that two
 * engines can be compared on identical weights (and weights moved between them).
 */
public interface ParameterizedPolicy extends Policy {

    /** The layout of {@link #getParameters()}. */
    RnnLayout layout();

    /** A copy of all trainable parameters in {@link RnnLayout} order. */
    double[] getParameters();

    /**
     * Replaces all trainable parameters ({@code layout().size()} values in {@link RnnLayout} order). The optimiser
     * state is left as it is.
     */
    void setParameters(double[] parameters);

    @Override
    default int parameterCount() { return layout().size(); }
}
