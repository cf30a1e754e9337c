package org.optbench.submissions.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.optbench.api.BadInputException;
import org.optbench.api.HyperParameters;
import org.optbench.api.Rng;
import org.optbench.api.Submission;
import org.optbench.submissions.ReferenceOptimizers;

class BuiltInSubmissionsTest {
    private static final long STEP_HINT = 3000;

    static Stream<Submission> submissions() {
        return ServiceLoader.load(Submission.class).stream().map(ServiceLoader.Provider::get);
    }

    @Test
    void theServiceFileOffersTheReferenceSubmissions() {
        // The service file's order is the annotation processor's, not a contract: compare the names sorted.
        List<String> names = submissions().map(Submission::name).sorted().toList();
        assertEquals(List.of("adamw", "nadamw", "schedule_free_adamw", "sgd_momentum", "sgd_nesterov",
                "shampoo", "sketchy", "sonew", "sonew_banded"), names);
    }

    /**
     * From its default point, each submission brings the quadratic's loss from 0.625 to under 1e-4 of that, through
     * init / update / prepareForEval as the harness calls them (an evaluation every 250 steps, so Schedule-Free
     * swaps to its average and back), measured at the evaluation point.
     */
    @ParameterizedTest
    @MethodSource("submissions")
    void minimisesAConvexQuadraticFromItsDefaultPoint(Submission submission) {
        HyperParameters hp = submission.defaultHyperParameters();
        QuadraticProblem problem = new QuadraticProblem(hp, STEP_HINT);
        problem.setState(submission.init(problem.workload(), problem.params(), hp, Rng.of(7)));
        for (long step = 0; step < STEP_HINT; step++) {
            problem.setStep(step);
            submission.update(problem);
            if (step % 250 == 0) {
                submission.prepareForEval(problem);
            }
        }
        submission.prepareForEval(problem);
        double start = QuadraticProblem.startLoss();
        assertEquals(0.625, start, 1e-12);
        double end = problem.loss();
        assertTrue(end < 1e-4 * start, submission.name() + " ended at loss " + end);
    }

    /**
     * Coupled L2 decay changes the minimum SGD converges to: {@code a (w - c) + lambda w = 0}, so
     * {@code w* = a c / (a + lambda)}, with lambda = 5e-4 from the default point.
     */
    @ParameterizedTest
    @MethodSource("sgdSubmissions")
    void sgdConvergesToTheL2RegularisedMinimum(Submission submission) {
        HyperParameters hp = submission.defaultHyperParameters();
        double lambda = hp.getDouble("weight_decay");
        QuadraticProblem problem = new QuadraticProblem(hp, STEP_HINT);
        problem.setState(submission.init(problem.workload(), problem.params(), hp, Rng.of(7)));
        for (long step = 0; step < STEP_HINT; step++) {
            problem.setStep(step);
            submission.update(problem);
        }
        for (int i = 0; i < 2; i++) {
            double a = QuadraticProblem.CURVATURE[i];
            double expected = a * QuadraticProblem.MINIMUM[i] / (a + lambda);
            assertEquals(expected, problem.params().value(0).getDouble(i), 1e-6, submission.name() + " w" + i);
            // and the shift from the unregularised minimum is larger than the tolerance
            assertTrue(Math.abs(expected - QuadraticProblem.MINIMUM[i]) > 2e-5);
        }
    }

    static Stream<Submission> sgdSubmissions() {
        return Stream.of(new SgdMomentum(), new SgdNesterov());
    }

    /**
     * Every hyperparameter of a default search space is one the optimizer reads: a point built from the space
     * builds the optimizer, and dropping any one name is a bad-input error naming it.
     */
    @ParameterizedTest
    @MethodSource("submissions")
    void searchSpaceNamesTheOptimizersHyperParameters(Submission submission) throws Exception {
        JsonNode space = new ObjectMapper().readTree(submission.searchSpaceJson().orElseThrow());
        List<Map<String, Object>> points = new ArrayList<>();
        if (space.isArray()) {
            for (JsonNode point : space) {
                Map<String, Object> values = new LinkedHashMap<>();
                point.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asDouble()));
                points.add(values);
            }
        } else {
            Map<String, Object> low = new LinkedHashMap<>();
            Map<String, Object> high = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = space.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode range = e.getValue();
                if (range.has("feasible_points")) {
                    low.put(e.getKey(), range.get("feasible_points").get(0).asDouble());
                    high.put(e.getKey(), range.get("feasible_points").get(range.get("feasible_points").size() - 1)
                            .asDouble());
                } else {
                    assertTrue(range.get("min").asDouble() < range.get("max").asDouble(), e.getKey());
                    assertTrue(List.of("log", "linear").contains(range.get("scaling").asText()), e.getKey());
                    low.put(e.getKey(), range.get("min").asDouble());
                    high.put(e.getKey(), range.get("max").asDouble());
                }
            }
            points.add(low);
            points.add(high);
        }
        for (Map<String, Object> point : points) {
            ReferenceOptimizers.create(submission.name(), HyperParameters.of(point), 100);
            for (String name : point.keySet()) {
                Map<String, Object> without = new LinkedHashMap<>(point);
                without.remove(name);
                BadInputException e = assertThrows(BadInputException.class,
                        () -> ReferenceOptimizers.create(submission.name(), HyperParameters.of(without), 100));
                assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
            }
        }
    }
}
