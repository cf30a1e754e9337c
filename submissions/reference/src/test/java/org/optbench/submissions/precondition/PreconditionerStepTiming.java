package org.optbench.submissions.precondition;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.HyperParameters;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;
import org.optbench.submissions.ReferenceOptimizers;
import org.optbench.submissions.transform.Optimizer;

/**
 * Times optimizer steps of the preconditioned optimizers on the 269,322-float32 MLP parameter set
 * ([784,256], [256], [256,256], [256], [256,10], [10], one flat buffer) with fixed random gradients, from each
 * submission's default point. Steps are timed in windows of 10 consecutive steps (Shampoo recomputes its roots once
 * per window, {@code preconditioning_compute_steps} = 10), after 2 warm-up windows; prints the median window time
 * divided by 10 (the amortised step) and the 10th/90th percentiles. Not a test; asserts nothing. Run from the repo
 * root (as {@code org.optbench.submissions.StepTiming}):
 * <pre>
 * ./mvnw -q -B -o -pl submissions/reference -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * OMP_NUM_THREADS=1 java -cp submissions/reference/target/test-classes:submissions/reference/target/classes:$(cat \
 *     submissions/reference/target/test-classpath.txt) org.optbench.submissions.precondition.PreconditionerStepTiming \
 *     [windows] [names...] [hyperparameter=value...]
 * </pre>
 */
public final class PreconditionerStepTiming {
    private static final int WINDOW = 10;
    private static final int WARMUP_WINDOWS = 2;

    private PreconditionerStepTiming() {
    }

    private static Params mlp() {
        Params layout = Params.builder()
                .add("dense_0/kernel", ParameterType.WEIGHT, Nd4j.zeros(DataType.FLOAT, 784, 256))
                .add("dense_0/bias", ParameterType.BIAS, Nd4j.zeros(DataType.FLOAT, 256))
                .add("dense_1/kernel", ParameterType.WEIGHT, Nd4j.zeros(DataType.FLOAT, 256, 256))
                .add("dense_1/bias", ParameterType.BIAS, Nd4j.zeros(DataType.FLOAT, 256))
                .add("dense_2/kernel", ParameterType.WEIGHT, Nd4j.zeros(DataType.FLOAT, 256, 10))
                .add("dense_2/bias", ParameterType.BIAS, Nd4j.zeros(DataType.FLOAT, 10))
                .build();
        Nd4j.getRandom().setSeed(1);
        return layout.viewsOf(Nd4j.rand(DataType.FLOAT, layout.numElements()).subi(0.5).muli(0.1));
    }

    /**
     * Arguments: the number of timed windows (default 10), then optimizer names (default all four) and
     * {@code name=value} overrides of the default points (weight decay is set to 0.01 so that its term is timed).
     */
    public static void main(String[] args) {
        int windows = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> names = new java.util.ArrayList<>();
        Map<String, Object> overrides = new java.util.LinkedHashMap<>(Map.of("weight_decay", 0.01));
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq > 0) {
                overrides.put(args[i].substring(0, eq), Double.parseDouble(args[i].substring(eq + 1)));
            } else {
                names.add(args[i]);
            }
        }
        if (names.isEmpty()) {
            names.addAll(List.of("sonew", "sonew_banded", "shampoo", "sketchy"));
        }
        System.out.printf("OMP_NUM_THREADS=%s, %s%n", System.getenv("OMP_NUM_THREADS"), Runtime.version());
        for (String name : names) {
            HyperParameters hp = java.util.ServiceLoader.load(org.optbench.api.Submission.class).stream()
                    .map(java.util.ServiceLoader.Provider::get).filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow().defaultHyperParameters().with(overrides);
            Params params = mlp();
            INDArray flat = Nd4j.rand(DataType.FLOAT, params.numElements()).subi(0.5);
            Params gradients = params.viewsOf(flat);
            Optimizer optimizer = ReferenceOptimizers.create(name, hp, 100_000);
            Optimizer.State state = optimizer.init(params);
            long[] nanos = new long[windows];
            for (int w = 0; w < WARMUP_WINDOWS + windows; w++) {
                long start = System.nanoTime();
                for (int i = 0; i < WINDOW; i++) {
                    optimizer.step(params, gradients, state);
                }
                long elapsed = System.nanoTime() - start;
                if (w >= WARMUP_WINDOWS) {
                    nanos[w - WARMUP_WINDOWS] = elapsed;
                }
            }
            Arrays.sort(nanos);
            System.out.printf("%-14s n=%d  amortised step: median %.2f ms  p10 %.2f ms  p90 %.2f ms  state %d bytes%n",
                    name, params.numElements(), nanos[windows / 2] / 1e6 / WINDOW,
                    nanos[windows / 10] / 1e6 / WINDOW, nanos[Math.min(windows - 1, windows * 9 / 10)] / 1e6 / WINDOW,
                    state.stateBytes());
        }
    }
}
