package io.dsr4j.train.estimator;

import io.dsr4j.api.policy.SequenceBatch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Binary form of a {@link SequenceBatch} for checkpoints (only each row's first {@code length} positions). */
final class SequenceBatchIo {

    private SequenceBatchIo() { }

    static void write(DataOutputStream out, SequenceBatch b) throws IOException {
        int n = b.size(), w = b.width(), lib = b.librarySize();
        out.writeInt(n);
        out.writeInt(w);
        out.writeInt(lib);
        float[] priors = b.priorArray();
        for (int r = 0; r < n; r++) {
            int len = b.length(r);
            out.writeInt(len);
            int stored = Math.min(len, w);
            for (int t = 0; t < stored; t++) {
                out.writeInt(b.action(r, t));
                out.writeInt(b.parent(r, t));
                out.writeInt(b.sibling(r, t));
                out.writeInt(b.dangling(r, t));
                int off = b.priorOffset(r, t);
                for (int k = 0; k < lib; k++) out.writeFloat(priors[off + k]);
            }
        }
    }

    static SequenceBatch read(DataInputStream in) throws IOException {
        int n = in.readInt(), w = in.readInt(), lib = in.readInt();
        if (n < 0 || w < 1 || lib < 1 || (long) n * w * lib > Integer.MAX_VALUE) {
            throw new IOException("corrupt sequence batch header " + n + "×" + w + "×" + lib);
        }
        int[] actions = new int[n * w], lengths = new int[n], parents = new int[n * w], siblings = new int[n * w],
                danglings = new int[n * w];
        float[] priors = new float[n * w * lib];
        for (int r = 0; r < n; r++) {
            int len = in.readInt();
            if (len < 0) throw new IOException("corrupt sequence length " + len);
            lengths[r] = len;
            int stored = Math.min(len, w);
            for (int t = 0; t < stored; t++) {
                int i = r * w + t;
                actions[i] = in.readInt();
                parents[i] = in.readInt();
                siblings[i] = in.readInt();
                danglings[i] = in.readInt();
                for (int k = 0; k < lib; k++) priors[i * lib + k] = in.readFloat();
            }
            // positions past the length keep SequenceBatch's padding convention (0)
        }
        return new SequenceBatch(n, w, lib, actions, lengths, parents, siblings, danglings, priors);
    }
}
