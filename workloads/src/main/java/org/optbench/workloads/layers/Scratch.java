package org.optbench.workloads.layers;

/**
 * Per-thread heap float arrays for the FLOAT fast paths of the layers: a loop over a Java {@code float[]} is
 * vectorised by the JIT, one over a direct NIO buffer (a bounds check and an unsafe access per element) is not. A
 * layer bulk-copies its operands in ({@code FloatBuffer.get(index, float[], ...)}), loops, and bulk-copies the
 * result out. Arrays grow to the largest size asked for and are then reused, so a training step allocates nothing.
 * Each slot is one array; a caller must not hold a slot across a call into another layer.
 */
final class Scratch {
    /** The chunk length of the element-wise loops: 4 KB, small enough to stay in the L1 cache. */
    static final int CHUNK = 1024;
    private static final int SLOTS = 6;
    private static final ThreadLocal<float[][]> ARRAYS = ThreadLocal.withInitial(() -> {
        float[][] a = new float[SLOTS][];
        for (int i = 0; i < SLOTS; i++) {
            a[i] = new float[CHUNK];
        }
        return a;
    });

    private Scratch() {
    }

    /** This thread's array of slot {@code slot} (0 to 5), with at least {@code length} elements. */
    static float[] floats(int slot, int length) {
        float[][] a = ARRAYS.get();
        if (a[slot].length < length) {
            a[slot] = new float[length];
        }
        return a[slot];
    }
}
