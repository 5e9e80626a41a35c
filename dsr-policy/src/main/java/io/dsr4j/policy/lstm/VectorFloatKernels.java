package io.dsr4j.policy.lstm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import static io.dsr4j.policy.lstm.FloatKernels.CLAMP;
import static io.dsr4j.policy.lstm.FloatKernels.P0;
import static io.dsr4j.policy.lstm.FloatKernels.P1;
import static io.dsr4j.policy.lstm.FloatKernels.P2;
import static io.dsr4j.policy.lstm.FloatKernels.P3;
import static io.dsr4j.policy.lstm.FloatKernels.P4;
import static io.dsr4j.policy.lstm.FloatKernels.P5;
import static io.dsr4j.policy.lstm.FloatKernels.Q1;
import static io.dsr4j.policy.lstm.FloatKernels.Q2;
import static io.dsr4j.policy.lstm.FloatKernels.Q3;
import static io.dsr4j.policy.lstm.FloatKernels.Q4;
import static io.dsr4j.policy.lstm.FloatKernels.Q5;

/**
 * {@link FloatKernels} with the JDK Vector API: {@link #product} is register-blocked over four batch rows and two
 * column vectors (eight accumulators held in registers over the whole depth; per k, two weight loads and four
 * broadcasts feed eight FMAs). Lane-wise the same fused chain as {@link FloatKernels#SCALAR}, so bit-identical.
 */
final class VectorFloatKernels implements FloatKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private static final FloatVector VP0 = FloatVector.broadcast(S, P0), VP1 = FloatVector.broadcast(S, P1),
            VP2 = FloatVector.broadcast(S, P2), VP3 = FloatVector.broadcast(S, P3);
    private static final FloatVector VQ1 = FloatVector.broadcast(S, Q1), VQ2 = FloatVector.broadcast(S, Q2),
            VQ3 = FloatVector.broadcast(S, Q3), ONE = FloatVector.broadcast(S, 1.0f);

    int lanes() { return S.length(); }

    @Override
    public void product(float[][] a, int rows, int depth, float[] w, int n, float[][] out) {
        productFrom(a, rows, depth, w, n, out, out);
    }

    @Override
    public void productFrom(float[][] a, int rows, int depth, float[] w, int n, float[][] start, float[][] out) {
        int lanes = S.length();
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            float[] a0 = a[i], a1 = a[i + 1], a2 = a[i + 2], a3 = a[i + 3];
            float[] o0 = out[i], o1 = out[i + 1], o2 = out[i + 2], o3 = out[i + 3];
            float[] st0 = start[i], st1 = start[i + 1], st2 = start[i + 2], st3 = start[i + 3];
            int j = 0;
            for (; j + 2 * lanes <= n; j += 2 * lanes) {
                int j1 = j + lanes;
                FloatVector c00 = FloatVector.fromArray(S, st0, j), c01 = FloatVector.fromArray(S, st0, j1);
                FloatVector c10 = FloatVector.fromArray(S, st1, j), c11 = FloatVector.fromArray(S, st1, j1);
                FloatVector c20 = FloatVector.fromArray(S, st2, j), c21 = FloatVector.fromArray(S, st2, j1);
                FloatVector c30 = FloatVector.fromArray(S, st3, j), c31 = FloatVector.fromArray(S, st3, j1);
                for (int k = 0, base = 0; k < depth; k++, base += n) {
                    FloatVector w0 = FloatVector.fromArray(S, w, base + j), w1 = FloatVector.fromArray(S, w, base + j1);
                    FloatVector s0 = FloatVector.broadcast(S, a0[k]), s1 = FloatVector.broadcast(S, a1[k]);
                    FloatVector s2 = FloatVector.broadcast(S, a2[k]), s3 = FloatVector.broadcast(S, a3[k]);
                    c00 = w0.fma(s0, c00);
                    c01 = w1.fma(s0, c01);
                    c10 = w0.fma(s1, c10);
                    c11 = w1.fma(s1, c11);
                    c20 = w0.fma(s2, c20);
                    c21 = w1.fma(s2, c21);
                    c30 = w0.fma(s3, c30);
                    c31 = w1.fma(s3, c31);
                }
                c00.intoArray(o0, j);
                c01.intoArray(o0, j1);
                c10.intoArray(o1, j);
                c11.intoArray(o1, j1);
                c20.intoArray(o2, j);
                c21.intoArray(o2, j1);
                c30.intoArray(o3, j);
                c31.intoArray(o3, j1);
            }
            for (; j < n; j += lanes) {
                FloatVector c0 = FloatVector.fromArray(S, st0, j), c1 = FloatVector.fromArray(S, st1, j);
                FloatVector c2 = FloatVector.fromArray(S, st2, j), c3 = FloatVector.fromArray(S, st3, j);
                for (int k = 0, base = 0; k < depth; k++, base += n) {
                    FloatVector wk = FloatVector.fromArray(S, w, base + j);
                    c0 = wk.fma(FloatVector.broadcast(S, a0[k]), c0);
                    c1 = wk.fma(FloatVector.broadcast(S, a1[k]), c1);
                    c2 = wk.fma(FloatVector.broadcast(S, a2[k]), c2);
                    c3 = wk.fma(FloatVector.broadcast(S, a3[k]), c3);
                }
                c0.intoArray(o0, j);
                c1.intoArray(o1, j);
                c2.intoArray(o2, j);
                c3.intoArray(o3, j);
            }
        }
        for (; i < rows; i++) {
            float[] ai = a[i], o = out[i], si = start[i];
            for (int j = 0; j < n; j += lanes) {
                FloatVector c = FloatVector.fromArray(S, si, j);
                for (int k = 0, base = 0; k < depth; k++, base += n) c = FloatVector.fromArray(S, w, base + j).fma(FloatVector.broadcast(S, ai[k]), c);
                c.intoArray(o, j);
            }
        }
    }

    /** Two independent vectors per pass (see {@link VectorLstmKernels#tanh}); lane-wise the same chain, so bit-identical. */
    @Override
    public void tanh(float[] x, int off, int n) {
        int lanes = S.length();
        int i = off, end = off + n;
        for (; i + 2 * lanes <= end; i += 2 * lanes) {
            int i1 = i + lanes;
            FloatVector v = FloatVector.fromArray(S, x, i).min(CLAMP).max(-CLAMP);
            FloatVector w = FloatVector.fromArray(S, x, i1).min(CLAMP).max(-CLAMP);
            FloatVector u = v.mul(v), uw = w.mul(w);
            FloatVector p = u.fma(P5, P4).fma(u, VP3).fma(u, VP2).fma(u, VP1).fma(u, VP0);
            FloatVector pw = uw.fma(P5, P4).fma(uw, VP3).fma(uw, VP2).fma(uw, VP1).fma(uw, VP0);
            FloatVector q = u.fma(Q5, Q4).fma(u, VQ3).fma(u, VQ2).fma(u, VQ1).fma(u, ONE);
            FloatVector qw = uw.fma(Q5, Q4).fma(uw, VQ3).fma(uw, VQ2).fma(uw, VQ1).fma(uw, ONE);
            v.mul(p).div(q).intoArray(x, i);
            w.mul(pw).div(qw).intoArray(x, i1);
        }
        for (; i + lanes <= end; i += lanes) {
            FloatVector v = FloatVector.fromArray(S, x, i).min(CLAMP).max(-CLAMP);
            FloatVector u = v.mul(v);
            FloatVector p = u.fma(P5, P4).fma(u, VP3).fma(u, VP2).fma(u, VP1).fma(u, VP0);
            FloatVector q = u.fma(Q5, Q4).fma(u, VQ3).fma(u, VQ2).fma(u, VQ1).fma(u, ONE);
            v.mul(p).div(q).intoArray(x, i);
        }
        for (; i < end; i++) x[i] = FloatKernels.tanh(x[i]);
    }

    /** {@link FloatKernels#lstm} with the element-wise loops on vectors (C2 does not vectorise the scalar fma loop). */
    @Override
    public void lstm(int h, boolean first, float[] g, float[] c, float[] hOut, float[] aux) {
        tanh(g, 0, 4 * h);
        int lanes = S.length();
        int j = 0;
        for (; j + lanes <= h; j += lanes) {
            FloatVector i = FloatVector.fromArray(S, g, j).mul(0.5f).add(0.5f);
            FloatVector ig = i.mul(FloatVector.fromArray(S, g, 2 * h + j));
            FloatVector cj = first ? ig
                    : FloatVector.fromArray(S, g, h + j).mul(0.5f).add(0.5f).fma(FloatVector.fromArray(S, c, j), ig);
            cj.intoArray(c, j);
            cj.intoArray(aux, j);
        }
        FloatKernels.lstmState(g, c, aux, h, first, j);
        tanh(aux, 0, h);
        j = 0;
        for (; j + lanes <= h; j += lanes) {
            FloatVector.fromArray(S, g, 3 * h + j).mul(0.5f).add(0.5f).mul(FloatVector.fromArray(S, aux, j)).intoArray(hOut, j);
        }
        FloatKernels.lstmOutput(g, aux, hOut, h, j);
    }

    @Override
    public String toString() { return "vector float " + S; }
}
