package org.optbench.submissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.HyperParameters;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;
import org.optbench.submissions.transform.Optimizer;

/** The loop of submissions/reference/README.md, run for every reference optimizer. */
class ExampleLoopTest {
    @ParameterizedTest
    @ValueSource(strings = {"adamw", "nadamw", "sgd_momentum", "sgd_nesterov", "schedule_free_adamw"})
    void theReadmeLoopFitsATargetMatrix(String name) {
        // --- README example begins
        Params params = Params.builder()
                .add("dense/kernel", ParameterType.WEIGHT, Nd4j.zeros(DataType.FLOAT, 3, 2))
                .add("dense/bias", ParameterType.BIAS, Nd4j.zeros(DataType.FLOAT, 2))
                .build();
        Params gradients = params.zerosLike();
        INDArray target = Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}, {5, 6}});

        long stepHint = 3000;
        HyperParameters hp = HyperParameters.of(Map.of("learning_rate", 0.05, "one_minus_beta1", 0.1,
                "beta2", 0.999, "weight_decay", 0.0, "warmup_factor", 0.05));
        Optimizer optimizer = ReferenceOptimizers.create(name, hp, stepHint);
        Optimizer.State state = optimizer.init(params);
        for (long step = 0; step < stepHint; step++) {
            optimizer.restoreAfterEval(params, state);  // back to the training point (no-op if not evaluated)
            // the gradient of 1/2 ||kernel - target||^2 + 1/2 ||bias||^2, at the training point
            gradients.get("dense/kernel").assign(params.get("dense/kernel")).subi(target);
            gradients.get("dense/bias").assign(params.get("dense/bias"));
            optimizer.step(params, gradients, state);
            if (step % 100 == 99) {
                optimizer.prepareForEval(params, state);  // Schedule-Free: the averaged iterate; others: no-op
                // ... evaluate the model at params here ...
            }
        }
        optimizer.prepareForEval(params, state);
        // --- README example ends
        for (int i = 0; i < 6; i++) {
            assertEquals(target.getDouble(i / 2, i % 2), params.get("dense/kernel").getDouble(i / 2, i % 2), 0.05,
                    name);
        }
    }
}
