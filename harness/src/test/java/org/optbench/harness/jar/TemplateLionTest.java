package org.optbench.harness.jar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Batch;
import org.optbench.api.EvalResult;
import org.optbench.api.HyperParameters;
import org.optbench.api.LossAndGradients;
import org.optbench.api.LossType;
import org.optbench.api.OptimizerState;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.StepContext;
import org.optbench.api.Submission;
import org.optbench.api.WorkloadInfo;
import org.optbench.harness.catalog.SubmissionSource;

/** The template's Lion, loaded from its jar, against two steps worked out by hand from Chen et al.'s update. */
class TemplateLionTest {
    @Test
    void twoStepsMatchTheHandComputedUpdate(@TempDir Path work) {
        Submission lion = SubmissionSource.load(JarFixtures.templateJar(work).toString());
        Params params = Params.builder()
                .add("w", ParameterType.WEIGHT, Nd4j.createFromArray(1.0, -2.0))
                .add("b", ParameterType.BIAS, Nd4j.createFromArray(0.5))
                .build();
        WorkloadInfo info = new WorkloadInfo(List.of(
                new WorkloadInfo.ParameterSpec("w", ParameterType.WEIGHT, List.of(2L)),
                new WorkloadInfo.ParameterSpec("b", ParameterType.BIAS, List.of(1L))),
                LossType.MEAN_SQUARED_ERROR, 100, 10);
        // warmup_factor 0.01 of a 100-step hint: a one-step warm-up, so steps 0 and 1 both use the peak rate.
        HyperParameters hp = HyperParameters.of(Map.of("learning_rate", 0.1, "one_minus_beta1", 0.1, "beta2", 0.99,
                "weight_decay", 0.5, "warmup_factor", 0.01));
        OptimizerState state = lion.init(info, params, hp, Rng.of(1));
        assertEquals(3 * 8, state.stateBytes(), "one float64 momentum per parameter");

        // Step 0, m = 0: c = 0.1 g, so sign(c) = sign(g) = (+, -; +).
        //   w = w (1 - 0.1 * 0.5) - 0.1 sign(c) = (0.95 - 0.1, -1.9 + 0.1) = (0.85, -1.8); b = 0.5 - 0.1 = 0.4
        //   m = 0.01 g = (0.005, -0.001; 0.002)
        Context step0 = new Context(params, state, 0, 0.5, -0.1, 0.2);
        lion.update(step0);
        assertArrayEquals(new double[] {0.85, -1.8}, params.get("w").toDoubleVector(), 1e-12);
        assertArrayEquals(new double[] {0.4}, params.get("b").toDoubleVector(), 1e-12);

        // Step 1 with g = (-0.01, 0.3; -0.001): c = 0.9 m + 0.1 g = (0.0035, 0.0291; 0.0017): the momentum outvotes
        // the first and third gradients' signs. w = (0.85 * 0.95 - 0.1, -1.8 * 0.95 - 0.1) = (0.7075, -1.81);
        // b = 0.4 - 0.1 = 0.3.
        Context step1 = new Context(params, state, 1, -0.01, 0.3, -0.001);
        lion.update(step1);
        assertArrayEquals(new double[] {0.7075, -1.81}, params.get("w").toDoubleVector(), 1e-12);
        assertArrayEquals(new double[] {0.3}, params.get("b").toDoubleVector(), 1e-12);
    }

    /** The smallest honest StepContext: given gradients at a given step, everything else unused by Lion. */
    private static final class Context implements StepContext {
        private final Params params;
        private final OptimizerState state;
        private final long step;
        private final LossAndGradients lossAndGradients;

        Context(Params params, OptimizerState state, long step, double gw0, double gw1, double gb) {
            this.params = params;
            this.state = state;
            this.step = step;
            Params gradients = Params.builder()
                    .add("w", ParameterType.WEIGHT, Nd4j.createFromArray(gw0, gw1))
                    .add("b", ParameterType.BIAS, Nd4j.createFromArray(gb))
                    .build();
            this.lossAndGradients = new LossAndGradients(1.0, gradients);
        }

        @Override
        public Batch batch() {
            throw new UnsupportedOperationException("Lion does not read the batch");
        }

        @Override
        public LossAndGradients lossAndGradients() {
            return lossAndGradients;
        }

        @Override
        public LossAndGradients lossAndGradients(Batch batch) {
            throw new UnsupportedOperationException("Lion uses the step's batch");
        }

        @Override
        public Params params() {
            return params;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S extends OptimizerState> S state() {
            return (S) state;
        }

        @Override
        public HyperParameters hyperParameters() {
            return HyperParameters.empty();
        }

        @Override
        public long step() {
            return step;
        }

        @Override
        public WorkloadInfo workload() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Rng rng() {
            return Rng.of(step);
        }

        @Override
        public double submissionSeconds() {
            return 0;
        }

        @Override
        public double budgetSeconds() {
            return 1;
        }

        @Override
        public List<EvalResult> evaluations() {
            return List.of();
        }

        @Override
        public void markTrainingComplete() {
        }
    }
}
