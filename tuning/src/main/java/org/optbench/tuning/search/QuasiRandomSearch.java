package org.optbench.tuning.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.api.BadInputException;
import org.optbench.api.Rng;

/**
 * Draws a study's hyperparameter points from a search space as AlgoPerf does
 * ({@code halton.generate_search(search_space, num_trials)}), so that one search space gives AlgoPerf's point set.
 *
 * <p>For a {@link RangeSpace} of d hyperparameters and n trials: points {@code 101 .. 100 + n} of the
 * d-dimensional {@link ScrambledHalton} sequence, each coordinate mapped by its {@link Hyperparameter}. The set is
 * fixed by d and n; only its order is random. AlgoPerf shuffles it with NumPy's unseeded global generator;
 * optbench shuffles it with the study's seed, reproducibly: {@code Rng.of(studySeed).shuffle(order)} over the
 * indices {@code [0, n)} (SplitMix64 Fisher-Yates, see {@link Rng#shuffle}), and trial k (1-based) takes point
 * {@code order[k - 1]} of the sequence.
 *
 * <p>For a {@link PointListSpace}: the first {@code min(n, size)} points, in the file's order, for every study.
 */
public final class QuasiRandomSearch {

    private QuasiRandomSearch() {
    }

    /**
     * The points of one study, in the order its trials take them.
     *
     * @param trials the number of trials, n &gt;= 1
     * @param studySeed the seed of the study's shuffle
     * @return unmodifiable ordered maps of hyperparameter names to values
     */
    public static List<Map<String, Object>> draw(SearchSpace space, int trials, long studySeed) {
        requireTrials(trials);
        if (space instanceof PointListSpace list) {
            return list.points().subList(0, Math.min(trials, list.points().size()));
        }
        List<Map<String, Object>> inSequence = drawInSequenceOrder((RangeSpace) space, trials);
        List<Map<String, Object>> shuffled = new ArrayList<>(trials);
        for (int k : studyOrder(trials, studySeed)) {
            shuffled.add(inSequence.get(k));
        }
        return List.copyOf(shuffled);
    }

    /** A range space's n points in Halton sequence order (points 101 .. 100 + n), before the study's shuffle. */
    public static List<Map<String, Object>> drawInSequenceOrder(RangeSpace space, int trials) {
        requireTrials(trials);
        List<Hyperparameter> dimensions = space.hyperparameters();
        double[][] units = ScrambledHalton.points(trials, dimensions.size());
        List<Map<String, Object>> points = new ArrayList<>(trials);
        for (double[] u : units) {
            Map<String, Object> point = new LinkedHashMap<>();
            for (int j = 0; j < u.length; j++) {
                point.put(dimensions.get(j).name(), dimensions.get(j).valueAt(u[j]));
            }
            points.add(Collections.unmodifiableMap(point));
        }
        return List.copyOf(points);
    }

    /** The study's order of the sequence's points: {@code [0, n)} shuffled by {@code Rng.of(studySeed)}. */
    public static int[] studyOrder(int trials, long studySeed) {
        int[] order = new int[trials];
        for (int k = 0; k < trials; k++) {
            order[k] = k;
        }
        Rng.of(studySeed).shuffle(order);
        return order;
    }

    private static void requireTrials(int trials) {
        if (trials < 1) {
            throw new BadInputException("the number of trials must be at least 1, got " + trials);
        }
    }
}
