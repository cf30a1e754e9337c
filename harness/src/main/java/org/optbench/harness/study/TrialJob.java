package org.optbench.harness.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.optbench.api.BadInputException;
import org.optbench.harness.launch.TrialRequest;
import org.optbench.harness.trial.Failures;
import org.optbench.results.records.AtomicFiles;

/**
 * One trial an executor is handed: the serialised request (every setting it runs with) and where its record goes.
 * A cluster executor writes it to a file a task reads ({@code optbench launch}); nothing else travels.
 *
 * @param request what to run
 * @param trialDir its record directory
 */
public record TrialJob(TrialRequest request, Path trialDir) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes the job atomically: the request's JSON with the record directory beside it. */
    public void write(Path file) {
        ObjectNode root = (ObjectNode) request.toJson();
        root.put("trial_dir", trialDir.toAbsolutePath().toString());
        try {
            AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a job written by {@link #write}. */
    public static TrialJob read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException("trial job " + file + " is not readable JSON: "
                    + Failures.firstLine(String.valueOf(e.getMessage())));
        }
        if (root == null || !root.path("trial_dir").isTextual()) {
            throw new BadInputException("trial job " + file + " needs a 'trial_dir'");
        }
        return new TrialJob(TrialRequest.fromJson(root, file.toString()), Path.of(root.get("trial_dir").asText()));
    }
}
