package io.dsr4j.policy.dl4j;

import io.dsr4j.policy.RnnLayout;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The DL4J model of the policy: a {@link MultiLayerNetwork} of {@code num_layers} {@link LSTM} layers and an
 * {@link RnnOutputLayer} with identity activation (raw logits) whose loss is {@link PolicyGradientLossFunction}.
 * DL4J computes forward passes over whole sequences and all gradients (its LSTM backprop through time); parameters
 * move in and out in the canonical layout through {@link Dl4jParameterMap}. The optimiser is not DL4J's (see
 * {@link io.dsr4j.policy.PolicyOptimizer}), so the network's updater is {@link NoOp} and gradients are not divided by the batch
 * size ({@code miniBatch(false)}): the estimator's loss already carries its own normalisation.
 */
final class Dl4jLstmNetwork {

    private final RnnLayout layout;
    private final DataType dataType;
    private final MultiLayerNetwork net;
    private final Dl4jParameterMap map;
    private final PolicyGradientLossFunction loss;
    private final HostCopy host = new HostCopy();
    private final double[] flat;

    Dl4jLstmNetwork(RnnLayout layout, DataType dataType) {
        this.layout = layout;
        this.dataType = dataType;
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .dataType(dataType)
                .miniBatch(false)
                .updater(new NoOp())
                .weightInit(WeightInit.ZERO) // replaced by the canonical initialisation right away
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        for (int l = 0; l < layout.layers(); l++) {
            b.layer(new LSTM.Builder().nIn(layout.inputSize(l)).nOut(layout.units(l))
                    .activation(Activation.TANH).gateActivationFunction(Activation.SIGMOID)
                    .forgetGateBiasInit(1.0).build());
        }
        b.layer(new RnnOutputLayer.Builder().lossFunction(new PolicyGradientLossFunction())
                .nIn(layout.spec().outputUnits()).nOut(layout.library().size()).activation(Activation.IDENTITY).build());
        MultiLayerConfiguration conf = b.validateOutputLayerConfig(false).build();
        net = new MultiLayerNetwork(conf);
        net.init();
        // DL4J may copy the configuration: use the loss instance the output layer actually calls
        loss = (PolicyGradientLossFunction) ((org.deeplearning4j.nn.conf.layers.BaseOutputLayer) net.getOutputLayer().conf().getLayer()).getLossFn();
        map = new Dl4jParameterMap(layout);
        map.verifyAgainst(net, layout);
        flat = new double[(int) net.numParams()];
    }

    DataType dataType() { return dataType; }

    MultiLayerNetwork network() { return net; }

    PolicyGradientLossFunction loss() { return loss; }

    /** Number of canonical parameters held by the network (embeddings excluded). */
    int networkSize() { return map.networkSize(); }

    /** Writes the network part of {@code canonical} into the DL4J parameters. */
    void setParameters(double[] canonical) {
        map.toDl4j(canonical, flat);
        host.write(flat, net.params());
    }

    /** Reads the DL4J parameters into the network part of {@code canonical}. */
    void getParameters(double[] canonical) {
        host.read(net.params(), flat);
        map.toCanonical(flat, canonical);
    }

    /** Logits {@code [B, L, T]} of whole sequences (features {@code [B, nIn, T]}, mask {@code [B, T]}). */
    INDArray output(INDArray features, INDArray mask) {
        return net.output(features, false, mask, null);
    }

    /**
     * Backprop of the armed {@link PolicyGradientLossFunction} through the network: writes the gradient of the network
     * parameters in canonical order into {@code canonicalGradient}; returns d loss / d features {@code [B, nIn, T]}.
     */
    INDArray gradient(INDArray features, INDArray labels, INDArray mask, double[] canonicalGradient) {
        Pair<Gradient, INDArray> g = net.calculateGradients(features, labels, mask, mask);
        host.read(g.getFirst().gradient(), flat);
        map.toCanonical(flat, canonicalGradient);
        return g.getSecond();
    }

    /** A step-by-step forward pass for {@code batch} rows (sampling). */
    LstmStepper stepper(int batch) {
        return new LstmStepper(net, layout, dataType, batch);
    }
}
