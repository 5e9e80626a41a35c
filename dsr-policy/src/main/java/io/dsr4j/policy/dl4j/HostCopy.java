package io.dsr4j.policy.dl4j;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between Java arrays and ND4J arrays in the array's own memory order. For whole arrays on the CPU
 * backend this is one native memcpy into the existing buffer (no per-call allocation: float arrays go through a
 * reusable scratch); views and other backends (CUDA) take the generic, allocating path, which also synchronises
 * the device.
 */
final class HostCopy {

    private static final boolean CPU = Nd4j.getBackend().getClass().getSimpleName().startsWith("Cpu");

    private float[] scratch = new float[0];

    /** {@code dst} ← {@code src[0 .. dst.length())}, in {@code dst}'s memory order. */
    void write(double[] src, INDArray dst) {
        int n = checked(dst, src.length);
        if (fast(dst) && dst.dataType() == DataType.DOUBLE) {
            ((DoublePointer) dst.data().pointer()).put(src, 0, n);
        } else if (fast(dst) && dst.dataType() == DataType.FLOAT) {
            float[] f = scratch(n);
            for (int i = 0; i < n; i++) f[i] = (float) src[i];
            ((FloatPointer) dst.data().pointer()).put(f, 0, n);
        } else {
            double[] copy = src.length == n ? src : java.util.Arrays.copyOf(src, n);
            dst.assign(Nd4j.create(copy, dst.shape(), dst.ordering()).castTo(dst.dataType()));
        }
    }

    /** {@code dst[0 .. src.length())} ← {@code src}, in {@code src}'s memory order. */
    void read(INDArray src, double[] dst) {
        int n = checked(src, dst.length);
        if (fast(src) && src.dataType() == DataType.DOUBLE) {
            ((DoublePointer) src.data().pointer()).get(dst, 0, n);
        } else if (fast(src) && src.dataType() == DataType.FLOAT) {
            float[] f = scratch(n);
            ((FloatPointer) src.data().pointer()).get(f, 0, n);
            for (int i = 0; i < n; i++) dst[i] = f[i];
        } else {
            System.arraycopy(src.castTo(DataType.DOUBLE).dup(src.ordering()).data().asDouble(), 0, dst, 0, n);
        }
    }

    /** Any array (views included) to a fresh row-major ('c' order) double array. */
    static double[] toDoubles(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /** Whole CPU arrays are copied directly; views and device arrays take the generic path. */
    private static boolean fast(INDArray a) {
        return CPU && !a.isView() && a.offset() == 0;
    }

    private static int checked(INDArray a, int capacity) {
        long n = a.length();
        if (n > capacity) throw new IllegalArgumentException("host array too small: " + capacity + " < " + n);
        return (int) n;
    }

    private float[] scratch(int n) {
        if (scratch.length < n) scratch = new float[n];
        return scratch;
    }
}
