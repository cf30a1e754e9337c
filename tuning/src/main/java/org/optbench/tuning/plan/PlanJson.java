package org.optbench.tuning.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.api.BadInputException;

/**
 * Study plans and trial specs as JSON (snake_case); the harness writes the text atomically. A plan file:
 * <pre>
 * {
 *   "format" : "optbench-study-plan", "version" : 1,
 *   "submission" : "adamw",
 *   "ruleset" : {"name": "local", "kind": "external", "studies": 1, "trials_per_study": 3, "budget_factor": 1.0},
 *   "experiment_seed" : 42, "search_space" : "tuning_search_space.json",
 *   "trials" : [ {trial spec}, ... ]
 * }
 * </pre>
 * and a trial spec: {@code {"submission", "workload", "ruleset", "tuning", "study", "trial", "hyperparameters",
 * "seed", "budget_seconds"}}. Reading checks every field and the plan's invariants; a mistake is a one-line
 * {@link BadInputException} naming the file and the field.
 */
public final class PlanJson {
    /** The {@code format} value of a plan file. */
    public static final String FORMAT = "optbench-study-plan";
    /** The {@code version} this code writes and reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectWriter WRITER = JSON.writer(new DefaultPrettyPrinter()
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE)
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private PlanJson() {
    }

    /** Reads a plan file. */
    public static StudyPlan read(Path file) {
        return planFromJson(readText(file), file.toString());
    }

    /** A plan as JSON text. */
    public static String toJson(StudyPlan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("submission", plan.submission());
        ObjectNode ruleset = root.putObject("ruleset");
        ruleset.put("name", plan.ruleset().name());
        ruleset.put("kind", plan.ruleset().kind().label());
        ruleset.put("studies", plan.ruleset().studies());
        ruleset.put("trials_per_study", plan.ruleset().trialsPerStudy());
        ruleset.put("budget_factor", plan.ruleset().budgetFactor());
        root.put("experiment_seed", plan.experimentSeed());
        if (plan.searchSpace() == null) {
            root.putNull("search_space");
        } else {
            root.put("search_space", plan.searchSpace());
        }
        ArrayNode trials = root.putArray("trials");
        for (TrialSpec t : plan.trials()) {
            trials.add(trialNode(t));
        }
        return write(root);
    }

    /** A trial spec as JSON text. */
    public static String toJson(TrialSpec trial) {
        return write(trialNode(trial));
    }

    /** Parses a plan; {@code source} names it in messages. */
    public static StudyPlan planFromJson(String json, String source) {
        Fields root = new Fields(parse(json, source), source, "");
        String format = root.text("format");
        if (!FORMAT.equals(format)) {
            throw new BadInputException(source + ": format is '" + format + "', expected '" + FORMAT + "'");
        }
        int version = root.integer("version");
        if (version != VERSION) {
            throw new BadInputException(source + ": plan version " + version + " is not supported, expected " + VERSION);
        }
        Fields r = root.object("ruleset");
        JsonNode trialsNode = root.require("trials");
        if (!trialsNode.isArray()) {
            throw new BadInputException(source + ": trials must be a list");
        }
        return root.wrap(() -> {
            Ruleset ruleset = new Ruleset(r.text("name"), Ruleset.Kind.parse(r.text("kind")), r.integer("studies"),
                    r.integer("trials_per_study"), r.number("budget_factor"));
            List<TrialSpec> trials = new ArrayList<>();
            int i = 0;
            for (JsonNode t : trialsNode) {
                trials.add(trialFrom(new Fields(t, source, "trials[" + i + "].")));
                i++;
            }
            JsonNode space = root.require("search_space");
            return new StudyPlan(root.text("submission"), ruleset, root.longInteger("experiment_seed"),
                    space.isNull() ? null : root.text("search_space"), trials);
        });
    }

    /** Parses a trial spec; {@code source} names it in messages. */
    public static TrialSpec trialFromJson(String json, String source) {
        Fields f = new Fields(parse(json, source), source, "");
        return f.wrap(() -> trialFrom(f));
    }

    private static TrialSpec trialFrom(Fields f) {
        Fields hp = f.object("hyperparameters");
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = hp.node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            values.put(e.getKey(), hp.scalar(e.getKey(), e.getValue()));
        }
        return f.wrap(() -> new TrialSpec(f.text("submission"), f.text("workload"), f.text("ruleset"),
                Ruleset.Kind.parse(f.text("tuning")), f.integer("study"), f.integer("trial"), values,
                f.longInteger("seed"), f.number("budget_seconds")));
    }

    private static ObjectNode trialNode(TrialSpec t) {
        ObjectNode node = JSON.createObjectNode();
        node.put("submission", t.submission());
        node.put("workload", t.workload());
        node.put("ruleset", t.ruleset());
        node.put("tuning", t.tuning().label());
        node.put("study", t.study());
        node.put("trial", t.trial());
        node.set("hyperparameters", JSON.valueToTree(t.hyperparameters()));
        node.put("seed", t.seed());
        node.put("budget_seconds", t.budgetSeconds());
        return node;
    }

    private static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static JsonNode parse(String json, String source) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new BadInputException(source + ": expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadInputException(source + ": not valid JSON ("
                    + String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ").trim() + " at line "
                    + e.getLocation().getLineNr() + ")", e);
        }
    }

    /** Typed access to one JSON object's fields, with messages naming the file and the field's path. */
    private static final class Fields {
        final JsonNode node;
        final String source;
        final String prefix;

        Fields(JsonNode node, String source, String prefix) {
            if (!node.isObject()) {
                throw new BadInputException(source + ": " + (prefix.isEmpty() ? "the file" : prefix.substring(0,
                        prefix.length() - 1)) + " must be an object");
            }
            this.node = node;
            this.source = source;
            this.prefix = prefix;
        }

        JsonNode require(String field) {
            JsonNode value = node.get(field);
            if (value == null) {
                throw new BadInputException(source + ": missing field '" + prefix + field + "'");
            }
            return value;
        }

        String text(String field) {
            JsonNode value = require(field);
            if (!value.isTextual()) {
                throw wrong(field, "a string", value);
            }
            return value.textValue();
        }

        int integer(String field) {
            JsonNode value = require(field);
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw wrong(field, "a whole number", value);
            }
            return value.intValue();
        }

        long longInteger(String field) {
            JsonNode value = require(field);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw wrong(field, "a 64-bit whole number", value);
            }
            return value.longValue();
        }

        double number(String field) {
            JsonNode value = require(field);
            if (!value.isNumber()) {
                throw wrong(field, "a number", value);
            }
            return value.doubleValue();
        }

        Fields object(String field) {
            JsonNode value = require(field);
            if (!value.isObject()) {
                throw wrong(field, "an object", value);
            }
            return new Fields(value, source, prefix + field + ".");
        }

        Object scalar(String field, JsonNode value) {
            if (value.isIntegralNumber() && value.canConvertToInt()) {
                return value.intValue();
            }
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                return value.longValue();
            }
            if (value.isFloatingPointNumber()) {
                return value.doubleValue();
            }
            if (value.isTextual()) {
                return value.textValue();
            }
            if (value.isBoolean()) {
                return value.booleanValue();
            }
            throw wrong(field, "a number, a string or a boolean", value);
        }

        /** Runs a constructor, naming the file in its one-line message if it rejects the values. */
        <T> T wrap(java.util.function.Supplier<T> build) {
            try {
                return build.get();
            } catch (BadInputException e) {
                if (e.getMessage().startsWith(source + ": ")) {
                    throw e;
                }
                throw new BadInputException(source + ": " + (prefix.isEmpty() ? "" : prefix.substring(0,
                        prefix.length() - 1) + ": ") + e.getMessage(), e);
            }
        }

        private BadInputException wrong(String field, String expected, JsonNode value) {
            return new BadInputException(source + ": field '" + prefix + field + "' must be " + expected + ", got "
                    + (value.isTextual() ? "the string \"" + value.textValue() + "\"" : value.toString()));
        }
    }
}
