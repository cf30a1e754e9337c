package org.optbench.workloads.delay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.workloads.Model;
import org.optbench.workloads.Workload;
import org.optbench.workloads.Workloads;

/**
 * Delayed gradients against the base model itself: every expected gradient is the base's, computed by the test at
 * parameters it kept (the independent derivation of "computed at step t - d").
 */
class DelayedWorkloadTest {
    private static final double LR = 0.05;
    private static final double MOMENTUM = 0.9;

    /** Heavy-ball SGD steps, the harness's order: beginStep, one request, the update. Returns every step's params. */
    private static List<double[]> trajectory(Workload workload, int steps, boolean announceSteps) {
        Params params = workload.initialParams(Rng.of(11));
        BatchStream stream = workload.trainingStream(workload.spec().defaultBatchSize(), Rng.of(12));
        Params velocity = params.zerosLike();
        List<double[]> history = new ArrayList<>();
        try (Model model = workload.model(workload.spec().defaultBatchSize())) {
            for (int t = 0; t < steps; t++) {
                if (announceSteps) {
                    model.beginStep(t);
                }
                LossAndGradients lg = model.lossAndGradients(params, stream.next());
                for (int i = 0; i < params.size(); i++) {
                    velocity.value(i).muli(MOMENTUM).addi(lg.gradients().value(i));
                    params.value(i).subi(velocity.value(i).mul(LR));
                }
                history.add(flat(params));
            }
        }
        return history;
    }

    private static double[] flat(Params params) {
        List<Double> out = new ArrayList<>();
        for (Params.Param p : params) {
            for (double v : p.value().dup().data().asDouble()) {
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static DelayedWorkload delayed(String base, LatencyModel latency) {
        return new DelayedWorkload(Workloads.spec(base), Workloads.create(base), latency);
    }

    @ParameterizedTest
    @ValueSource(strings = {"quadratic", "mnist_mlp", "sotu_lm"})
    void withNoDelayTheTrajectoryIsTheBasesBitForBit(String base) {
        int steps = base.equals("quadratic") ? 40 : 12;
        List<double[]> expected = trajectory(Workloads.create(base), steps, true);
        // Fixed 0 answers at the live parameters; a latency that always draws 0 but may go to 5 answers at this
        // step's copy in the ring: both must be the base, exactly.
        LatencyModel zeroThroughTheRing = new LogNormalLatency(0.4, 0.0, 5, 1);
        for (LatencyModel none : List.of(new FixedLatency(0), zeroThroughTheRing)) {
            List<double[]> actual = trajectory(delayed(base, none), steps, true);
            for (int t = 0; t < steps; t++) {
                assertArrayEquals(expected.get(t), actual.get(t), 0.0, base + " " + none + " step " + t);
            }
        }
    }

    @Test
    void aFixedDelayAnswersAtTheParametersOfThatManyStepsBackAndAtTheInitialOnesBefore() {
        int d = 3;
        Workload base = Workloads.create("mnist_mlp");
        DelayedWorkload workload = delayed("mnist_mlp", new FixedLatency(d));
        Params params = workload.initialParams(Rng.of(5));
        BatchStream stream = workload.trainingStream(32, Rng.of(6));
        List<Params> seen = new ArrayList<>();
        try (Model delayedModel = workload.model(32); Model baseModel = base.model(32)) {
            for (int t = 0; t < 8; t++) {
                seen.add(params.copy());
                delayedModel.beginStep(t);
                Batch batch = stream.next();
                double[] got = flat(delayedModel.lossAndGradients(params, batch).gradients());
                Params stale = seen.get(Math.max(0, t - d));
                double[] want = flat(baseModel.lossAndGradients(stale, batch).gradients());
                assertArrayEquals(want, got, 0.0, "step " + t);
                for (int i = 0; i < params.size(); i++) {
                    params.value(i).subi(0.1); // any change: the next step's parameters differ from this one's
                }
            }
        }
    }

    @Test
    void everyRequestOfAStepIsAnsweredAtTheStepsStaleParametersEvenIfTheLiveOnesMove() {
        DelayedWorkload workload = delayed("quadratic", new FixedLatency(2));
        Params params = workload.initialParams(Rng.of(5));
        BatchStream stream = workload.trainingStream(16, Rng.of(6));
        try (Model model = workload.model(16)) {
            for (int t = 0; t < 5; t++) {
                model.beginStep(t);
                Batch batch = stream.next();
                double[] first = flat(model.lossAndGradients(params, batch).gradients());
                params.value(0).addi(1.0); // a submission probing elsewhere (SAM's ascent step, say)
                double[] second = flat(model.lossAndGradients(params, batch).gradients());
                assertArrayEquals(first, second, 0.0, "step " + t);
            }
        }
    }

    @Test
    void withoutStepsNamedEachRequestIsAStep() {
        // A benchmark calls the model without beginStep: with delay 1, request k is answered at request k-1's
        // parameters, exactly as announcing each request as a step would.
        LatencyModel one = new FixedLatency(1);
        List<double[]> announced = trajectory(delayed("quadratic", one), 20, true);
        List<double[]> silent = trajectory(delayed("quadratic", one), 20, false);
        for (int t = 0; t < 20; t++) {
            assertArrayEquals(announced.get(t), silent.get(t), 0.0, "step " + t);
        }
        assertNotEquals(announced.get(19)[0], trajectory(Workloads.create("quadratic"), 20, true).get(19)[0],
                "a delay changes the trajectory");
    }

    @Test
    void aDroppedUpdateIsAZeroGradientAtTheCostOfAStep() {
        LatencyModel dropsStepTwo = new LatencyModel() {
            @Override
            public int delay(long step) {
                return step == 2 ? DROPPED : 0;
            }

            @Override
            public int maxDelay() {
                return 4;
            }

            @Override
            public String describe() {
                return "drops step 2";
            }
        };
        Workload base = Workloads.create("quadratic");
        DelayedWorkload workload = delayed("quadratic", dropsStepTwo);
        Params params = workload.initialParams(Rng.of(5));
        Params initial = params.copy();
        BatchStream stream = workload.trainingStream(16, Rng.of(6));
        try (Model model = workload.model(16); Model baseModel = base.model(16)) {
            for (int t = 0; t < 4; t++) {
                model.beginStep(t);
                Batch batch = stream.next();
                LossAndGradients lg = model.lossAndGradients(params, batch);
                if (t == 2) {
                    for (double g : flat(lg.gradients())) {
                        assertEquals(0.0, g);
                    }
                    // Its loss: the oldest parameters kept, here (step 2 < 4) the initial ones.
                    assertEquals(baseModel.lossAndGradients(initial, batch).loss(), lg.loss(), 0.0);
                } else {
                    assertNotEquals(0.0, flat(lg.gradients())[0]);
                }
                params.value(0).subi(0.1);
            }
        }
    }

    @Test
    void logNormalDelaysFollowTheirClosedForm() {
        // median 4, sigma 1, cutoff 32: P(round(X) = 4) = Phi(ln(4.5/4)) - Phi(ln(3.5/4)) = 0.54690 - 0.44690,
        // P(dropped) = P(X >= 32.5) = 1 - Phi(ln 8.125) = 0.01809.
        LogNormalLatency latency = new LogNormalLatency(4, 1.0, 32, 77);
        int n = 200_000;
        int four = 0;
        int dropped = 0;
        int longest = 0;
        for (long t = 0; t < n; t++) {
            int d = latency.delay(t);
            assertEquals(d, latency.delay(t), "a function of the step alone");
            if (d == LatencyModel.DROPPED) {
                dropped++;
            } else {
                longest = Math.max(longest, d);
                if (d == 4) {
                    four++;
                }
            }
        }
        // Binomial standard deviations: 0.00067 and 0.00030; five of them.
        assertEquals(0.10000, four / (double) n, 0.0034);
        assertEquals(0.01809, dropped / (double) n, 0.0015);
        assertEquals(32, longest, "the cutoff is the longest delay that arrives");
        assertEquals(32, latency.maxDelay());
    }
}
