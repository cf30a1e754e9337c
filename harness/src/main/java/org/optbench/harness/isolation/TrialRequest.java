package org.optbench.harness.isolation;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.optbench.api.BadInputException;
import org.optbench.harness.trial.Failures;
import org.optbench.results.records.AtomicFiles;
import org.optbench.tuning.plan.PlanJson;
import org.optbench.tuning.plan.TrialSpec;

/**
 * A trial spec and how to run it here: where the data lives, an eval period override, the hardware class to record.
 * The parent writes it as JSON for a forked trial JVM ({@code optbench trial --request FILE}).
 *
 * @param spec what to train, how and for how long (the unit a study plan is made of)
 * @param dataDir a directory with the workload's full data set, or {@code null} for the bundled data
 * @param evalPeriodSeconds an eval period that replaces the workload's, or {@code null}
 * @param hardwareClass the hardware class to record, or {@code null} to derive it from the machine
 * @param stopAtTargets whether the trial ends once both targets are reached (false for calibration runs)
 */
public record TrialRequest(TrialSpec spec, String dataDir, Double evalPeriodSeconds, String hardwareClass,
                           boolean stopAtTargets) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request that stops at the targets, as every benchmark trial does. */
    public TrialRequest(TrialSpec spec, String dataDir, Double evalPeriodSeconds, String hardwareClass) {
        this(spec, dataDir, evalPeriodSeconds, hardwareClass, true);
    }

    /** A request with nothing but the spec. */
    public static TrialRequest of(TrialSpec spec) {
        return new TrialRequest(spec, null, null, null);
    }

    /** Writes the request atomically. */
    public void write(Path file) {
        try {
            ObjectNode root = JSON.createObjectNode();
            root.set("trial", JSON.readTree(PlanJson.toJson(spec)));
            root.put("data_dir", dataDir);
            if (evalPeriodSeconds == null) {
                root.putNull("eval_period_seconds");
            } else {
                root.put("eval_period_seconds", evalPeriodSeconds);
            }
            root.put("hardware_class", hardwareClass);
            root.put("stop_at_targets", stopAtTargets);
            AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads a request written by {@link #write}. */
    public static TrialRequest read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (java.io.IOException e) {
            throw new BadInputException("trial request " + file + " is not readable JSON: "
                    + Failures.firstLine(String.valueOf(e.getMessage())));
        }
        if (root == null || !root.has("trial")) {
            throw new BadInputException("trial request " + file + " has no 'trial' object");
        }
        TrialSpec spec = PlanJson.trialFromJson(root.get("trial").toString(), file.toString());
        JsonNode period = root.get("eval_period_seconds");
        JsonNode stop = root.get("stop_at_targets");
        return new TrialRequest(spec, text(root, "data_dir"),
                period == null || period.isNull() ? null : period.asDouble(), text(root, "hardware_class"),
                stop == null || stop.isNull() || stop.asBoolean());
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
