package io.dsr4j.policy.lstm;

import io.dsr4j.api.util.Rng;

/** One thread's scratch buffers (never shared), sized once for the network. */
final class Workspace {

    final double[] gates;
    /** Gates and logits of four rows (sampling four rows at a time). */
    final double[][] gates4;
    final double[][] z4;
    /** Where each of the four rows' next product starts from (gates4 rows or read-only rows of the network). */
    final double[][] start4 = new double[4][];
    /** Tape positions of four rows at one step (replaying four rows at a time). */
    final int[] pair4 = new int[4];
    final int[] prev4 = new int[4];
    final double[] aux;
    final double[] x;
    final double[] dx;
    final double[] z;
    final double[] soft;
    final double[] mix;
    final double[] dz;
    final double[] dy;
    final double[] da;
    final double[][] dh;
    final double[][] dhCarry;
    final double[][] dcCarry;
    final Rng rng = Rng.fromState(0);
    /** Sampling one slice of the batch: its active rows, its episode's priors (rows × L) and next actions. */
    int[] active = new int[0];
    float[] priors = new float[0];
    int[] actions = new int[0];
    /** Float32 sampling buffers (allocated on first use). */
    final FloatSampler.Scratch floats = new FloatSampler.Scratch();
    /** Private tape for scoring and for the low-memory training path. */
    final ReplayTape tape;

    Workspace(RnnNetwork net) {
        gates = new double[net.maxGateWidth];
        gates4 = new double[4][net.maxGateWidth];
        z4 = new double[4][net.L];
        aux = new double[net.maxUnits];
        x = new double[Math.max(1, net.inputs[0])];
        dx = new double[Math.max(1, net.inputs[0])];
        z = new double[net.L];
        soft = new double[net.L];
        mix = new double[net.L];
        dz = new double[net.L];
        dy = new double[net.L];
        da = new double[net.maxGateWidth];
        dh = new double[net.layers][];
        dhCarry = new double[net.layers][];
        dcCarry = new double[net.layers][];
        for (int l = 0; l < net.layers; l++) {
            dh[l] = new double[net.units[l]];
            dhCarry[l] = new double[net.units[l]];
            dcCarry[l] = new double[net.units[l]];
        }
        tape = new ReplayTape(net);
    }

    void ensureSampling(int rows, int librarySize) {
        if (active.length >= rows) return;
        active = new int[rows];
        priors = new float[rows * librarySize];
        actions = new int[rows];
    }
}
