package org.optbench.harness.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.optbench.harness.trial.LoopResult;
import org.optbench.results.records.EvalRow;
import org.optbench.results.records.RecordJson;

/**
 * The channel's protocol, both ends of it: one JSON object per line, {@code "type"} saying what it is. From the
 * trial JVM: {@code started} (the clock starts), {@code step}, {@code eval} (answered with {@code {"stop": b}}),
 * {@code finished} with the loop's result, and {@code report} (what a jar inspection or a speed probe found).
 * Anything else, or a malformed line, is a protocol error that fails the trial.
 */
public final class TrialMessages {
    static final ObjectMapper JSON = RecordJson.mapper().disable(SerializationFeature.INDENT_OUTPUT);

    private TrialMessages() {
    }

    /** The clock starts; the optimizer state has this many bytes. */
    public static String started(long stateBytes) {
        return JSON.createObjectNode().put("type", "started").put("state_bytes", stateBytes).toString();
    }

    /** A step ended with this much submission time. */
    public static String step(long step, double submissionSeconds) {
        return JSON.createObjectNode().put("type", "step").put("step", step)
                .put("submission_seconds", submissionSeconds).toString();
    }

    /** An evaluation. */
    public static String eval(EvalRow row) {
        ObjectNode node = JSON.createObjectNode().put("type", "eval");
        node.set("row", JSON.valueToTree(row));
        return node.toString();
    }

    /** The loop's end. */
    public static String finished(LoopResult result) {
        ObjectNode node = JSON.createObjectNode().put("type", "finished");
        node.set("result", JSON.valueToTree(result));
        return node.toString();
    }

    /** A report of a short-lived helper JVM (jar inspection, speed probe). */
    public static String report(Object report) {
        ObjectNode node = JSON.createObjectNode().put("type", "report");
        node.set("report", JSON.valueToTree(report));
        return node.toString();
    }

    /** The answer to an evaluation. */
    public static String verdict(boolean stop) {
        return JSON.createObjectNode().put("stop", stop).toString();
    }

    /** Reads an answer to an evaluation. */
    public static boolean readVerdict(String line) {
        return parse(line).path("stop").asBoolean(false);
    }

    /** Parses one line; a malformed one is a {@link ProtocolException}. */
    static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw new ProtocolException("not a JSON object: " + abbreviate(line));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ProtocolException("malformed message: " + abbreviate(line));
        }
    }

    /** The row of an {@code eval} message. */
    static EvalRow row(JsonNode message) {
        return convert(message.get("row"), EvalRow.class, "eval");
    }

    /** The result of a {@code finished} message. */
    static LoopResult result(JsonNode message) {
        return convert(message.get("result"), LoopResult.class, "finished");
    }

    /** The payload of a {@code report} message as the given type. */
    static <T> T report(JsonNode message, Class<T> type) {
        return convert(message.get("report"), type, "report");
    }

    private static <T> T convert(JsonNode node, Class<T> type, String what) {
        if (node == null || !node.isObject()) {
            throw new ProtocolException("a '" + what + "' message without its object");
        }
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ProtocolException("a malformed '" + what + "' message: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }

    /** A message that breaks the protocol: the trial fails with it. */
    static final class ProtocolException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProtocolException(String message) {
            super(message);
        }
    }
}
