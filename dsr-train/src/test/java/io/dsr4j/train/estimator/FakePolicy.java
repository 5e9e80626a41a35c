package io.dsr4j.train.estimator;

import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.PolicyLoss;
import io.dsr4j.api.policy.SequenceBatch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * A policy that records every trainStep: the batch, the loss object and what the loss returned for per-row
 * neglogp/entropy given by functions of the row id ({@link TestBatches#ids}).
 */
class FakePolicy implements Policy {

    record Call(SequenceBatch batch, PolicyLoss loss, double[] neglogp, double[] entropy, double[] gradNeglogp,
                double[] gradEntropy, double value) {
        int[] ids() { return TestBatches.ids(batch); }
    }

    final List<Call> calls = new ArrayList<>();
    final List<SequenceBatch> scored = new ArrayList<>();
    final IntToDoubleFunction neglogpOf;
    final IntToDoubleFunction entropyOf;

    FakePolicy(IntToDoubleFunction neglogpOf, IntToDoubleFunction entropyOf) {
        this.neglogpOf = neglogpOf;
        this.entropyOf = entropyOf;
    }

    FakePolicy() {
        this(id -> 1.0 + 0.013 * id, id -> 0.4 + 0.007 * (id % 17));
    }

    double[] neglogp(SequenceBatch b) {
        int[] ids = TestBatches.ids(b);
        double[] v = new double[ids.length];
        for (int i = 0; i < v.length; i++) v[i] = neglogpOf.applyAsDouble(ids[i]);
        return v;
    }

    double[] entropy(SequenceBatch b) {
        int[] ids = TestBatches.ids(b);
        double[] v = new double[ids.length];
        for (int i = 0; i < v.length; i++) v[i] = entropyOf.applyAsDouble(ids[i]);
        return v;
    }

    Call last() { return calls.get(calls.size() - 1); }

    @Override
    public SequenceBatch sample(int n) { throw new UnsupportedOperationException(); }

    @Override
    public Scores score(SequenceBatch batch, double entropyGamma) {
        scored.add(batch);
        return new Scores(neglogp(batch), entropy(batch));
    }

    @Override
    public double trainStep(SequenceBatch batch, PolicyLoss loss) {
        double[] nlp = neglogp(batch), ent = entropy(batch);
        double[] gn = new double[nlp.length], ge = new double[nlp.length];
        double value = loss.evaluate(nlp, ent, gn, ge);
        calls.add(new Call(batch, loss, nlp, ent, gn, ge, value));
        return value;
    }

    @Override
    public void save(DataOutputStream out) { }

    @Override
    public void load(DataInputStream in) { }

    @Override
    public int parameterCount() { return 0; }
}
