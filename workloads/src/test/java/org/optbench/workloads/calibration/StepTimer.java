package org.optbench.workloads.calibration;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.optbench.api.BatchStream;
import org.optbench.api.HyperParameters;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.submissions.ReferenceOptimizers;
import org.optbench.submissions.transform.Optimizer;
import org.optbench.workloads.Model;
import org.optbench.workloads.Workload;
import org.optbench.workloads.Workloads;

/**
 * The step time behind the budgets of workloads/README.md: the wall time of one training step (next batch,
 * forward and backward, AdamW update) at the workload's default batch size, after warm-up steps, and the CPU time
 * of the stepping thread. With {@code OMP_NUM_THREADS=1} the native kernels run on the calling thread, so on a
 * machine shared with other jobs the thread's CPU time estimates the uncontended wall time. Not a test: run by
 * hand,
 *
 * <pre>
 * OMP_NUM_THREADS=1 java -cp "$CP" org.optbench.workloads.calibration.StepTimer STEPS WORKLOAD...
 * </pre>
 */
public final class StepTimer {
    private static final int WARMUP = 30;

    private StepTimer() {
    }

    /** Times {@code STEPS} steps of each named workload and prints median, 10th and 90th percentiles. */
    public static void main(String[] args) {
        int steps = Integer.parseInt(args[0]);
        for (int a = 1; a < args.length; a++) {
            Workload workload = Workloads.create(args[a]);
            int batchSize = workload.spec().defaultBatchSize();
            Rng rng = Rng.of(0);
            Params params = workload.initialParams(rng.split(1));
            BatchStream stream = workload.trainingStream(batchSize, rng.split(2));
            Optimizer adamw = ReferenceOptimizers.create("adamw", HyperParameters.of(Map.of("learning_rate", 1e-3,
                    "one_minus_beta1", 0.1, "beta2", 0.999, "weight_decay", 1e-4, "warmup_factor", 0.05)),
                    WARMUP + steps);
            Optimizer.State state = adamw.init(params);
            long[] times = new long[steps];
            long[] cpu = new long[steps];
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            try (Model model = workload.model(batchSize)) {
                for (int step = 0; step < WARMUP + steps; step++) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    LossAndGradients lg = model.lossAndGradients(params, stream.next());
                    adamw.step(params, lg.gradients(), state);
                    if (step >= WARMUP) {
                        times[step - WARMUP] = System.nanoTime() - t0;
                        cpu[step - WARMUP] = threads.getCurrentThreadCpuTime() - c0;
                    }
                }
            }
            Arrays.sort(times);
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "%-26s batch %4d %,10d params  wall median %7.2f ms p10 %7.2f p90 %7.2f"
                            + "  thread CPU median %7.2f ms p10 %7.2f  (%d steps after %d warm-up)%n", args[a],
                    batchSize, workload.info().numParameters(), times[steps / 2] / 1e6, times[steps / 10] / 1e6,
                    times[steps * 9 / 10] / 1e6, cpu[steps / 2] / 1e6, cpu[steps / 10] / 1e6, steps, WARMUP);
        }
    }
}
