package org.optbench.workloads.calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.nd4j.linalg.api.buffer.DataType;
import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.workloads.Model;
import org.optbench.workloads.Workload;
import org.optbench.workloads.WorkloadOptions;
import org.optbench.workloads.Workloads;

/**
 * Times a workload's {@code lossAndGradients} alone, on one fixed batch, then whole training steps (batch,
 * loss and gradients, {@link PlainAdamW}), and watches the process's resident set
 * and the Java heap to show that the step allocates nothing that grows. Not a unit test: run as workloads/README.md
 * says, with {@code OMP_NUM_THREADS=1}.
 *
 * <p>Arguments: {@code workload [batch] [steps] [float|double]}.
 */
public final class StepTiming {
    private StepTiming() {
    }

    public static void main(String[] args) throws IOException {
        String name = args[0];
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        DataType type = args.length > 3 && args[3].equalsIgnoreCase("double") ? DataType.DOUBLE : DataType.FLOAT;
        Workload workload = Workloads.create(name, WorkloadOptions.defaults().withDataType(type));
        Params params = workload.initialParams(Rng.of(1));
        BatchStream stream = workload.trainingStream(batchSize, Rng.of(2));
        Batch batch = stream.next();
        Model model = workload.model(batchSize);
        for (int i = 0; i < 300; i++) {
            model.lossAndGradients(params, batch);
        }
        long[] nanos = new long[steps];
        System.out.printf(Locale.ROOT, "# %s batch=%d %s OMP_NUM_THREADS=%s%n", name, batchSize, type,
                System.getenv("OMP_NUM_THREADS"));
        System.out.println("# step rss_mb heap_used_mb");
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < steps; i++) {
            long start = System.nanoTime();
            model.lossAndGradients(params, batch);
            nanos[i] = System.nanoTime() - start;
            if (i % (steps / 10) == 0 || i == steps - 1) {
                System.out.printf(Locale.ROOT, "%d %.1f %.1f%n", i, rssMb(), (rt.totalMemory() - rt.freeMemory()) / 1e6);
            }
        }
        report("lossAndGradients", nanos);
        // A whole training step as the harness times it: next batch, loss and gradients, a plain AdamW update.
        PlainAdamW adamw = new PlainAdamW(params, 1e-4, 0.9, 0.999, 1e-8, 0, 10, steps);
        for (int i = 0; i < steps; i++) {
            long start = System.nanoTime();
            Batch b = stream.next();
            adamw.step(params, model.lossAndGradients(params, b).gradients());
            nanos[i] = System.nanoTime() - start;
        }
        report("training step (batch + lossAndGradients + AdamW)", nanos);
    }

    private static void report(String what, long[] nanos) {
        Arrays.sort(nanos);
        int n = nanos.length;
        System.out.printf(Locale.ROOT, "# %s: median %.3f ms, p10 %.3f ms, p90 %.3f ms over %d calls%n", what,
                nanos[n / 2] / 1e6, nanos[n / 10] / 1e6, nanos[n * 9 / 10] / 1e6, n);
    }

    private static double rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
