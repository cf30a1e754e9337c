package org.optbench.submissions;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.HyperParameters;
import org.optbench.api.Params;
import org.optbench.submissions.transform.Optimizer;

/**
 * Times one optimizer step on the MLP of {@link ReferenceOptimizersTest#mlp} (269,322 float32 parameters, one flat
 * buffer): 300 warm-up steps, then 2000 steps timed one by one with {@code System.nanoTime}; prints the median and
 * the 10th/90th percentiles, and the Java heap bytes the thread allocated per step (native memory is not
 * allocated: every tensor is made in {@code init}). Not a test and asserts nothing; a JMH module will replace it. Run (from the repo
 * root):
 * <pre>
 * ./mvnw -q -B -o -pl submissions/reference -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * OMP_NUM_THREADS=1 java -cp submissions/reference/target/test-classes:submissions/reference/target/classes:$(cat \
 *     submissions/reference/target/test-classpath.txt) org.optbench.submissions.StepTiming [names...]
 * </pre>
 */
public final class StepTiming {
    private static final int WARMUP = 300;
    private static final int TIMED = 2000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    private StepTiming() {
    }

    public static void main(String[] args) {
        List<String> names = args.length > 0 ? List.of(args)
                : List.of("adamw", "nadamw", "sgd_momentum", "sgd_nesterov", "schedule_free_adamw");
        HyperParameters hp = HyperParameters.of(Map.of("learning_rate", 1e-3, "one_minus_beta1", 0.1,
                "beta2", 0.999, "weight_decay", 0.01, "warmup_factor", 0.05));
        System.out.printf("OMP_NUM_THREADS=%s, %s%n", System.getenv("OMP_NUM_THREADS"), Runtime.version());
        for (String name : names) {
            Params params = ReferenceOptimizersTest.mlp(DataType.FLOAT);
            Params gradients = params.viewsOf(Nd4j.rand(DataType.FLOAT, params.numElements()).subi(0.5));
            Optimizer optimizer = ReferenceOptimizers.create(name, hp, 100_000);
            Optimizer.State state = optimizer.init(params);
            for (int i = 0; i < WARMUP; i++) {
                optimizer.step(params, gradients, state);
            }
            long[] nanos = new long[TIMED];
            long heapBefore = THREADS.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < TIMED; i++) {
                long start = System.nanoTime();
                optimizer.step(params, gradients, state);
                nanos[i] = System.nanoTime() - start;
            }
            long heapPerStep = (THREADS.getCurrentThreadAllocatedBytes() - heapBefore) / TIMED;
            Arrays.sort(nanos);
            System.out.printf("%-20s n=%d  median %.3f ms  p10 %.3f ms  p90 %.3f ms  state %d bytes  "
                    + "Java heap %d bytes/step%n", name, params.numElements(), nanos[TIMED / 2] / 1e6,
                    nanos[TIMED / 10] / 1e6, nanos[TIMED * 9 / 10] / 1e6, state.stateBytes(), heapPerStep);
        }
    }
}
