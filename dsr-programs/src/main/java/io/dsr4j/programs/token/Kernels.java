package io.dsr4j.programs.token;

/**
 * Column kernels of the built-in functions, selected by a small integer opcode so that the evaluator dispatches
 * with one {@code tableswitch} per instruction instead of a megamorphic interface call; every case is a tight loop
 * over the rows. Protected variants follow the reference's thresholds exactly (strict inequalities).
 *
 * <p>{@code out} may alias {@code a} or {@code b} (each row is read before it is written). Partials write
 * d f/d a into {@code da} and, for binary functions, d f/d b into {@code db}; {@code da}/{@code db} must not alias
 * the inputs. At points where a protected function switches branch, the partial of the branch taken is used;
 * at non-differentiable points of |x|, max and min a one-sided derivative is used (documented per case).
 */
public final class Kernels {

    private Kernels() { }

    public static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, SIN = 4, COS = 5, TAN = 6, EXP = 7, LOG = 8,
            SQRT = 9, N2 = 10, N3 = 11, N4 = 12, NEG = 13, ABS = 14, INV = 15, TANH = 16, LOGABS = 17,
            EXPNEG = 18, SIGMOID = 19, HARMONIC = 20, MAX = 21, MIN = 22,
            // protected variants
            PDIV = 23, PEXP = 24, PLOG = 25, PSQRT = 26, PINV = 27, PEXPNEG = 28, PN2 = 29, PN3 = 30, PN4 = 31,
            PSIGMOID = 32;

    /** Number of opcodes. */
    public static final int COUNT = 33;

    /** Euler–Mascheroni constant, as in the reference's harmonic approximation. */
    static final double EULER_GAMMA = 0.57721566490153286060651209008240243104215933593992;

    /**
     * True when the function maps any non-finite value of argument {@code arg} to a non-finite result. The
     * evaluator then need not check that argument for finiteness: a non-finite value is bound to reach the
     * program's output, which is always checked. False for functions that can hide one (exp(-inf) = 0, 1/inf = 0,
     * protected fallbacks, max/min, ...).
     */
    public static boolean propagatesNonFinite(int op, int arg) {
        return switch (op) {
            case ADD, SUB, MUL, SIN, COS, TAN, LOG, SQRT, N2, N3, N4, NEG, ABS, LOGABS, HARMONIC, PSQRT -> true;
            case DIV -> arg == 0; // a/inf = 0
            default -> false;
        };
    }

    /** True for unprotected functions that turn finite arguments into NaN/inf on part of their domain. */
    public static boolean mayFault(int op) {
        return switch (op) {
            case DIV, LOG, SQRT, INV, LOGABS, EXP, EXPNEG -> true;
            default -> false;
        };
    }

    public static void apply(int op, double[] a, double[] b, double[] out, int n) {
        switch (op) {
            case ADD -> add(a, b, out, n);
            case SUB -> sub(a, b, out, n);
            case MUL -> mul(a, b, out, n);
            case DIV -> div(a, b, out, n);
            case SIN -> sin(a, out, n);
            case COS -> cos(a, out, n);
            case TAN -> tan(a, out, n);
            case EXP -> exp(a, out, n);
            case LOG -> log(a, out, n);
            case SQRT -> sqrt(a, out, n);
            case N2 -> n2(a, out, n);
            case N3 -> n3(a, out, n);
            case N4 -> n4(a, out, n);
            case NEG -> neg(a, out, n);
            case ABS -> abs(a, out, n);
            case INV -> inv(a, out, n);
            case TANH -> tanh(a, out, n);
            case LOGABS -> logabs(a, out, n);
            case EXPNEG -> expneg(a, out, n);
            case SIGMOID -> sigmoid(a, out, n);
            case HARMONIC -> harmonic(a, out, n);
            case MAX -> max(a, b, out, n);
            case MIN -> min(a, b, out, n);
            case PDIV -> pdiv(a, b, out, n);
            case PEXP -> pexp(a, out, n);
            case PLOG -> plog(a, out, n);
            case PSQRT -> psqrt(a, out, n);
            case PINV -> pinv(a, out, n);
            case PEXPNEG -> pexpneg(a, out, n);
            case PN2 -> pn2(a, out, n);
            case PN3 -> pn3(a, out, n);
            case PN4 -> pn4(a, out, n);
            case PSIGMOID -> psigmoid(a, out, n);
            default -> throw new IllegalArgumentException("unknown opcode " + op);
        }
    }

    public static void partials(int op, double[] a, double[] b, double[] da, double[] db, int n) {
        switch (op) {
            case ADD -> { fill(da, 1.0, n); fill(db, 1.0, n); }
            case SUB -> { fill(da, 1.0, n); fill(db, -1.0, n); }
            case MUL -> { System.arraycopy(b, 0, da, 0, n); System.arraycopy(a, 0, db, 0, n); }
            case DIV -> dDiv(a, b, da, db, n);
            case SIN -> cos(a, da, n);
            case COS -> dCos(a, da, n);
            case TAN -> dTan(a, da, n);
            case EXP -> exp(a, da, n);
            case LOG, LOGABS -> inv(a, da, n);
            case SQRT -> dSqrt(a, da, n);
            case N2 -> dN2(a, da, n);
            case N3 -> dN3(a, da, n);
            case N4 -> dN4(a, da, n);
            case NEG -> fill(da, -1.0, n);
            case ABS -> dAbs(a, da, n);
            case INV -> dInv(a, da, n);
            case TANH -> dTanh(a, da, n);
            case EXPNEG -> dExpneg(a, da, n);
            case SIGMOID -> dSigmoid(a, da, n);
            case HARMONIC -> dHarmonic(a, da, n);
            case MAX -> dMax(a, b, da, db, n);
            case MIN -> dMin(a, b, da, db, n);
            case PDIV -> dPdiv(a, b, da, db, n);
            case PEXP -> pexp(a, da, n);
            case PLOG -> pinv(a, da, n); // d log|x| = 1/x where |x| > 0.001, else 0: exactly protected inv
            case PSQRT -> dPsqrt(a, da, n);
            case PINV -> dPinv(a, da, n);
            case PEXPNEG -> dPexpneg(a, da, n);
            case PN2 -> dPn2(a, da, n);
            case PN3 -> dPn3(a, da, n);
            case PN4 -> dPn4(a, da, n);
            case PSIGMOID -> dPsigmoid(a, da, n);
            default -> throw new IllegalArgumentException("unknown opcode " + op);
        }
    }

    public static void fill(double[] out, double v, int n) {
        for (int i = 0; i < n; i++) out[i] = v;
    }

    // ---- values -------------------------------------------------------------------------------------------

    static void add(double[] a, double[] b, double[] out, int n) { for (int i = 0; i < n; i++) out[i] = a[i] + b[i]; }

    static void sub(double[] a, double[] b, double[] out, int n) { for (int i = 0; i < n; i++) out[i] = a[i] - b[i]; }

    static void mul(double[] a, double[] b, double[] out, int n) { for (int i = 0; i < n; i++) out[i] = a[i] * b[i]; }

    static void div(double[] a, double[] b, double[] out, int n) { for (int i = 0; i < n; i++) out[i] = a[i] / b[i]; }

    static void sin(double[] a, double[] out, int n) { for (int i = 0; i < n; i++) out[i] = Math.sin(a[i]); }

    static void cos(double[] a, double[] out, int n) { for (int i = 0; i < n; i++) out[i] = Math.cos(a[i]); }

    static void tan(double[] a, double[] out, int n) { for (int i = 0; i < n; i++) out[i] = Math.tan(a[i]); }

    static void exp(double[] a, double[] out, int n) { for (int i = 0; i < n; i++) out[i] = Math.exp(a[i]); }

    static void log(double[] a, double[] out, int n) { for (int i = 0; i < n; i++) out[i] = Math.log(a[i]); }

    static void sqrt(double[] a, double[] out, int n) { for (int i = 0; i < n; i++) out[i] = Math.sqrt(a[i]); }

    static void n2(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) { double x = a[i]; out[i] = x * x; }
    }

    static void n3(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) { double x = a[i]; out[i] = x * x * x; }
    }

    static void n4(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) { double x = a[i]; double s = x * x; out[i] = s * s; }
    }

    static void neg(double[] a, double[] out, int n) { for (int i = 0; i < n; i++) out[i] = -a[i]; }

    static void abs(double[] a, double[] out, int n) { for (int i = 0; i < n; i++) out[i] = Math.abs(a[i]); }

    static void inv(double[] a, double[] out, int n) { for (int i = 0; i < n; i++) out[i] = 1.0 / a[i]; }

    static void tanh(double[] a, double[] out, int n) { for (int i = 0; i < n; i++) out[i] = Math.tanh(a[i]); }

    static void logabs(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = Math.log(Math.abs(a[i]));
    }

    static void expneg(double[] a, double[] out, int n) { for (int i = 0; i < n; i++) out[i] = Math.exp(-a[i]); }

    /**
     * For x &lt; -709.78 the inner exp(-x) overflows and the result is the correct limit 0. The reference flags that
     * internal overflow (numpy FP event) and marks the program invalid; here only the token's output counts.
     */
    static void sigmoid(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = 1.0 / (1.0 + Math.exp(-a[i]));
    }

    /**
     * The reference's harmonic: when every value of the column is integral, the exact harmonic numbers rounded to
     * float32 (H_n = 0 for n &lt;= 0); otherwise the asymptotic formula gamma + ln x + 1/(2x) - 1/(12x^2) +
     * 1/(120x^4) on every row. The choice is made for the whole column, as the reference does.
     */
    static void harmonic(double[] a, double[] out, int n) {
        boolean integral = true;
        for (int i = 0; i < n; i++) {
            double x = a[i];
            if (x != Math.rint(x) || Double.isInfinite(x)) { integral = false; break; }
        }
        if (integral) {
            for (int i = 0; i < n; i++) out[i] = Harmonic.exactFloat32(a[i]);
        } else {
            for (int i = 0; i < n; i++) out[i] = Harmonic.asymptotic(a[i]);
        }
    }

    static void max(double[] a, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = Math.max(a[i], b[i]);
    }

    static void min(double[] a, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = Math.min(a[i], b[i]);
    }

    static void pdiv(double[] a, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) { double d = b[i]; out[i] = Math.abs(d) > 0.001 ? a[i] / d : 1.0; }
    }

    static void pexp(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) { double x = a[i]; out[i] = x < 100 ? Math.exp(x) : 0.0; }
    }

    static void plog(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) { double x = Math.abs(a[i]); out[i] = x > 0.001 ? Math.log(x) : 0.0; }
    }

    static void psqrt(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = Math.sqrt(Math.abs(a[i]));
    }

    static void pinv(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) { double x = a[i]; out[i] = Math.abs(x) > 0.001 ? 1.0 / x : 0.0; }
    }

    static void pexpneg(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) { double x = a[i]; out[i] = x > -100 ? Math.exp(-x) : 0.0; }
    }

    static void pn2(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) { double x = a[i]; out[i] = Math.abs(x) < 1e6 ? x * x : 0.0; }
    }

    static void pn3(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) { double x = a[i]; out[i] = Math.abs(x) < 1e6 ? x * x * x : 0.0; }
    }

    static void pn4(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[i];
            double s = x * x;
            out[i] = Math.abs(x) < 1e6 ? s * s : 0.0;
        }
    }

    /**
     * Protected sigmoid. The reference computes 1/(1 + protected_expneg(x)), which gives 1.0 for x &lt;= -100
     * (protected expneg falls back to 0 there) although sigmoid tends to 0. Fixed here: for x &lt;= -100 we return
     * exp(x), which equals the true sigmoid to within a relative 1e-43 and never overflows.
     */
    static void psigmoid(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[i];
            out[i] = x > -100 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x);
        }
    }

    // ---- partial derivatives -------------------------------------------------------------------------------

    static void dDiv(double[] a, double[] b, double[] da, double[] db, int n) {
        for (int i = 0; i < n; i++) {
            double r = 1.0 / b[i];
            da[i] = r;
            db[i] = -a[i] * r * r;
        }
    }

    static void dCos(double[] a, double[] d, int n) { for (int i = 0; i < n; i++) d[i] = -Math.sin(a[i]); }

    static void dTan(double[] a, double[] d, int n) {
        for (int i = 0; i < n; i++) { double t = Math.tan(a[i]); d[i] = 1.0 + t * t; }
    }

    static void dSqrt(double[] a, double[] d, int n) { for (int i = 0; i < n; i++) d[i] = 0.5 / Math.sqrt(a[i]); }

    static void dN2(double[] a, double[] d, int n) { for (int i = 0; i < n; i++) d[i] = 2.0 * a[i]; }

    static void dN3(double[] a, double[] d, int n) {
        for (int i = 0; i < n; i++) { double x = a[i]; d[i] = 3.0 * x * x; }
    }

    static void dN4(double[] a, double[] d, int n) {
        for (int i = 0; i < n; i++) { double x = a[i]; d[i] = 4.0 * x * x * x; }
    }

    /** sign(x); 0 at x = 0 (a valid subgradient). */
    static void dAbs(double[] a, double[] d, int n) { for (int i = 0; i < n; i++) d[i] = Math.signum(a[i]); }

    static void dInv(double[] a, double[] d, int n) {
        for (int i = 0; i < n; i++) { double r = 1.0 / a[i]; d[i] = -r * r; }
    }

    static void dTanh(double[] a, double[] d, int n) {
        for (int i = 0; i < n; i++) { double t = Math.tanh(a[i]); d[i] = 1.0 - t * t; }
    }

    static void dExpneg(double[] a, double[] d, int n) { for (int i = 0; i < n; i++) d[i] = -Math.exp(-a[i]); }

    static void dSigmoid(double[] a, double[] d, int n) {
        for (int i = 0; i < n; i++) { double s = 1.0 / (1.0 + Math.exp(-a[i])); d[i] = s * (1.0 - s); }
    }

    /** Derivative of the asymptotic formula, also used for integral columns (where H_n has no derivative). */
    static void dHarmonic(double[] a, double[] d, int n) { for (int i = 0; i < n; i++) d[i] = Harmonic.derivative(a[i]); }

    /** Ties go to the first argument. */
    static void dMax(double[] a, double[] b, double[] da, double[] db, int n) {
        for (int i = 0; i < n; i++) { boolean first = a[i] >= b[i]; da[i] = first ? 1 : 0; db[i] = first ? 0 : 1; }
    }

    /** Ties go to the first argument. */
    static void dMin(double[] a, double[] b, double[] da, double[] db, int n) {
        for (int i = 0; i < n; i++) { boolean first = a[i] <= b[i]; da[i] = first ? 1 : 0; db[i] = first ? 0 : 1; }
    }

    static void dPdiv(double[] a, double[] b, double[] da, double[] db, int n) {
        for (int i = 0; i < n; i++) {
            double y = b[i];
            if (Math.abs(y) > 0.001) {
                double r = 1.0 / y;
                da[i] = r;
                db[i] = -a[i] * r * r;
            } else {
                da[i] = 0.0;
                db[i] = 0.0;
            }
        }
    }

    /** d sqrt|x| = sign(x) / (2 sqrt|x|); 0 at x = 0 where the cusp has no derivative. */
    static void dPsqrt(double[] a, double[] d, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[i];
            d[i] = x > 0 ? 0.5 / Math.sqrt(x) : x < 0 ? -0.5 / Math.sqrt(-x) : 0.0;
        }
    }

    static void dPinv(double[] a, double[] d, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[i];
            if (Math.abs(x) > 0.001) { double r = 1.0 / x; d[i] = -r * r; } else d[i] = 0.0;
        }
    }

    static void dPexpneg(double[] a, double[] d, int n) {
        for (int i = 0; i < n; i++) { double x = a[i]; d[i] = x > -100 ? -Math.exp(-x) : 0.0; }
    }

    static void dPn2(double[] a, double[] d, int n) {
        for (int i = 0; i < n; i++) { double x = a[i]; d[i] = Math.abs(x) < 1e6 ? 2.0 * x : 0.0; }
    }

    static void dPn3(double[] a, double[] d, int n) {
        for (int i = 0; i < n; i++) { double x = a[i]; d[i] = Math.abs(x) < 1e6 ? 3.0 * x * x : 0.0; }
    }

    static void dPn4(double[] a, double[] d, int n) {
        for (int i = 0; i < n; i++) { double x = a[i]; d[i] = Math.abs(x) < 1e6 ? 4.0 * x * x * x : 0.0; }
    }

    static void dPsigmoid(double[] a, double[] d, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[i];
            double s = x > -100 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x);
            d[i] = s * (1.0 - s);
        }
    }
}
