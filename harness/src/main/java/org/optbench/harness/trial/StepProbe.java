package org.optbench.harness.trial;

import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.HyperParameters;
import org.optbench.api.OptimizerState;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.Submission;
import org.optbench.workloads.Model;
import org.optbench.workloads.Workload;

/**
 * Times training steps of a workload without a trial around them (no evaluation, no records): the speed probe's
 * measurement. Each step, {@code selectData} + {@code update}, is timed by the thread's CPU time, which other
 * processes on the machine barely move.
 */
public final class StepProbe {
    private StepProbe() {
    }

    /**
     * The median CPU seconds of a step over at least {@code measured} steps and {@code measuredSeconds} of CPU time
     * (a step of microseconds needs thousands to settle), after untimed ones (the first steps pay for the JIT): at
     * least {@code warmup} of them and at least {@code warmupSeconds} of CPU time.
     */
    public static double medianStepSeconds(Workload workload, Submission submission, HyperParameters hyperParameters,
                                           int warmup, double warmupSeconds, int measured, double measuredSeconds) {
        Rng rng = Rng.of(1);
        Params params = workload.initialParams(rng.split(1));
        int requested = submission.batchSize(workload.spec().name());
        int batchSize = requested == Submission.DEFAULT_BATCH_SIZE ? workload.spec().defaultBatchSize() : requested;
        BatchStream stream = workload.trainingStream(batchSize, rng.split(2));
        StepTimes times = new StepTimes();
        TrialClock clock = TrialClock.SYSTEM;
        try (Model model = workload.model(batchSize)) {
            TrialContext context = new TrialContext(model, params, hyperParameters, workload.info(), rng.split(4),
                    Double.MAX_VALUE, clock::threadCpuNanos);
            OptimizerState state = submission.init(workload.info(), params, hyperParameters, rng.split(3));
            context.setState(state);
            long warmupStart = clock.threadCpuNanos();
            long warmupNanos = (long) (warmupSeconds * 1e9);
            int timed = 0;
            long timedNanos = 0;
            long measuredNanos = (long) (measuredSeconds * 1e9);
            for (int step = 0; timed < measured || timedNanos < measuredNanos; step++) {
                context.beginStep(step, 0);
                long start = clock.threadCpuNanos();
                Batch batch = submission.selectData(stream, context);
                context.setBatch(batch);
                submission.update(context);
                long end = clock.threadCpuNanos();
                if (step >= warmup && end - warmupStart >= warmupNanos) {
                    times.add(end - start);
                    timed++;
                    timedNanos += end - start;
                }
            }
        }
        return times.medianSeconds();
    }
}
