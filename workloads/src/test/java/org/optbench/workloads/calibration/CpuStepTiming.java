package org.optbench.workloads.calibration;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

import org.nd4j.linalg.api.buffer.DataType;
import org.optbench.api.BatchStream;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.workloads.Model;
import org.optbench.workloads.Workload;
import org.optbench.workloads.WorkloadOptions;
import org.optbench.workloads.Workloads;

/**
 * Times whole training steps (next batch, loss and gradients, a {@link PlainAdamW} update) by wall clock and by
 * the thread's CPU time. With one native thread ({@code OMP_NUM_THREADS=1}) ND4J's kernels run on the calling
 * thread, so the CPU time is the step's own work and stays near the quiet-machine wall time while other
 * processes load the machine, when the wall time does not.
 *
 * <p>Arguments: {@code workload [batch] [steps] [float|double]}; 50 warm-up steps first.
 */
public final class CpuStepTiming {
    private CpuStepTiming() {
    }

    public static void main(String[] args) {
        String name = args[0];
        DataType type = args.length > 3 && args[3].equalsIgnoreCase("double") ? DataType.DOUBLE : DataType.FLOAT;
        Workload workload = Workloads.create(name, WorkloadOptions.defaults().withDataType(type));
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : workload.spec().defaultBatchSize();
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        Params params = workload.initialParams(Rng.of(1));
        BatchStream stream = workload.trainingStream(batchSize, Rng.of(2));
        Model model = workload.model(batchSize);
        PlainAdamW adamw = new PlainAdamW(params, 1e-3, 0.9, 0.999, 1e-8, 0.01, 10, steps + 50);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 50; i++) {
            adamw.step(params, model.lossAndGradients(params, stream.next()).gradients());
        }
        long[] wall = new long[steps];
        long[] cpu = new long[steps];
        for (int i = 0; i < steps; i++) {
            long w0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            adamw.step(params, model.lossAndGradients(params, stream.next()).gradients());
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
            wall[i] = System.nanoTime() - w0;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "# %s batch=%d %s OMP_NUM_THREADS=%s, %d steps%n", name, batchSize, type,
                System.getenv("OMP_NUM_THREADS"), steps);
        System.out.printf(Locale.ROOT, "wall ms: median %.2f, p10 %.2f, p90 %.2f%n", wall[steps / 2] / 1e6,
                wall[steps / 10] / 1e6, wall[steps * 9 / 10] / 1e6);
        System.out.printf(Locale.ROOT, "thread cpu ms: median %.2f, p10 %.2f, p90 %.2f%n", cpu[steps / 2] / 1e6,
                cpu[steps / 10] / 1e6, cpu[steps * 9 / 10] / 1e6);
    }
}
