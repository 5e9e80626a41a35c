package io.dsr4j.programs.eval;

import io.dsr4j.api.token.Library;
import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenKind;
import io.dsr4j.programs.token.BuiltinFunction;
import io.dsr4j.programs.token.Kernels;

/**
 * Compiles traversals of one library into {@link CompiledProgram}s. It tabulates each token's kind, arity,
 * opcode, input column and value once, so compiling a program is a pass over int arrays with no interface calls.
 * Immutable and thread-safe; hold one per library on hot paths.
 */
public final class ProgramCompiler {

    static final int K_INPUT = 0, K_CONSTANT = 1, K_PLACEHOLDER = 2, K_BUILTIN = 3, K_CUSTOM = 4;

    private final Library library;
    private final int[] kind;
    private final int[] arity;
    /** Input column, or opcode of a built-in. */
    private final int[] arg;
    /** Per token: bit 0/1 = a non-finite argument 0/1 always reaches the output; bit 2 = faults on its own. */
    private final int[] flags;
    final double[] values;
    final Token[] tokens;

    public ProgramCompiler(Library library) {
        this.library = library;
        int n = library.size();
        kind = new int[n];
        arity = new int[n];
        arg = new int[n];
        flags = new int[n];
        values = new double[n];
        tokens = library.tokens().toArray(new Token[0]);
        for (int i = 0; i < n; i++) {
            Token t = tokens[i];
            arity[i] = t.arity();
            if (t.arity() == 0) {
                switch (t.kind()) {
                    case INPUT -> { kind[i] = K_INPUT; arg[i] = t.inputIndex(); }
                    case CONSTANT -> { kind[i] = K_CONSTANT; values[i] = t.value(); }
                    case PLACEHOLDER -> kind[i] = K_PLACEHOLDER;
                    // poly's fitted values are passed as one more data column, after the inputs
                    case FITTED -> { kind[i] = K_INPUT; arg[i] = library.inputCount(); }
                    default -> throw new IllegalArgumentException("token '" + t.name() + "' has arity 0 but kind " + t.kind());
                }
            } else if (t instanceof BuiltinFunction bf) {
                kind[i] = K_BUILTIN;
                int op = bf.opcode();
                arg[i] = op;
                flags[i] = (Kernels.propagatesNonFinite(op, 0) ? 1 : 0) | (Kernels.propagatesNonFinite(op, 1) ? 2 : 0)
                        // Scanning right after a domain fault (log of a negative, x/0, overflow) stops invalid
                        // programs early: ~20% less evaluation on a fresh DSR batch, ~5% more on all-valid ones.
                        | (Kernels.mayFault(op) ? 4 : 0);
            } else {
                kind[i] = K_CUSTOM;
            }
            if (t.kind() == TokenKind.CONSTANT && !Double.isFinite(t.value())) {
                throw new IllegalArgumentException("constant token '" + t.name() + "' is not finite");
            }
        }
    }

    public Library library() { return library; }

    /**
     * Compiles a finished traversal: right to left over the prefix order with an operand stack whose slots are the
     * registers. Input variables are operands, not instructions.
     *
     * @throws IllegalArgumentException if the traversal is not exactly one complete expression
     */
    public CompiledProgram compile(int[] traversal) {
        int n = traversal.length;
        if (n == 0) throw new IllegalArgumentException("empty traversal");
        int instructions = 0, constants = 0;
        for (int tok : traversal) {
            int k = kind[tok];
            if (k != K_INPUT) instructions++;
            if (k == K_PLACEHOLDER) constants++;
        }
        int[] code = new int[CompiledProgram.STRIDE * instructions];
        // operand stack: operand, producing instruction (-1: none), const range [lo, hi) of the subtree
        int[] stack = new int[4 * n];
        int sp = 0, pc = 0, maxSp = 0;
        int constIndex = constants; // consts are numbered left to right; we walk right to left
        for (int i = n - 1; i >= 0; i--) {
            int tok = traversal[i];
            int k = kind[tok];
            int s = 4 * sp;
            if (k == K_INPUT) {
                stack[s] = -(arg[tok] + 1);
                stack[s + 1] = -1;
                stack[s + 2] = constIndex;
                stack[s + 3] = constIndex;
            } else if (k == K_CONSTANT || k == K_PLACEHOLDER) {
                int c = pc * CompiledProgram.STRIDE;
                code[c + CompiledProgram.DST] = sp;
                if (k == K_CONSTANT) {
                    code[c] = CompiledProgram.LOAD_VALUE;
                    code[c + CompiledProgram.AUX] = tok;
                    stack[s + 2] = constIndex;
                    stack[s + 3] = constIndex;
                } else {
                    constIndex--;
                    code[c] = CompiledProgram.LOAD_PARAM;
                    code[c + CompiledProgram.AUX] = constIndex;
                    stack[s + 2] = constIndex;
                    stack[s + 3] = constIndex + 1;
                }
                stack[s] = sp;
                stack[s + 1] = -1; // finite: hard constants by construction, params checked per evaluation
                pc++;
            } else {
                int a = arity[tok];
                if (sp < a) throw new IllegalArgumentException("traversal is not a complete expression (missing operands at position " + i + ")");
                int op = k == K_BUILTIN ? arg[tok] : CompiledProgram.CUSTOM;
                int first = 4 * (sp - 1);
                int c = pc * CompiledProgram.STRIDE;
                int dst = sp - a;
                code[c] = op;
                code[c + CompiledProgram.DST] = dst;
                code[c + CompiledProgram.A] = stack[first];
                code[c + CompiledProgram.AUX] = tok;
                code[c + CompiledProgram.LO] = stack[first + 2];
                code[c + CompiledProgram.MID] = stack[first + 3];
                code[c + CompiledProgram.HI] = stack[first + 3];
                int f = flags[tok];
                markCheck(code, f & 1, stack[first + 1]);
                int lo = stack[first + 2], hi = stack[first + 3];
                if (a == 2) {
                    int second = 4 * (sp - 2);
                    code[c + CompiledProgram.B] = stack[second];
                    code[c + CompiledProgram.HI] = stack[second + 3];
                    markCheck(code, f & 2, stack[second + 1]);
                    hi = stack[second + 3];
                }
                sp -= a;
                s = 4 * sp;
                stack[s] = dst;
                stack[s + 1] = pc;
                stack[s + 2] = lo;
                stack[s + 3] = hi;
                if ((f & 4) != 0) code[c + CompiledProgram.CHECK] = 1;
                pc++;
            }
            sp++;
            if (sp > maxSp) maxSp = sp;
        }
        if (sp != 1) throw new IllegalArgumentException("traversal is not a single complete expression (" + sp + " subtrees)");
        if (stack[1] >= 0) code[stack[1] * CompiledProgram.STRIDE + CompiledProgram.CHECK] = 1;
        return new CompiledProgram(this, code, instructions, maxSp, constants, stack[0], n);
    }

    /** The consumer cannot be relied on to pass a non-finite argument on: scan the producer's output. */
    private static void markCheck(int[] code, int propagates, int producer) {
        if (producer >= 0 && propagates == 0) {
            code[producer * CompiledProgram.STRIDE + CompiledProgram.CHECK] = 1;
        }
    }
}
