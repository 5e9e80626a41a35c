package io.dsr4j.policy.dl4j;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Suggestions;
import io.dsr4j.api.policy.OptimizerSpec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The policy optimiser with TF1 semantics, applied to the canonical parameter vector (so its state is independent
 * of DL4J's layout and covers the embedding tables, which live outside the network). DL4J's own updaters are not
 * used: its RmsProp differs from TF's (state initialised to ε, ε outside the square root), while the reference
 * trains with TF's {@code AdamOptimizer} / {@code RMSPropOptimizer} / {@code GradientDescentOptimizer}.
 * <ul>
 *   <li>adam: {@code m ← β1 m + (1−β1) g; v ← β2 v + (1−β2) g²; θ ← θ − lr·√(1−β2^t)/(1−β1^t) · m/(√v + ε)}</li>
 *   <li>rmsprop: {@code ms ← β2 ms + (1−β2) g²} with ms starting at 1 (TF1); {@code θ ← θ − lr·g/√(ms + ε)}</li>
 *   <li>sgd: {@code θ ← θ − lr·g}</li>
 * </ul>
 */
final class CanonicalOptimizer {

    static final List<String> NAMES = List.of("adam", "rmsprop", "sgd");

    private final OptimizerSpec spec;
    private final double[] first;
    private final double[] second;
    private long steps;

    CanonicalOptimizer(OptimizerSpec spec, int size) {
        if (!NAMES.contains(spec.name())) {
            throw new ConfigException("key 'estimator.optimizer': '" + spec.name() + "' is not supported by policy "
                    + "dl4j-lstm; allowed: " + String.join(", ", NAMES) + Suggestions.hint(spec.name(), NAMES));
        }
        this.spec = spec;
        first = new double[spec.name().equals("adam") ? size : 0];
        second = new double[spec.name().equals("sgd") ? 0 : size];
        if (spec.name().equals("rmsprop")) java.util.Arrays.fill(second, 1.0);
    }

    /** One update of {@code params} with {@code grad}. */
    void step(double[] params, double[] grad) {
        steps++;
        double lr = spec.learningRate();
        switch (spec.name()) {
            case "adam" -> {
                double b1 = spec.beta1(), b2 = spec.beta2(), eps = spec.epsilon();
                double lrT = lr * Math.sqrt(1 - Math.pow(b2, steps)) / (1 - Math.pow(b1, steps));
                for (int i = 0; i < params.length; i++) {
                    double g = grad[i];
                    first[i] = b1 * first[i] + (1 - b1) * g;
                    second[i] = b2 * second[i] + (1 - b2) * g * g;
                    params[i] -= lrT * first[i] / (Math.sqrt(second[i]) + eps);
                }
            }
            case "rmsprop" -> {
                double rho = spec.beta2(), eps = spec.epsilon();
                for (int i = 0; i < params.length; i++) {
                    double g = grad[i];
                    second[i] = rho * second[i] + (1 - rho) * g * g;
                    params[i] -= lr * g / Math.sqrt(second[i] + eps);
                }
            }
            default -> {
                for (int i = 0; i < params.length; i++) params[i] -= lr * grad[i];
            }
        }
    }

    long steps() { return steps; }

    void save(DataOutputStream out) throws IOException {
        out.writeLong(steps);
        writeArray(out, first);
        writeArray(out, second);
    }

    void load(DataInputStream in) throws IOException {
        steps = in.readLong();
        readArray(in, first);
        readArray(in, second);
    }

    private static void writeArray(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) out.writeDouble(v);
    }

    private static void readArray(DataInputStream in, double[] a) throws IOException {
        int n = in.readInt();
        if (n != a.length) throw new IOException("optimizer state has " + n + " entries, expected " + a.length);
        for (int i = 0; i < n; i++) a[i] = in.readDouble();
    }
}
