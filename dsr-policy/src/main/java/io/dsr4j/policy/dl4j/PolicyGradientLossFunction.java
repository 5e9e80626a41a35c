package io.dsr4j.policy.dl4j;

import io.dsr4j.api.policy.PolicyLoss;
import io.dsr4j.api.policy.SequenceBatch;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * DL4J loss of the output layer: an estimator's {@link PolicyLoss} over per-sequence neglogp and γ-discounted
 * entropy of the prior-adjusted distribution. DL4J hands over the 2-D outputs of every (sequence, step); each row's
 * labels carry {@code [action, sequence index, step]}, so the loss needs no assumption about DL4J's row order, and
 * the step's prior is read from the {@link SequenceBatch} being trained.
 *
 * <p>One forward/backward pass: {@link #computeGradient} (called first by DL4J's backprop) aggregates neglogp and
 * entropy per sequence, calls {@link PolicyLoss#evaluate} once for the per-sequence weights, and returns
 * d loss / d output; {@link #computeScore} returns the value that call produced. The per-row math runs on the host
 * in double precision ({@link AdjustedDistribution}): forbidden tokens contribute exactly 0, never NaN.
 */
final class PolicyGradientLossFunction implements ILossFunction {

    private static final long serialVersionUID = 1L;

    /** Label channels per (sequence, step). */
    static final int LABEL_CHANNELS = 3;
    static final int LABEL_ACTION = 0;
    static final int LABEL_SEQUENCE = 1;
    static final int LABEL_STEP = 2;

    private transient SequenceBatch batch;
    private transient PolicyLoss loss;
    private transient AdjustedDistribution distribution;
    private transient double[] neglogp;
    private transient double[] entropy;
    private transient double value = Double.NaN;
    private transient boolean evaluated;

    /** Arms the loss for one training pass over {@code batch}. */
    void begin(SequenceBatch batch, PolicyLoss loss, AdjustedDistribution distribution) {
        this.batch = batch;
        this.loss = loss;
        this.distribution = distribution;
        this.neglogp = new double[batch.size()];
        this.entropy = new double[batch.size()];
        this.value = Double.NaN;
        this.evaluated = false;
    }

    /** Disarms the loss; returns the loss value of the pass. */
    double end() {
        if (!evaluated) throw new IllegalStateException("DL4J did not evaluate the policy loss");
        batch = null;
        loss = null;
        return value;
    }

    /** Per-sequence neglogp of the last pass. */
    double[] neglogp() { return neglogp; }

    /** Per-sequence discounted entropy of the last pass. */
    double[] entropy() { return entropy; }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        requireIdentity(activationFn);
        if (batch == null) throw new IllegalStateException("policy loss used outside a training step");
        int rows = (int) preOutput.size(0), L = (int) preOutput.size(1);
        double[] out = HostCopy.toDoubles(preOutput);
        double[] lab = HostCopy.toDoubles(labels);
        double[] m = mask == null ? null : HostCopy.toDoubles(mask);
        double gamma = loss.entropyGamma();
        java.util.Arrays.fill(neglogp, 0);
        java.util.Arrays.fill(entropy, 0);
        for (int r = 0; r < rows; r++) {
            if (m != null && m[r] == 0) continue;
            int i = sequence(lab, r), t = step(lab, r);
            distribution.set(out, r * L, 1, batch.priorArray(), batch.priorOffset(i, t));
            neglogp[i] -= distribution.logProb(action(lab, r));
            entropy[i] += Math.pow(gamma, t) * distribution.entropy();
        }
        double[] wNeglogp = new double[neglogp.length], wEntropy = new double[entropy.length];
        value = loss.evaluate(neglogp, entropy, wNeglogp, wEntropy);
        evaluated = true;
        double[] grad = new double[rows * L];
        for (int r = 0; r < rows; r++) {
            if (m != null && m[r] == 0) continue; // masked steps: zero gradient
            int i = sequence(lab, r), t = step(lab, r);
            distribution.set(out, r * L, 1, batch.priorArray(), batch.priorOffset(i, t));
            distribution.gradient(action(lab, r), wNeglogp[i], wEntropy[i] * Math.pow(gamma, t), grad, r * L, 1);
        }
        return Nd4j.create(grad, new long[] {rows, L}, 'c').castTo(preOutput.dataType());
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        if (!evaluated) computeGradient(labels, preOutput, activationFn, mask);
        return value;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        throw new UnsupportedOperationException("the policy loss is not a sum of per-example scores");
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                         INDArray mask, boolean average) {
        INDArray g = computeGradient(labels, preOutput, activationFn, mask);
        return new Pair<>(value, g);
    }

    @Override
    public String name() { return "policy-gradient"; }

    @Override
    public String toString() { return "PolicyGradientLossFunction()"; }

    private static void requireIdentity(IActivation a) {
        if (!(a instanceof ActivationIdentity)) throw new IllegalStateException("policy loss needs raw (identity) outputs, got " + a);
    }

    private static int action(double[] lab, int r) { return (int) lab[r * LABEL_CHANNELS + LABEL_ACTION]; }

    private static int sequence(double[] lab, int r) { return (int) lab[r * LABEL_CHANNELS + LABEL_SEQUENCE]; }

    private static int step(double[] lab, int r) { return (int) lab[r * LABEL_CHANNELS + LABEL_STEP]; }
}
