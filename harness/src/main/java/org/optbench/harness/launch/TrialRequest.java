package org.optbench.harness.launch;

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
 * A trial spec and how to run it here. The parent writes it as JSON for a forked trial JVM
 * ({@code optbench trial --request FILE}).
 *
 * @param spec what to train, how and for how long (the unit a study plan is made of)
 * @param settings where data and submission jar are, eval period override, hardware class, stopping rule
 */
public record TrialRequest(TrialSpec spec, TrialSettings settings) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request with the default settings. */
    public static TrialRequest of(TrialSpec spec) {
        return new TrialRequest(spec, TrialSettings.defaults());
    }

    /** Writes the request atomically. */
    public void write(Path file) {
        try {
            AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The request as a JSON object: {@code {"trial": {...}, "settings": {...}}}. */
    public JsonNode toJson() {
        try {
            ObjectNode root = JSON.createObjectNode();
            root.set("trial", JSON.readTree(PlanJson.toJson(spec)));
            root.set("settings", JSON.valueToTree(settings));
            return root;
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
        return fromJson(root, file.toString());
    }

    /** A request from its JSON object; {@code source} names it in messages. */
    public static TrialRequest fromJson(JsonNode root, String source) {
        if (root == null || !root.has("trial") || !root.has("settings")) {
            throw new BadInputException("trial request " + source + " needs a 'trial' and a 'settings' object");
        }
        TrialSpec spec = PlanJson.trialFromJson(root.get("trial").toString(), source);
        try {
            return new TrialRequest(spec, JSON.treeToValue(root.get("settings"), TrialSettings.class));
        } catch (java.io.IOException e) {
            throw new BadInputException("trial request " + source + ": malformed settings: "
                    + Failures.firstLine(String.valueOf(e.getMessage())));
        }
    }
}
