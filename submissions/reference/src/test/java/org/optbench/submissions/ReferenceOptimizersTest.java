package org.optbench.submissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.BadInputException;
import org.optbench.api.HyperParameters;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;
import org.optbench.submissions.transform.Optimizer;

class ReferenceOptimizersTest {
    private static final HyperParameters ADAM = HyperParameters.of(Map.of("learning_rate", 1e-3,
            "one_minus_beta1", 0.1, "beta2", 0.999, "weight_decay", 0.01, "warmup_factor", 0.05));

    /** The MLP of the speed target: [784,256],[256],[256,256],[256],[256,10],[10], 269,322 floats. */
    static Params mlp(DataType type) {
        Params layout = Params.builder()
                .add("dense_0/kernel", ParameterType.WEIGHT, Nd4j.zeros(type, 784, 256))
                .add("dense_0/bias", ParameterType.BIAS, Nd4j.zeros(type, 256))
                .add("dense_1/kernel", ParameterType.WEIGHT, Nd4j.zeros(type, 256, 256))
                .add("dense_1/bias", ParameterType.BIAS, Nd4j.zeros(type, 256))
                .add("dense_2/kernel", ParameterType.WEIGHT, Nd4j.zeros(type, 256, 10))
                .add("dense_2/bias", ParameterType.BIAS, Nd4j.zeros(type, 10))
                .build();
        return layout.viewsOf(Nd4j.rand(type, layout.numElements()));
    }

    @Test
    void adamwStateIsTwoFloatsPerParameter() {
        Params params = mlp(DataType.FLOAT);
        assertEquals(269_322, params.numElements());
        Optimizer adamw = ReferenceOptimizers.create("adamw", ADAM, 100);
        Optimizer.State state = adamw.unfused().init(params);
        // m and v; counters are scalars on the heap and are not counted
        assertEquals(2L * 269_322 * 4, state.stateBytes());
        assertEquals(269_322L * 4, state.updateBufferBytes());
        // stepped in one pass, the same state and no update buffer
        Optimizer.State fused = adamw.init(params);
        assertEquals(2L * 269_322 * 4, fused.stateBytes());
        assertEquals(0, fused.updateBufferBytes());
    }

    @Test
    void stateBytesOfTheOtherOptimizers() {
        Params params = mlp(DataType.DOUBLE);
        long n = params.numElements();
        HyperParameters sgd = HyperParameters.of(Map.of("learning_rate", 0.1, "one_minus_beta1", 0.1,
                "weight_decay", 0.0, "warmup_factor", 0.05));
        assertEquals(n * 8, ReferenceOptimizers.create("sgd_nesterov", sgd, 100).init(params).stateBytes());
        // no momentum, no buffer
        HyperParameters plainSgd = sgd.with(Map.of("one_minus_beta1", 1.0));
        assertEquals(0, ReferenceOptimizers.create("sgd_momentum", plainSgd, 100).init(params).stateBytes());
        assertEquals(2 * n * 8, ReferenceOptimizers.create("nadamw", ADAM, 100).init(params).stateBytes());
        // Schedule-Free, reference form: z, x and v
        assertEquals(3 * n * 8, ReferenceOptimizers.create("schedule_free_adamw", ADAM, 100).init(params)
                .stateBytes());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> ReferenceOptimizers.create("adamx", ADAM, 100));
        assertTrue(e.getMessage().contains("'adamx'"), e.getMessage());
        for (String name : new String[] {"adamw", "nadamw", "sgd_momentum", "sgd_nesterov", "schedule_free_adamw"}) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }

    @Test
    void missingOrOutOfRangeHyperParametersAreBadInput() {
        BadInputException missing = assertThrows(BadInputException.class, () -> ReferenceOptimizers.create("adamw",
                HyperParameters.of(Map.of("learning_rate", 1e-3)), 100));
        assertTrue(missing.getMessage().contains("one_minus_beta1"), missing.getMessage());
        BadInputException beta2 = assertThrows(BadInputException.class,
                () -> ReferenceOptimizers.create("adamw", ADAM.with(Map.of("beta2", 1.0)), 100));
        assertTrue(beta2.getMessage().contains("'beta2'"), beta2.getMessage());
        assertThrows(BadInputException.class,
                () -> ReferenceOptimizers.create("sgd_momentum", ADAM.with(Map.of("learning_rate", -1)), 100));
        assertThrows(BadInputException.class, () -> ReferenceOptimizers.create("adamw", ADAM, 0));
    }

    @Test
    void epsilonIsOptionalAndDefaultsTo1e8() {
        // a parameter at 0 with gradient 1e-8 each step: Adam's first step is g / (|g| + eps) = 1/2 with eps 1e-8
        HyperParameters hp = ADAM.with(Map.of("warmup_factor", 0.0, "weight_decay", 0.0));
        Params params = Params.builder().add("w", ParameterType.OTHER, Nd4j.zeros(DataType.DOUBLE, 1)).build();
        Params gradient = Params.builder().add("w", ParameterType.OTHER,
                Nd4j.valueArrayOf(new long[] {1}, 1e-8, DataType.DOUBLE)).build();
        Optimizer adamw = ReferenceOptimizers.create("adamw", hp, 100);
        adamw.step(params, gradient, adamw.init(params));
        assertEquals(-1e-3 * 0.5, params.value(0).getDouble(0), 1e-15);
    }
}
