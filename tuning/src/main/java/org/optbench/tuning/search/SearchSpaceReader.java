package org.optbench.tuning.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optbench.api.BadInputException;

/**
 * Reads AlgoPerf's {@code tuning_search_space.json} in either form, unchanged, and validates it. Every mistake is a
 * one-line {@link BadInputException} naming the file and the hyperparameter: an unknown scaling, min above max, a
 * log range with min &lt;= 0, empty feasible points, a missing or unknown field, a value of the wrong type.
 *
 * <p>A repeated key keeps its first position and its last value, as Python's {@code json} does (one of AlgoPerf's
 * published qualification files repeats {@code label_smoothing}).
 */
public final class SearchSpaceReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> RANGE_FIELDS = Set.of("min", "max", "scaling");

    private SearchSpaceReader() {
    }

    /** Reads a search space file. */
    public static SearchSpace read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such search space file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the search space (" + e.getMessage() + ")", e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses a search space from JSON text.
     *
     * @param source the name used in messages, usually the file
     */
    public static SearchSpace parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadInputException(source + ": not valid JSON (" + oneLine(e.getOriginalMessage()) + " at line "
                    + e.getLocation().getLineNr() + ")", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new BadInputException(source + ": the file is empty, expected a search space");
        }
        try {
            if (root.isObject()) {
                return readRanges(root, source);
            }
            if (root.isArray()) {
                return readPoints(root, source);
            }
        } catch (BadInputException e) {
            if (e.getMessage().startsWith(source + ": ")) {
                throw e;
            }
            throw new BadInputException(source + ": " + e.getMessage(), e);
        }
        throw new BadInputException(source + ": expected a JSON object of hyperparameter ranges or a list of points, got "
                + root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }

    private static RangeSpace readRanges(JsonNode root, String source) {
        List<Hyperparameter> dimensions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            dimensions.add(readDimension(entry.getKey(), entry.getValue()));
        }
        return new RangeSpace(source, dimensions);
    }

    private static Hyperparameter readDimension(String name, JsonNode spec) {
        String where = "hyperparameter '" + name + "': ";
        if (!spec.isObject()) {
            throw new BadInputException(where + "expected an object with min, max and scaling, or with feasible_points");
        }
        if (spec.has("feasible_points")) {
            if (spec.size() != 1) {
                throw new BadInputException(where + "feasible_points cannot be combined with other fields, got "
                        + fieldNames(spec));
            }
            JsonNode points = spec.get("feasible_points");
            if (!points.isArray()) {
                throw new BadInputException(where + "feasible_points must be a list, got " + describe(points));
            }
            List<Object> values = new ArrayList<>();
            for (JsonNode p : points) {
                values.add(scalar(p, where + "feasible_points"));
            }
            return new Hyperparameter.FeasiblePoints(name, values);
        }
        for (Iterator<String> it = spec.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!RANGE_FIELDS.contains(field)) {
                throw new BadInputException(where + "unknown field '" + field
                        + "', expected min, max and scaling, or feasible_points");
            }
        }
        double min = number(spec, "min", where);
        double max = number(spec, "max", where);
        JsonNode scaling = spec.get("scaling");
        if (scaling == null) {
            throw new BadInputException(where + "missing scaling, expected \"log\" or \"linear\"");
        }
        if (!scaling.isTextual()) {
            throw new BadInputException(where + "scaling must be \"log\" or \"linear\", got " + describe(scaling));
        }
        return switch (scaling.textValue()) {
            case "log" -> new Hyperparameter.LogRange(name, min, max);
            case "linear" -> new Hyperparameter.LinearRange(name, min, max);
            default -> throw new BadInputException(where + "unknown scaling \"" + scaling.textValue()
                    + "\", expected \"log\" or \"linear\"");
        };
    }

    private static PointListSpace readPoints(JsonNode root, String source) {
        List<Map<String, Object>> points = new ArrayList<>();
        int index = 0;
        for (JsonNode point : root) {
            String where = "point " + index + ": ";
            if (!point.isObject()) {
                throw new BadInputException(where + "expected an object of hyperparameter values, got " + describe(point));
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = point.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                values.put(e.getKey(), scalar(e.getValue(), where + "hyperparameter '" + e.getKey() + "'"));
            }
            points.add(values);
            index++;
        }
        return new PointListSpace(source, points);
    }

    private static double number(JsonNode spec, String field, String where) {
        JsonNode node = spec.get(field);
        if (node == null) {
            throw new BadInputException(where + "missing " + field + ", expected a number");
        }
        if (!node.isNumber()) {
            throw new BadInputException(where + field + " must be a number, got " + describe(node));
        }
        return node.doubleValue();
    }

    /**
     * A JSON scalar as a Java value: an integer that fits an int as Integer, a larger one as Long, any other number
     * as Double, and strings and booleans as themselves.
     */
    static Object scalar(JsonNode node, String where) {
        if (node.isIntegralNumber()) {
            if (node.canConvertToInt()) {
                return node.intValue();
            }
            if (node.canConvertToLong()) {
                return node.longValue();
            }
            throw new BadInputException(where + ": integer " + node.asText() + " does not fit 64 bits");
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        throw new BadInputException(where + " must be a number, a string or a boolean, got " + describe(node));
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "the string \"" + node.textValue() + "\"";
            case NULL -> "null";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + node;
        };
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
