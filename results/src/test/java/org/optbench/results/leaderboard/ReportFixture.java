package org.optbench.results.leaderboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optbench.api.MetricDirection;
import org.optbench.results.records.StopReason;
import org.optbench.results.records.TrialRecordBuilder;

/**
 * A record tree shaped like a real suite, for the report's and the plots' tests: many workloads with long names,
 * three submissions of which one skipped a workload, near misses, a loss workload, a failed trial, a contended
 * trial and scaled budgets.
 *
 * <ul>
 *   <li>Workloads {@link #WORKLOADS} (the first {@code n}); all accuracy with target {@link #TARGET} but
 *       {@code quadratic}, a loss with target 1e-3.</li>
 *   <li>{@code adamw} reaches every accuracy target (best 0.9870) at 4 s times the workload's scale;
 *       {@code shampoo} at 3 s times the scale, but did not run {@link #SKIPPED} and failed (out of memory) on
 *       {@link #FAILED}; {@code sgd_nesterov} tops out at 0.9765 and so misses. The scale is {@code 10^(i % 4)}
 *       for workload {@code i}, so times span three orders of magnitude.</li>
 *   <li>Optimizer states: {@code quadratic} 16 B (adamw), 48 B (shampoo), 0 (sgd); others 2 MiB, 9 MiB, 1 MiB.</li>
 *   <li>adamw and shampoo record the optimizer's part of a step (1 ms and 6 ms of 4 ms and 10 ms); sgd_nesterov's
 *       records predate the field.</li>
 *   <li>{@code shampoo}'s study 0 trial on the first workload ran contended (CPU share 0.41); every sgd_nesterov
 *       trial ran on a machine 1.3 times slower, with its budget scaled by 1.3.</li>
 * </ul>
 */
public final class ReportFixture {
    /** The accuracy target. */
    public static final double TARGET = 0.9836;
    /** sgd_nesterov's best validation accuracy on every accuracy workload. */
    public static final double SGD_BEST = 0.9765;
    /** Workload names, longest {@code mnist_autoencoder_sigmoid} style. */
    public static final List<String> WORKLOADS = List.of("mnist_autoencoder_sigmoid", "quadratic", "mnist_mlp",
            "mnist_mlp_tanh_variant", "ctr_dlrm_concat", "cifar10_resnet_tiny", "fashion_mnist_cnn",
            "mnist_autoencoder_relu", "ogbg_gnn_small", "wmt_transformer_tiny", "librispeech_conformer_tiny",
            "fastmri_unet_small", "imagenet_resnet_tiny", "imagenet_vit_tiny", "criteo_dlrm_small", "lm_gpt_tiny",
            "lm_gpt_tiny_gelu", "cifar10_vit_tiny", "mnist_cnn_batchnorm", "ctr_dlrm_dot", "mnist_mlp_wide");
    /** The workload shampoo did not run. */
    public static final String SKIPPED = "mnist_mlp_tanh_variant";
    /** The workload where shampoo's trials failed. */
    public static final String FAILED = "cifar10_resnet_tiny";
    /** The submissions, in name order. */
    public static final List<String> SUBMISSIONS = List.of("adamw", "sgd_nesterov", "shampoo");

    private ReportFixture() {
    }

    /** The first {@code workloads} of {@link #WORKLOADS}, {@code studies} studies of one trial each. */
    public static List<String> write(Path experiment, int workloads, int studies) {
        List<String> names = WORKLOADS.subList(0, workloads);
        for (int i = 0; i < names.size(); i++) {
            String w = names.get(i);
            double scale = Math.pow(10, i % 4);
            for (int study = 0; study < studies; study++) {
                double jitter = 1 + 0.05 * study;
                trial(experiment, "adamw", w, study, 4 * scale * jitter, 0.9870, 16, 2L << 20, 0.004, 0.001, i, 1.0);
                if (!w.equals(SKIPPED)) {
                    trial(experiment, "shampoo", w, study, 3 * scale * jitter, 0.9880, 48, 9L << 20, 0.010, 0.006,
                            i, 1.0);
                }
                trial(experiment, "sgd_nesterov", w, study, 5 * scale * jitter, SGD_BEST, 0, 1L << 20, 0.003,
                        Double.NaN, i, 1.3);
            }
        }
        return names;
    }

    private static void trial(Path experiment, String submission, String workload, int study, double hitSeconds,
                              double best, long quadraticState, long state, double step, double optimizerStep,
                              int index, double budgetScale) {
        boolean quadratic = workload.equals("quadratic");
        boolean failed = submission.equals("shampoo") && workload.equals(FAILED);
        TrialRecordBuilder spec = new TrialRecordBuilder().submission(submission).workload(workload).study(study)
                .trial(1).seed(7).hyperparameters(Map.of("learning_rate", 0.001))
                .budgetSeconds(hitSeconds * 3 * budgetScale).hardwareClass("cpu-2core").clock("cpu")
                .metric(quadratic ? "loss" : "accuracy")
                .metricDirection(quadratic ? MetricDirection.LOWER : MetricDirection.HIGHER)
                .validationTarget(quadratic ? 1e-3 : TARGET).testTarget(quadratic ? 1e-3 : TARGET)
                .stepTimeMedianSeconds(step * budgetScale)
                .optimizerStepTimeMedianSeconds(optimizerStep * budgetScale)
                .stateBytes(quadratic ? quadraticState : state).peakRssBytes(400_000_000L)
                .stopReason(failed ? StopReason.FAILED : StopReason.BUDGET).optbenchVersion("test")
                .startedAt("2026-11-27T02:30:00Z").cpuShare(0.97).budgetScale(budgetScale == 1.0 ? null : budgetScale)
                .concurrentTrials(1);
        if (submission.equals("shampoo") && study == 0 && index == 0) {
            spec.cpuShare(0.41).contended(true);
        }
        if (failed) {
            spec.failure("java.lang.OutOfMemoryError: Java heap space while allocating the preconditioner blocks "
                    + "of layer conv2\n\tat org.optbench.Shampoo.update(Shampoo.java:120)");
            RecordTree.curve(experiment, spec);
            return;
        }
        // Eight evaluations approaching `best`; an accuracy run reaches the target at its 5th evaluation when its
        // best lies above it.
        List<Double> points = new ArrayList<>();
        for (int k = 1; k <= 8; k++) {
            double seconds = hitSeconds * k / 5 * budgetScale;
            double value = quadratic ? best == SGD_BEST ? 2e-3 * Math.pow(10, 3.0 / k) : Math.pow(10, 1 - k * 0.85)
                    : k < 5 ? best - (best - 0.2) * Math.pow(0.3, k) - 0.01 * (5 - k)
                    : best == SGD_BEST ? best - 0.001 * (8 - k) : TARGET + (best - TARGET) * (k - 4) / 4;
            points.add(seconds);
            points.add(value);
        }
        RecordTree.curve(experiment, spec, points.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
