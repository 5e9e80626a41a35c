package io.dsr4j.policy;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.policy.OptimizerSpec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * First-order optimisers over a flat parameter vector (the canonical {@link RnnLayout} order), with TF1 semantics
 * (the reference trains with TF1). Shared by every policy engine so that their updates are identical.
 */
public abstract class PolicyOptimizer {

    static final List<String> NAMES = List.of("adam", "rmsprop", "sgd");

    final OptimizerSpec spec;

    PolicyOptimizer(OptimizerSpec spec) {
        this.spec = spec;
    }

    public static PolicyOptimizer create(OptimizerSpec spec, int size) {
        if (!(spec.learningRate() > 0) || Double.isInfinite(spec.learningRate())) {
            throw new ConfigException("key 'estimator.learning_rate': value " + spec.learningRate()
                    + " is not allowed; the policy needs a positive, finite learning rate");
        }
        return switch (spec.name()) {
            case "adam" -> new Adam(spec, size);
            case "rmsprop" -> new RmsProp(spec, size);
            case "sgd" -> new Sgd(spec);
            default -> throw new ConfigException("key 'estimator.optimizer': '" + spec.name()
                    + "' is not supported by the policy; allowed: " + String.join(", ", NAMES)
                    + io.dsr4j.api.config.Suggestions.hint(spec.name(), NAMES));
        };
    }

    /** params −= update(grad). */
    public abstract void step(double[] params, double[] grad);

    public abstract void save(DataOutputStream out) throws IOException;

    public abstract void load(DataInputStream in) throws IOException;

    public String name() { return spec.name(); }

    static void writeArray(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) out.writeDouble(v);
    }

    static void readArray(DataInputStream in, double[] a) throws IOException {
        int n = in.readInt();
        if (n != a.length) throw new IOException("optimizer state has " + n + " entries, expected " + a.length);
        for (int i = 0; i < n; i++) a[i] = in.readDouble();
    }

    /**
     * TF1 {@code AdamOptimizer}: {@code lr_t = lr·sqrt(1−β2^t)/(1−β1^t)}, {@code θ −= lr_t·m/(sqrt(v) + ε)} — ε is
     * added to the uncorrected sqrt(v) ("ε-hat" placement), unlike the paper's Algorithm 1.
     */
    static final class Adam extends PolicyOptimizer {
        private final double[] m;
        private final double[] v;
        private long t;

        Adam(OptimizerSpec spec, int size) {
            super(spec);
            m = new double[size];
            v = new double[size];
        }

        @Override
        public void step(double[] params, double[] grad) {
            t++;
            double b1 = spec.beta1(), b2 = spec.beta2(), eps = spec.epsilon();
            double lrT = spec.learningRate() * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
            double c1 = 1 - b1, c2 = 1 - b2;
            for (int i = 0; i < params.length; i++) {
                double g = grad[i];
                double mi = b1 * m[i] + c1 * g;
                double vi = b2 * v[i] + c2 * g * g;
                m[i] = mi;
                v[i] = vi;
                params[i] -= lrT * mi / (Math.sqrt(vi) + eps);
            }
        }

        @Override
        public void save(DataOutputStream out) throws IOException {
            out.writeLong(t);
            writeArray(out, m);
            writeArray(out, v);
        }

        @Override
        public void load(DataInputStream in) throws IOException {
            t = in.readLong();
            readArray(in, m);
            readArray(in, v);
        }
    }

    /**
     * TF1 {@code RMSPropOptimizer} without momentum: {@code ms = ρ·ms + (1−ρ)·g²}, {@code θ −= lr·g/sqrt(ms + ε)},
     * with ρ = {@code beta2} (the reference uses 0.99) and {@code ms} starting at 1 as in TF1.
     */
    static final class RmsProp extends PolicyOptimizer {
        private final double[] ms;

        RmsProp(OptimizerSpec spec, int size) {
            super(spec);
            ms = new double[size];
            java.util.Arrays.fill(ms, 1.0);
        }

        @Override
        public void step(double[] params, double[] grad) {
            double rho = spec.beta2(), lr = spec.learningRate(), eps = spec.epsilon();
            for (int i = 0; i < params.length; i++) {
                double g = grad[i];
                double s = rho * ms[i] + (1 - rho) * g * g;
                ms[i] = s;
                params[i] -= lr * g / Math.sqrt(s + eps);
            }
        }

        @Override
        public void save(DataOutputStream out) throws IOException {
            writeArray(out, ms);
        }

        @Override
        public void load(DataInputStream in) throws IOException {
            readArray(in, ms);
        }
    }

    /** Plain gradient descent. */
    static final class Sgd extends PolicyOptimizer {
        Sgd(OptimizerSpec spec) {
            super(spec);
        }

        @Override
        public void step(double[] params, double[] grad) {
            double lr = spec.learningRate();
            for (int i = 0; i < params.length; i++) params[i] -= lr * grad[i];
        }

        @Override
        public void save(DataOutputStream out) { }

        @Override
        public void load(DataInputStream in) { }
    }
}
