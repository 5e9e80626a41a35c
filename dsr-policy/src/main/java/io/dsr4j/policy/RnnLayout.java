package io.dsr4j.policy;

import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;

/**
 * The canonical flat parameter vector of a recurrent policy, shared by every engine so that engines can be compared
 * (and checkpoints exchanged) on identical weights. All matrices are row-major {@code [rows × cols]}.
 *
 * <pre>
 * for each layer l (input size in_l = {@link RnnSpec#inputSize} for l = 0, else units(l-1); H = units(l); G = gates):
 *     Wx_l  [in_l × G·H]   input kernel
 *     Wh_l  [H × G·H]      recurrent kernel
 *     b_l   [G·H]          bias
 * W_out [H_last × L], b_out [L]                       dense output layer (logits)
 * E_action [(L+1) × E], E_parent [(nonTerminals+1) × E], E_sibling [(L+1) × E]   only the observed ones, only with
 *                                                                                embedding=true
 * </pre>
 *
 * <p><b>LSTM</b> (G = 4): columns are the gates in the order (i, f, g, o), each a block of H:
 * {@code i=σ(.), f=σ(.), g=tanh(.), o=σ(.), c' = f⊙c + i⊙g, h' = o⊙tanh(c')}, no peepholes, no projection
 * (TF1 {@code LSTMCell}). TF adds a constant {@code forget_bias = 1.0} to the forget pre-activation; here the
 * stored forget-gate bias is the <em>effective</em> bias and starts at 1.0 (mathematically identical, and the
 * engines need no hidden constant).
 *
 * <p><b>GRU</b> (G = 3): columns (r, z, n) as TF1 {@code GRUCell} (reset applied before the recurrent product):
 * {@code r=σ(x·Wx_r + h·Wh_r + b_r), z=σ(x·Wx_z + h·Wh_z + b_z), n=tanh(x·Wx_n + (r⊙h)·Wh_n + b_n),
 * h' = z⊙h + (1−z)⊙n}. TF's update gate "u" is z here.
 *
 * <p><b>Initialisation</b> ({@link #initialize}), as the reference: {@code zeros} → all cell weights and biases 0
 * (LSTM forget bias 1.0), so the initial policy is uniform before priors; {@code var_scale} → uniform in ±sqrt(3·0.5/n),
 * n = (fan_in + fan_out)/2 computed on TF's fused kernels ([in+H × 4H] for LSTM; [in+H × 2H] for GRU r,z and
 * [in+H × H] for GRU n); GRU biases var-scaled too (1-D fans: fan_in = fan_out = length), LSTM biases 0 (+1 forget).
 * The output kernel is always Glorot-uniform (±sqrt(6/(H_last+L))) and its bias 0; embeddings U(−1, 1).
 * Every tensor draws from its own stream {@code new Rng(seed).split(INIT_STREAM).split(tensorId)} filled row-major.
 */
public final class RnnLayout {

    /** Stream index of weight initialisation under the policy seed (sampling streams use other indices). */
    public static final long INIT_STREAM = 0x1417_0000L;

    private final RnnSpec spec;
    private final Library library;
    private final int gates;
    private final int[] inputSizes;
    private final int[] inputKernel;
    private final int[] recurrentKernel;
    private final int[] bias;
    private final int outputKernel;
    private final int outputBias;
    private final int actionEmbedding;
    private final int parentEmbedding;
    private final int siblingEmbedding;
    private final int size;

    public RnnLayout(RnnSpec spec, Library library) {
        this.spec = spec;
        this.library = library;
        this.gates = spec.cell() == RnnSpec.Cell.LSTM ? 4 : 3;
        int layers = spec.numLayers();
        inputSizes = new int[layers];
        inputKernel = new int[layers];
        recurrentKernel = new int[layers];
        bias = new int[layers];
        long off = 0;
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? spec.inputSize(library) : spec.units(l - 1);
            int h = spec.units(l);
            inputSizes[l] = in;
            inputKernel[l] = (int) off;
            off += (long) in * gates * h;
            recurrentKernel[l] = (int) off;
            off += (long) h * gates * h;
            bias[l] = (int) off;
            off += (long) gates * h;
        }
        int L = library.size();
        outputKernel = (int) off;
        off += (long) spec.outputUnits() * L;
        outputBias = (int) off;
        off += L;
        int e = spec.embeddingSize();
        boolean emb = spec.embedding();
        actionEmbedding = emb && spec.observeAction() ? (int) off : -1;
        if (actionEmbedding >= 0) off += (long) RnnSpec.actionVocabulary(library) * e;
        parentEmbedding = emb && spec.observeParent() ? (int) off : -1;
        if (parentEmbedding >= 0) off += (long) RnnSpec.parentVocabulary(library) * e;
        siblingEmbedding = emb && spec.observeSibling() ? (int) off : -1;
        if (siblingEmbedding >= 0) off += (long) RnnSpec.siblingVocabulary(library) * e;
        if (off > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("policy too large: " + off + " parameters");
        size = (int) off;
    }

    public RnnSpec spec() { return spec; }

    public Library library() { return library; }

    /** 4 for LSTM (i, f, g, o), 3 for GRU (r, z, n). */
    public int gates() { return gates; }

    public int layers() { return inputSizes.length; }

    /** Input width of layer {@code l}. */
    public int inputSize(int l) { return inputSizes[l]; }

    public int units(int l) { return spec.units(l); }

    /** Offset of {@code Wx_l [in_l × G·H]}. */
    public int inputKernelOffset(int l) { return inputKernel[l]; }

    /** Offset of {@code Wh_l [H × G·H]}. */
    public int recurrentKernelOffset(int l) { return recurrentKernel[l]; }

    /** Offset of {@code b_l [G·H]}. */
    public int biasOffset(int l) { return bias[l]; }

    /** Offset of {@code W_out [H_last × L]}. */
    public int outputKernelOffset() { return outputKernel; }

    /** Offset of {@code b_out [L]}. */
    public int outputBiasOffset() { return outputBias; }

    /** Offset of the action embedding table, or -1. */
    public int actionEmbeddingOffset() { return actionEmbedding; }

    /** Offset of the parent embedding table, or -1. */
    public int parentEmbeddingOffset() { return parentEmbedding; }

    /** Offset of the sibling embedding table, or -1. */
    public int siblingEmbeddingOffset() { return siblingEmbedding; }

    /** Total number of parameters. */
    public int size() { return size; }

    /** Fresh parameters initialised from {@code seed} as documented on the class. */
    public double[] initialize(long seed) {
        double[] p = new double[size];
        Rng init = new Rng(seed).split(INIT_STREAM);
        for (int l = 0; l < layers(); l++) {
            int in = inputSizes[l], h = units(l), gh = gates * h;
            if (spec.cell() == RnnSpec.Cell.LSTM) {
                if (spec.initializer() == RnnSpec.Initializer.VAR_SCALE) {
                    double lim = varScaleLimit(in + h, 4 * h);
                    fillUniform(p, inputKernel[l], in, gh, 0, gh, lim, init.split(3L * l));
                    fillUniform(p, recurrentKernel[l], h, gh, 0, gh, lim, init.split(3L * l + 1));
                }
                for (int j = 0; j < h; j++) p[bias[l] + h + j] = 1.0; // effective forget bias (TF forget_bias)
            } else if (spec.initializer() == RnnSpec.Initializer.VAR_SCALE) {
                double limGates = varScaleLimit(in + h, 2 * h), limCand = varScaleLimit(in + h, h);
                Rng wx = init.split(3L * l), wh = init.split(3L * l + 1), b = init.split(3L * l + 2);
                fillUniform(p, inputKernel[l], in, gh, 0, 2 * h, limGates, wx);
                fillUniform(p, inputKernel[l], in, gh, 2 * h, 3 * h, limCand, wx);
                fillUniform(p, recurrentKernel[l], h, gh, 0, 2 * h, limGates, wh);
                fillUniform(p, recurrentKernel[l], h, gh, 2 * h, 3 * h, limCand, wh);
                fillUniform(p, bias[l], 1, gh, 0, 2 * h, varScaleLimit(2 * h, 2 * h), b);
                fillUniform(p, bias[l], 1, gh, 2 * h, 3 * h, varScaleLimit(h, h), b);
            }
        }
        int hl = spec.outputUnits(), L = library.size();
        fillUniform(p, outputKernel, hl, L, 0, L, Math.sqrt(6.0 / (hl + L)), init.split(1000));
        int e = spec.embeddingSize();
        if (actionEmbedding >= 0) fillUniform(p, actionEmbedding, RnnSpec.actionVocabulary(library), e, 0, e, 1.0, init.split(1001));
        if (parentEmbedding >= 0) fillUniform(p, parentEmbedding, RnnSpec.parentVocabulary(library), e, 0, e, 1.0, init.split(1002));
        if (siblingEmbedding >= 0) fillUniform(p, siblingEmbedding, RnnSpec.siblingVocabulary(library), e, 0, e, 1.0, init.split(1003));
        return p;
    }

    /** TF1 variance_scaling_initializer(factor=0.5, mode=FAN_AVG, uniform=True). */
    private static double varScaleLimit(int fanIn, int fanOut) {
        return Math.sqrt(3.0 * 0.5 / ((fanIn + fanOut) / 2.0));
    }

    /** Fills columns [c0, c1) of a rows × cols block at {@code off} with U(−lim, lim), row-major. */
    private static void fillUniform(double[] p, int off, int rows, int cols, int c0, int c1, double lim, Rng rng) {
        for (int r = 0; r < rows; r++) {
            for (int c = c0; c < c1; c++) p[off + r * cols + c] = (2 * rng.nextDouble() - 1) * lim;
        }
    }

    /** Human-readable summary of the tensors and their offsets. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < layers(); l++) {
            int gh = gates * units(l);
            sb.append(String.format("layer %d: Wx@%d [%d x %d], Wh@%d [%d x %d], b@%d [%d]%n", l, inputKernel[l],
                    inputSizes[l], gh, recurrentKernel[l], units(l), gh, bias[l], gh));
        }
        sb.append(String.format("out: W@%d [%d x %d], b@%d [%d]%n", outputKernel, spec.outputUnits(), library.size(),
                outputBias, library.size()));
        if (actionEmbedding >= 0) sb.append("E_action@").append(actionEmbedding).append('\n');
        if (parentEmbedding >= 0) sb.append("E_parent@").append(parentEmbedding).append('\n');
        if (siblingEmbedding >= 0) sb.append("E_sibling@").append(siblingEmbedding).append('\n');
        return sb.append("total ").append(size).toString();
    }
}
