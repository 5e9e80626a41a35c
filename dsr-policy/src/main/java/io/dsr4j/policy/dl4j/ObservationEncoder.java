package io.dsr4j.policy.dl4j;

import io.dsr4j.policy.RnnLayout;
import io.dsr4j.policy.RnnSpec;
import io.dsr4j.api.token.Library;

/**
 * Turns one observation (previous action, parent, sibling, dangling) into the first layer's input vector, in the
 * shared {@link RnnSpec} order: one-hot blocks, or rows of the embedding tables with {@code embedding: true}.
 * The embedding tables live in the canonical parameter vector (they are not part of the DL4J network, whose input
 * is the already embedded vector); {@link #accumulateGradient} scatters the network's input gradient back into them.
 */
final class ObservationEncoder {

    private final Library library;
    private final RnnSpec spec;
    private final RnnLayout layout;
    private final int width;
    private final int actionOff;
    private final int parentOff;
    private final int siblingOff;
    private final int danglingOff;

    ObservationEncoder(RnnLayout layout) {
        this.layout = layout;
        this.spec = layout.spec();
        this.library = layout.library();
        width = spec.inputSize(library);
        actionOff = spec.actionOffset(library);
        parentOff = spec.parentOffset(library);
        siblingOff = spec.siblingOffset(library);
        danglingOff = spec.danglingOffset(library);
    }

    /** Width of the encoded vector (the first layer's nIn). */
    int width() { return width; }

    /**
     * Writes all {@link #width()} features to {@code out[off + f·stride]}.
     *
     * @param params canonical parameters (read only for the embedding tables)
     */
    void encode(int previousAction, int parent, int sibling, int dangling, double[] params, double[] out, int off, int stride) {
        for (int f = 0; f < width; f++) out[off + f * stride] = 0;
        if (spec.embedding()) {
            int e = spec.embeddingSize();
            if (actionOff >= 0) {
                copyRow(params, layout.actionEmbeddingOffset() + RnnSpec.actionIndex(library, previousAction) * e, e, out, off + actionOff * stride, stride);
            }
            if (parentOff >= 0) {
                copyRow(params, layout.parentEmbeddingOffset() + RnnSpec.parentIndex(library, parent) * e, e, out, off + parentOff * stride, stride);
            }
            if (siblingOff >= 0) {
                copyRow(params, layout.siblingEmbeddingOffset() + RnnSpec.siblingIndex(library, sibling) * e, e, out, off + siblingOff * stride, stride);
            }
        } else {
            if (actionOff >= 0) out[off + (actionOff + RnnSpec.actionIndex(library, previousAction)) * stride] = 1;
            if (parentOff >= 0) out[off + (parentOff + RnnSpec.parentIndex(library, parent)) * stride] = 1;
            if (siblingOff >= 0) out[off + (siblingOff + RnnSpec.siblingIndex(library, sibling)) * stride] = 1;
        }
        if (danglingOff >= 0) out[off + danglingOff * stride] = dangling; // raw count, as the reference
    }

    /**
     * Adds d loss / d input ({@code inputGrad[off + f·stride]}) of one observation to the gradient of the embedding
     * rows it used. No-op without embeddings (one-hot inputs have no parameters).
     */
    void accumulateGradient(int previousAction, int parent, int sibling, double[] inputGrad, int off, int stride, double[] grad) {
        if (!spec.embedding()) return;
        int e = spec.embeddingSize();
        if (actionOff >= 0) {
            addRow(inputGrad, off + actionOff * stride, stride, grad, layout.actionEmbeddingOffset() + RnnSpec.actionIndex(library, previousAction) * e, e);
        }
        if (parentOff >= 0) {
            addRow(inputGrad, off + parentOff * stride, stride, grad, layout.parentEmbeddingOffset() + RnnSpec.parentIndex(library, parent) * e, e);
        }
        if (siblingOff >= 0) {
            addRow(inputGrad, off + siblingOff * stride, stride, grad, layout.siblingEmbeddingOffset() + RnnSpec.siblingIndex(library, sibling) * e, e);
        }
    }

    private static void copyRow(double[] src, int srcOff, int n, double[] out, int off, int stride) {
        for (int i = 0; i < n; i++) out[off + i * stride] = src[srcOff + i];
    }

    private static void addRow(double[] src, int off, int stride, double[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) dst[dstOff + i] += src[off + i * stride];
    }
}
