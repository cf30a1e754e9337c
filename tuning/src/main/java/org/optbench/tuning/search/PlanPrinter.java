package org.optbench.tuning.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code optbench plan --search-space FILE --trials N [--seed S]} prints: the points one study draws from a
 * search space, as a JSON list of objects (hyperparameter name to value, in the file's order).
 */
public final class PlanPrinter {
    private static final ObjectWriter JSON = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE)
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private PlanPrinter() {
    }

    /**
     * Reads the search space and draws a study's points.
     *
     * @param trials the number of points, at least 1
     * @param studySeed the seed of the study's shuffle
     * @param shuffle false to keep Halton sequence order (AlgoPerf's {@code shuffle_sequence=False})
     * @return the JSON text, ending with a newline
     */
    public static String drawnPoints(Path searchSpace, int trials, long studySeed, boolean shuffle) {
        SearchSpace space = SearchSpaceReader.read(searchSpace);
        List<Map<String, Object>> points = shuffle || space instanceof PointListSpace
                ? QuasiRandomSearch.draw(space, trials, studySeed)
                : QuasiRandomSearch.drawInSequenceOrder((RangeSpace) space, trials);
        return toJson(points);
    }

    /** Points as a pretty-printed JSON list, ending with a newline. */
    public static String toJson(List<Map<String, Object>> points) {
        try {
            return JSON.writeValueAsString(points) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write points as JSON", e);
        }
    }
}
