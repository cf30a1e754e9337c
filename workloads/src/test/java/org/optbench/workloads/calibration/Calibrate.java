package org.optbench.workloads.calibration;

import java.util.Locale;
import java.util.Map;

import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.workloads.Model;
import org.optbench.workloads.Split;
import org.optbench.workloads.Workload;
import org.optbench.workloads.WorkloadOptions;
import org.optbench.workloads.Workloads;
import org.optbench.workloads.quadratic.QuadraticData;
import org.optbench.workloads.quadratic.QuadraticWorkload;

/**
 * Trains a workload with {@link PlainAdamW} for a wall-clock budget or the step hint, whichever ends first, and
 * prints the validation metric at each
 * evaluation, timing only the steps (batch selection, loss and gradients, update), as the harness will. Used to
 * set targets and budgets; see workloads/README.md for the command.
 *
 * <p>Arguments: {@code workload lr weightDecay warmupFraction stepHint budgetSeconds evalPeriodSeconds seed
 * [beta1 beta2 eps batch]}.
 */
public final class Calibrate {
    private Calibrate() {
    }

    public static void main(String[] args) {
        String name = args[0];
        double lr = Double.parseDouble(args[1]);
        double wd = Double.parseDouble(args[2]);
        double warmupFraction = Double.parseDouble(args[3]);
        long stepHint = Long.parseLong(args[4]);
        double budget = Double.parseDouble(args[5]);
        double evalPeriod = Double.parseDouble(args[6]);
        long seed = Long.parseLong(args[7]);
        double beta1 = args.length > 8 ? Double.parseDouble(args[8]) : 0.9;
        double beta2 = args.length > 9 ? Double.parseDouble(args[9]) : 0.999;
        double eps = args.length > 10 ? Double.parseDouble(args[10]) : 1e-8;
        Workload workload = Workloads.create(name, WorkloadOptions.defaults());
        int batchSize = args.length > 11 ? Integer.parseInt(args[11]) : workload.spec().defaultBatchSize();
        String metric = workload.spec().metric();

        Rng trial = Rng.of(seed);
        Params params = workload.initialParams(trial.split(0));
        BatchStream stream = workload.trainingStream(batchSize, trial.split(1));
        Model model = workload.model(batchSize);
        PlainAdamW adamw = new PlainAdamW(params, lr, beta1, beta2, eps, wd,
                Math.round(warmupFraction * stepHint), stepHint);

        double trained = 0;
        double nextEval = evalPeriod;
        long step = 0;
        System.out.printf(Locale.ROOT, "# %s lr=%g wd=%g warmup=%.3f hint=%d budget=%.1fs seed=%d batch=%d%n",
                name, lr, wd, warmupFraction, stepHint, budget, seed, batchSize);
        if (workload instanceof QuadraticWorkload q) {
            QuadraticData d = q.data();
            System.out.printf(Locale.ROOT, "# least-squares optimum: validation mse %.5f, test mse %.5f%n",
                    d.leastSquaresMse(d.validationX(), d.validationY()), d.leastSquaresMse(d.testX(), d.testY()));
        }
        System.out.println("# step seconds train_loss validation_loss validation_" + metric);
        double lastLoss = Double.NaN;
        // Stops at the budget or when the schedule has run out (the step hint), whichever comes first.
        while (trained < budget && step < stepHint) {
            long start = System.nanoTime();
            Batch batch = stream.next();
            LossAndGradients lg = model.lossAndGradients(params, batch);
            adamw.step(params, lg.gradients());
            trained += (System.nanoTime() - start) * 1e-9;
            lastLoss = lg.loss();
            step++;
            if (trained >= nextEval || trained >= budget || step == stepHint) {
                Map<String, Double> val = workload.evaluate(params, Split.VALIDATION);
                System.out.printf(Locale.ROOT, "%d %.2f %.5f %.5f %.5f%n", step, trained, lastLoss, val.get("loss"),
                        val.get(metric));
                nextEval += evalPeriod;
            }
        }
        Map<String, Double> test = workload.evaluate(params, Split.TEST);
        System.out.printf(Locale.ROOT, "# final step=%d seconds=%.2f ms/step=%.3f test_%s=%.5f%n", step, trained,
                1000 * trained / step, metric, test.get(metric));
    }
}
