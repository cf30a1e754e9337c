package org.optbench.tuning.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optbench.api.BadInputException;

/**
 * AlgoPerf's list form: {@code [{"learning_rate": 0.001, ...}, ...]}, concrete points that trials take in order.
 * As in AlgoPerf, every point has the first point's names (each point is reordered to them), and a study of n
 * trials takes the first {@code min(n, size)} points.
 *
 * @param source where it was read from, for messages
 * @param points the points, each an unmodifiable ordered map of names to numbers, strings or booleans
 */
public record PointListSpace(String source, List<Map<String, Object>> points) implements SearchSpace {
    public PointListSpace {
        if (points == null || points.isEmpty()) {
            throw new BadInputException(source + ": the list of points is empty");
        }
        List<String> names = List.copyOf(points.get(0).keySet());
        if (names.isEmpty()) {
            throw new BadInputException(source + ": point 0 has no hyperparameters");
        }
        List<Map<String, Object>> copy = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            Map<String, Object> point = points.get(i);
            if (!point.keySet().equals(Set.copyOf(names))) {
                throw new BadInputException(source + ": point " + i + " has hyperparameters " + point.keySet()
                        + ", expected those of point 0: " + names);
            }
            Map<String, Object> ordered = new LinkedHashMap<>();
            for (String name : names) {
                Object value = point.get(name);
                if (!(value instanceof Number || value instanceof String || value instanceof Boolean)) {
                    throw new BadInputException(source + ": point " + i + ", hyperparameter '" + name
                            + "' must be a number, a string or a boolean, got " + value);
                }
                ordered.put(name, value);
            }
            copy.add(Collections.unmodifiableMap(ordered));
        }
        points = List.copyOf(copy);
    }

    @Override
    public List<String> names() {
        return List.copyOf(points.get(0).keySet());
    }
}
