package org.optbench.harness.launch;

import java.util.Locale;

import org.optbench.api.BadInputException;

/**
 * Heap, native memory and watchdog of a trial JVM.
 *
 * @param maxHeap the heap limit, as {@code -Xmx} takes it ({@code "2g"}, {@code "512m"})
 * @param maxNative the off-heap limit, in the same form
 * @param stallSeconds how long a running trial may complete no step before it is killed; its setup (data, model,
 *     optimizer state) may take {@link #SETUP_STALL_FACTOR} times as long
 */
public record Limits(String maxHeap, String maxNative, long stallSeconds) {
    /** What the JVM itself, its code and ND4J's native libraries take besides heap and tensors. */
    static final long JVM_OVERHEAD_BYTES = 768L << 20;
    /** Setup may be this many times the stall limit: building the data of the largest workloads takes a while. */
    static final int SETUP_STALL_FACTOR = 5;

    /** 2 GB of heap, 4 GB of native memory, killed after 2 minutes without a step. */
    public static Limits defaults() {
        return new Limits("2g", "4g", 120);
    }

    /** Checks the sizes and the stall limit. */
    public Limits {
        bytes(maxHeap, "heap limit");
        bytes(maxNative, "native memory limit");
        if (stallSeconds < 1) {
            throw new BadInputException("--stall-seconds must be at least 1, got " + stallSeconds);
        }
    }

    /** These limits with another stall limit. */
    public Limits withStallSeconds(long seconds) {
        return new Limits(maxHeap, maxNative, seconds);
    }

    /** These limits with another heap and native memory limit. */
    public Limits withMemory(String heap, String nativeBytes) {
        return new Limits(heap, nativeBytes, stallSeconds);
    }

    /**
     * The resident memory at which the launcher kills the trial: heap + native + {@link #JVM_OVERHEAD_BYTES}.
     * ND4J's CPU backend allocates tensors natively without JavaCPP's {@code maxbytes} accounting, so this watchdog,
     * not the JVM flag, is what bounds native memory.
     */
    public long maxResidentBytes() {
        return bytes(maxHeap, "heap limit") + bytes(maxNative, "native memory limit") + JVM_OVERHEAD_BYTES;
    }

    /** The heap limit in bytes. */
    public long heapBytes() {
        return bytes(maxHeap, "heap limit");
    }

    /** What the JVM takes besides heap and tensors, in bytes. */
    public static long jvmOverheadBytes() {
        return JVM_OVERHEAD_BYTES;
    }

    /** Parses {@code 512m}, {@code 2g}, {@code 1048576} (bytes) or {@code 64k}. */
    static long bytes(String size, String what) {
        String s = size == null ? "" : size.strip().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (s.endsWith("k") || s.endsWith("m") || s.endsWith("g") || s.endsWith("t")) {
            unit = 1L << (10 * ("kmgt".indexOf(s.charAt(s.length() - 1)) + 1));
            s = s.substring(0, s.length() - 1);
        }
        try {
            long n = Long.parseLong(s);
            if (n > 0) {
                return Math.multiplyExact(n, unit);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // fall through to the message
        }
        throw new BadInputException(what + " '" + size + "' is not a size such as 512m or 2g");
    }
}
