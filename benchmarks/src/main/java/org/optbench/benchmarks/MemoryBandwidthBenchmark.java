package org.optbench.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's memory bandwidth as one Java thread sees it, the ceiling of a first-order optimizer over flat float
 * buffers: STREAM's copy ({@code a = b}, 8 bytes moved per float) and triad ({@code a = b + s c}, 12 bytes), on
 * arrays of {@code floats} entries. 16M floats (64 MB each) is beyond any cache here; 1M (4 MB) is the
 * 1024x1024 matrix of {@link OptimizerStepBenchmark}. Bytes per second = bytes moved / the time of one operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseSerialGC"})
public class MemoryBandwidthBenchmark {
    @Param({"16777216", "1048576"})
    public int floats;

    private float[] a;
    private float[] b;
    private float[] c;

    @Setup
    public void setUp() {
        a = new float[floats];
        b = new float[floats];
        c = new float[floats];
        Arrays.fill(b, 1f);
        Arrays.fill(c, 2f);
    }

    /** a = b: 8 bytes per float. */
    @Benchmark
    public float[] copy() {
        System.arraycopy(b, 0, a, 0, floats);
        return a;
    }

    /** a = b + 0.5 c: 12 bytes per float. */
    @Benchmark
    public float[] triad() {
        float[] x = a;
        float[] y = b;
        float[] z = c;
        for (int i = 0; i < x.length; i++) {
            x[i] = y[i] + 0.5f * z[i];
        }
        return x;
    }
}
