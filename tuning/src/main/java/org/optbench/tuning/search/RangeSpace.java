package org.optbench.tuning.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.optbench.api.BadInputException;

/**
 * AlgoPerf's map form: {@code {"lr": {"min": a, "max": b, "scaling": "log"}, "beta2": {"feasible_points": [...]}}}.
 * Each hyperparameter, in the file's order, is one dimension of the quasi-random sequence, feasible points
 * included.
 *
 * @param source where it was read from, for messages
 * @param hyperparameters the dimensions, in order; names unique
 */
public record RangeSpace(String source, List<Hyperparameter> hyperparameters) implements SearchSpace {
    public RangeSpace {
        if (hyperparameters == null || hyperparameters.isEmpty()) {
            throw new BadInputException(source + ": the search space has no hyperparameters");
        }
        Set<String> seen = new HashSet<>();
        for (Hyperparameter h : hyperparameters) {
            if (!seen.add(h.name())) {
                throw new BadInputException(source + ": hyperparameter '" + h.name() + "' is given twice");
            }
        }
        hyperparameters = List.copyOf(hyperparameters);
    }

    @Override
    public List<String> names() {
        return hyperparameters.stream().map(Hyperparameter::name).toList();
    }
}
