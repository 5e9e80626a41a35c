package io.dsr4j.policy;

import io.dsr4j.api.token.Library;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RnnLayoutTest {

    private final Library koza = TestToken.koza();

    private static RnnSpec spec(RnnSpec.Cell cell, int[] units, RnnSpec.Initializer init, boolean embedding) {
        return new RnnSpec(64, cell, units, init, true, true, true, true, embedding, 3, 0);
    }

    @Test
    void defaultLayoutIsTheDocumentedConcatenation() {
        RnnLayout l = new RnnLayout(RnnSpec.defaults(), koza);
        int in = 19, h = 32, g = 4 * h, L = 9;
        assertEquals(4, l.gates());
        assertEquals(0, l.inputKernelOffset(0));
        assertEquals(in * g, l.recurrentKernelOffset(0));
        assertEquals(in * g + h * g, l.biasOffset(0));
        assertEquals(in * g + h * g + g, l.outputKernelOffset());
        assertEquals(l.outputKernelOffset() + h * L, l.outputBiasOffset());
        assertEquals(l.outputBiasOffset() + L, l.size());
        assertEquals(-1, l.actionEmbeddingOffset());
    }

    @Test
    void multiLayerGruWithEmbeddings() {
        RnnLayout l = new RnnLayout(spec(RnnSpec.Cell.GRU, new int[] {5, 4}, RnnSpec.Initializer.ZEROS, true), koza);
        assertEquals(3, l.gates());
        int in0 = 3 * 3 + 1;
        assertEquals(in0, l.inputSize(0));
        assertEquals(5, l.inputSize(1));
        int off = in0 * 15 + 5 * 15 + 15;
        assertEquals(off, l.inputKernelOffset(1));
        off += 5 * 12 + 4 * 12 + 12;
        assertEquals(off, l.outputKernelOffset());
        off += 4 * 9 + 9;
        assertEquals(off, l.actionEmbeddingOffset());
        off += 10 * 3;
        assertEquals(off, l.parentEmbeddingOffset());
        off += 9 * 3;
        assertEquals(off, l.siblingEmbeddingOffset());
        assertEquals(off + 10 * 3, l.size());
    }

    @Test
    void zerosInitGivesZeroCellWeightsForgetBiasOneAndGlorotOutput() {
        RnnLayout l = new RnnLayout(spec(RnnSpec.Cell.LSTM, new int[] {6, 5}, RnnSpec.Initializer.ZEROS, false), koza);
        double[] p = l.initialize(3);
        for (int layer = 0; layer < 2; layer++) {
            int h = l.units(layer);
            for (int i = l.inputKernelOffset(layer); i < l.biasOffset(layer); i++) assertEquals(0.0, p[i]);
            for (int j = 0; j < 4 * h; j++) {
                assertEquals(j >= h && j < 2 * h ? 1.0 : 0.0, p[l.biasOffset(layer) + j], "bias " + j);
            }
        }
        double lim = Math.sqrt(6.0 / (5 + 9)), max = 0;
        for (int i = l.outputKernelOffset(); i < l.outputBiasOffset(); i++) {
            assertTrue(Math.abs(p[i]) <= lim);
            max = Math.max(max, Math.abs(p[i]));
        }
        assertTrue(max > 0.5 * lim, "Glorot kernel should spread over its range");
        for (int i = l.outputBiasOffset(); i < l.size(); i++) assertEquals(0.0, p[i]);
    }

    @Test
    void gruZerosInitHasZeroBiases() {
        RnnLayout l = new RnnLayout(spec(RnnSpec.Cell.GRU, new int[] {4}, RnnSpec.Initializer.ZEROS, false), koza);
        double[] p = l.initialize(1);
        for (int i = 0; i < l.outputKernelOffset(); i++) assertEquals(0.0, p[i]);
    }

    @Test
    void varScaleUsesTfFanAverageLimits() {
        RnnLayout l = new RnnLayout(spec(RnnSpec.Cell.LSTM, new int[] {8}, RnnSpec.Initializer.VAR_SCALE, false), koza);
        double[] p = l.initialize(9);
        int in = l.inputSize(0), h = 8;
        double lim = Math.sqrt(1.5 / ((in + h + 4 * h) / 2.0)), max = 0;
        for (int i = l.inputKernelOffset(0); i < l.biasOffset(0); i++) {
            assertTrue(Math.abs(p[i]) <= lim);
            max = Math.max(max, Math.abs(p[i]));
        }
        assertTrue(max > 0.9 * lim);
        for (int j = 0; j < 4 * h; j++) assertEquals(j >= h && j < 2 * h ? 1.0 : 0.0, p[l.biasOffset(0) + j]);

        RnnLayout gru = new RnnLayout(spec(RnnSpec.Cell.GRU, new int[] {8}, RnnSpec.Initializer.VAR_SCALE, false), koza);
        double[] q = gru.initialize(9);
        double limBias = Math.sqrt(1.5 / 16), nonZero = 0;
        for (int j = 0; j < 2 * h; j++) {
            assertTrue(Math.abs(q[gru.biasOffset(0) + j]) <= limBias);
            if (q[gru.biasOffset(0) + j] != 0) nonZero++;
        }
        assertEquals(2 * h, nonZero, "GRU biases are var-scaled too");
    }

    @Test
    void embeddingsAreUniformMinusOneToOne() {
        RnnLayout l = new RnnLayout(spec(RnnSpec.Cell.LSTM, new int[] {4}, RnnSpec.Initializer.ZEROS, true), koza);
        double[] p = l.initialize(2);
        double min = 0, max = 0;
        for (int i = l.actionEmbeddingOffset(); i < l.size(); i++) {
            min = Math.min(min, p[i]);
            max = Math.max(max, p[i]);
        }
        assertTrue(min >= -1 && min < -0.8 && max <= 1 && max > 0.8);
    }

    @Test
    void initialisationIsSeeded() {
        RnnLayout l = new RnnLayout(spec(RnnSpec.Cell.GRU, new int[] {4, 4}, RnnSpec.Initializer.VAR_SCALE, true), koza);
        assertArrayEquals(l.initialize(5), l.initialize(5));
        assertFalse(java.util.Arrays.equals(l.initialize(5), l.initialize(6)));
    }
}
