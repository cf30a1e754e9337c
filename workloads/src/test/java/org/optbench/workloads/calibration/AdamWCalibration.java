package org.optbench.workloads.calibration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.HyperParameters;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.submissions.ReferenceOptimizers;
import org.optbench.submissions.transform.Optimizer;
import org.optbench.workloads.Model;
import org.optbench.workloads.Split;
import org.optbench.workloads.Workload;
import org.optbench.workloads.WorkloadSpec;
import org.optbench.workloads.Workloads;

/**
 * The calibration run behind the targets of workloads/README.md: the reference AdamW (warm-up + cosine over the
 * step hint) on one workload, evaluating the validation split every {@code evalEvery} steps (untimed), and the
 * median wall time of a training step (batch, forward, backward, update). Not a test: run by hand,
 *
 * <pre>
 * OMP_NUM_THREADS=1 java -cp "$CP" org.optbench.workloads.calibration.AdamWCalibration \
 *     WORKLOAD STEPS BATCH LR WEIGHT_DECAY EVAL_EVERY [SEED]
 * </pre>
 *
 * with one_minus_beta1 0.1, beta2 0.999, warmup_factor 0.05 and the step hint = STEPS.
 */
public final class AdamWCalibration {
    private AdamWCalibration() {
    }

    /** Runs one calibration and prints the validation curve and the step time. */
    public static void main(String[] args) {
        String name = args[0];
        int steps = Integer.parseInt(args[1]);
        int batchSize = Integer.parseInt(args[2]);
        double lr = Double.parseDouble(args[3]);
        double wd = Double.parseDouble(args[4]);
        int evalEvery = Integer.parseInt(args[5]);
        long seed = args.length > 6 ? Long.parseLong(args[6]) : 0;
        Workload workload = Workloads.create(name);
        WorkloadSpec spec = workload.spec();
        Rng rng = Rng.of(seed);
        Params params = workload.initialParams(rng.split(1));
        BatchStream stream = workload.trainingStream(batchSize, rng.split(2));
        Model model = workload.model(batchSize);
        Optimizer adamw = ReferenceOptimizers.create("adamw", HyperParameters.of(Map.of("learning_rate", lr,
                "one_minus_beta1", 0.1, "beta2", 0.999, "weight_decay", wd, "warmup_factor", 0.05)), steps);
        Optimizer.State state = adamw.init(params);
        long[] times = new long[steps];
        long firstAtTarget = -1;
        for (int step = 0; step < steps; step++) {
            long t0 = System.nanoTime();
            Batch batch = stream.next();
            LossAndGradients lg = model.lossAndGradients(params, batch);
            adamw.step(params, lg.gradients(), state);
            times[step] = System.nanoTime() - t0;
            if ((step + 1) % evalEvery == 0 || step + 1 == steps) {
                Map<String, Double> v = workload.evaluate(params, Split.VALIDATION);
                double metric = v.get(spec.metric());
                if (firstAtTarget < 0 && spec.direction().reaches(metric, spec.validationTarget())) {
                    firstAtTarget = step + 1;
                }
                System.out.printf(Locale.ROOT, "step %5d train_loss %.5f val_loss %.5f val_%s %.5f%n", step + 1,
                        lg.loss(), v.get("loss"), spec.metric(), metric);
            }
        }
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        long[] late = Arrays.copyOfRange(times, Math.min(20, steps - 1), steps);
        Arrays.sort(late);
        Map<String, Double> test = workload.evaluate(params, Split.TEST);
        System.out.printf(Locale.ROOT, "%s batch %d lr %g wd %g steps %d: first eval at target %.4f: step %d; "
                        + "test %s %.5f; step time median %.2f ms (after 20 warm-up steps), p10 %.2f, p90 %.2f%n",
                name, batchSize, lr, wd, steps, spec.validationTarget(), firstAtTarget, spec.metric(),
                test.get(spec.metric()), late[late.length / 2] / 1e6, late[late.length / 10] / 1e6,
                late[late.length * 9 / 10] / 1e6);
    }
}
