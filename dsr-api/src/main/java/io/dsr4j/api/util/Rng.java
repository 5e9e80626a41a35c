package io.dsr4j.api.util;

/**
 * Small, fast, explicitly seeded random generator (SplitMix64) whose whole state is one long, so it can be
 * checkpointed and split into independent per-row streams that make results independent of thread count.
 */
public final class Rng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    public Rng(long seed) {
        this.state = mix(seed ^ 0x5DEECE66DL);
    }

    private Rng(long state, boolean raw) {
        this.state = state;
    }

    public static Rng fromState(long state) { return new Rng(state, true); }

    public long state() { return state; }

    public void setState(long s) { state = s; }

    public long nextLong() {
        return mix(state += GOLDEN);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive");
        long r = (nextLong() >>> 1) % bound;
        return (int) r;
    }

    /** Standard normal (Box–Muller, one value per call). */
    public double nextGaussian() {
        double u1 = nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** An independent stream derived from this one's seed and an index (does not advance this generator). */
    public Rng split(long index) {
        return new Rng(mix(state ^ mix(index * GOLDEN + 0x632BE59BD9B4E019L)), true);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
