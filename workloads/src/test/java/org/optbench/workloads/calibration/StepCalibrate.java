package org.optbench.workloads.calibration;

import java.util.Locale;
import java.util.Map;

import org.optbench.api.BatchStream;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.workloads.Model;
import org.optbench.workloads.Split;
import org.optbench.workloads.Workload;
import org.optbench.workloads.WorkloadOptions;
import org.optbench.workloads.Workloads;

/**
 * Trains a workload with {@link PlainAdamW} for the step hint and prints the validation metric every
 * {@code evalEverySteps} steps: step counts, unlike seconds, do not depend on the machine's load, so targets are
 * set from these and budgets from them times a separately measured step time ({@link StepTiming}). See
 * workloads/README.md.
 *
 * <p>Arguments: {@code workload lr weightDecay warmupFraction stepHint evalEverySteps seed [batch]}.
 */
public final class StepCalibrate {
    private StepCalibrate() {
    }

    public static void main(String[] args) {
        String name = args[0];
        double lr = Double.parseDouble(args[1]);
        double wd = Double.parseDouble(args[2]);
        double warmupFraction = Double.parseDouble(args[3]);
        long stepHint = Long.parseLong(args[4]);
        long evalEvery = Long.parseLong(args[5]);
        long seed = Long.parseLong(args[6]);
        Workload workload = Workloads.create(name, WorkloadOptions.defaults());
        int batchSize = args.length > 7 ? Integer.parseInt(args[7]) : workload.spec().defaultBatchSize();
        String metric = workload.spec().metric();
        Rng trial = Rng.of(seed);
        Params params = workload.initialParams(trial.split(0));
        BatchStream stream = workload.trainingStream(batchSize, trial.split(1));
        Model model = workload.model(batchSize);
        PlainAdamW adamw = new PlainAdamW(params, lr, 0.9, 0.999, 1e-8, wd, Math.round(warmupFraction * stepHint),
                stepHint);
        System.out.printf(Locale.ROOT, "# %s lr=%g wd=%g warmup=%.3f hint=%d seed=%d batch=%d%n", name, lr, wd,
                warmupFraction, stepHint, seed, batchSize);
        Map<String, Double> start = workload.evaluate(params, Split.VALIDATION);
        System.out.printf(Locale.ROOT, "0 nan %.5f %.5f%n", start.get("loss"), start.get(metric));
        double lossSum = 0;
        for (long step = 1; step <= stepHint; step++) {
            LossAndGradients lg = model.lossAndGradients(params, stream.next());
            lossSum += lg.loss();
            adamw.step(params, lg.gradients());
            if (step % evalEvery == 0 || step == stepHint) {
                Map<String, Double> val = workload.evaluate(params, Split.VALIDATION);
                System.out.printf(Locale.ROOT, "%d %.5f %.5f %.5f%n", step, lossSum / evalEvery, val.get("loss"),
                        val.get(metric));
                lossSum = 0;
            }
        }
        Map<String, Double> test = workload.evaluate(params, Split.TEST);
        System.out.printf(Locale.ROOT, "# final test_%s=%.5f test_loss=%.5f%n", metric, test.get(metric),
                test.get("loss"));
    }
}
