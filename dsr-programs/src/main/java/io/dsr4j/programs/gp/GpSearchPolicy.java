package io.dsr4j.programs.gp;

import io.dsr4j.api.policy.Episode;
import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.PolicyLoss;
import io.dsr4j.api.policy.SamplingEnvironment;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.util.Rng;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Standalone genetic programming in the trainer's loop (policy {@code gp}, trained by estimator {@code gp}): each
 * "sample" is one generation (population = {@code training.batch_size}); the trainer scores it like any batch
 * (cache, constant fitting, hall of fame, early stopping) and the {@code gp} estimator breeds the next one from
 * the rewards. The first generation is drawn from the priors alone (what an untrained DSR policy samples), so every
 * individual satisfies the constraints, and the operators keep it so.
 */
public final class GpSearchPolicy implements Policy {

    private final SamplingEnvironment environment;
    private final GpEngine engine;
    private final Rng rng;
    private int[][] next;

    public GpSearchPolicy(SamplingEnvironment environment, GpEngine engine, long seed) {
        this.environment = environment;
        this.engine = engine;
        this.rng = new Rng(seed);
    }

    @Override
    public SequenceBatch sample(int n) {
        if (next == null) next = initial(n);
        if (next.length != n) {
            throw new IllegalStateException("the gp population has " + next.length + " individuals but " + n + " were asked for");
        }
        return SequenceBatch.replay(environment, next);
    }

    /** Breeds the next generation from the scored current one (called by the {@code gp} estimator). */
    public void evolve(int[][] programs, double[] rewards) {
        next = engine.breed(new Population(programs, rewards), rng);
    }

    /** Sampling with uniform logits: softmax of the joint prior at every step. */
    private int[][] initial(int n) {
        int lib = environment.library().size();
        int maxLength = environment.maxLength();
        Episode episode = environment.start(n);
        float[] prior = new float[n * lib];
        int[][] tokens = new int[n][maxLength];
        int[] chosen = new int[n];
        for (int t = 0; !episode.allFinished(); t++) {
            episode.priors(prior);
            for (int r = 0; r < n; r++) {
                if (episode.finished(r)) continue;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < lib; k++) max = Math.max(max, prior[r * lib + k]);
                double sum = 0;
                for (int k = 0; k < lib; k++) sum += Math.exp(prior[r * lib + k] - max);
                double target = rng.nextDouble() * sum, cum = 0;
                int a = -1;
                for (int k = 0; k < lib; k++) {
                    double e = Math.exp(prior[r * lib + k] - max);
                    if (e == 0) continue;
                    cum += e;
                    a = k;
                    if (target < cum) break;
                }
                chosen[r] = a;
                tokens[r][t] = a;
            }
            episode.advance(chosen);
        }
        int[][] out = new int[n][];
        for (int r = 0; r < n; r++) {
            if (episode.dangling(r) != 0) {
                throw new IllegalStateException("policy 'gp' draws its first generation from the priors, but a program "
                        + "was cut off at the max length " + maxLength + " (turn the length prior on)");
            }
            out[r] = Arrays.copyOf(tokens[r], episode.length(r));
        }
        return out;
    }

    @Override
    public Scores score(SequenceBatch batch, double entropyGamma) {
        return new Scores(new double[batch.size()], new double[batch.size()]);
    }

    @Override
    public double trainStep(SequenceBatch batch, PolicyLoss loss) {
        throw new IllegalStateException("policy 'gp' has no gradient: use it with estimator.type: gp");
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
        out.writeLong(rng.state());
        out.writeInt(next == null ? -1 : next.length);
        if (next != null) {
            for (int[] p : next) {
                out.writeInt(p.length);
                for (int t : p) out.writeInt(t);
            }
        }
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        rng.setState(in.readLong());
        int n = in.readInt();
        next = n < 0 ? null : new int[n][];
        for (int i = 0; i < n; i++) {
            next[i] = new int[in.readInt()];
            for (int k = 0; k < next[i].length; k++) next[i][k] = in.readInt();
        }
    }

    @Override
    public int parameterCount() { return 0; }
}
