package org.optbench.results.regression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.optbench.api.BadInputException;
import org.optbench.results.records.AtomicFiles;

/** Reads and writes {@link Baseline} files; every malformed input is one {@link BadInputException} line. */
public final class BaselineJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private BaselineJson() {
    }

    /** Writes {@code baseline} to {@code file} atomically. */
    public static void write(Baseline baseline, Path file) {
        try {
            AtomicFiles.writeString(file, MAPPER.writeValueAsString(baseline) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the baseline", e);
        }
    }

    /** Reads a baseline, checking its format tag and that every number is where it belongs. */
    public static Baseline read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + " line " + e.getLocation().getLineNr() + ": malformed JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(file + ": expected a JSON object");
        }
        if (!Baseline.FORMAT.equals(root.path("format").asText(null))) {
            throw new BadInputException(file + ": field 'format' must be \"" + Baseline.FORMAT + "\"");
        }
        JsonNode experiments = root.path("experiments");
        if (!experiments.isObject()) {
            throw new BadInputException(file + ": field 'experiments' must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = experiments.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = "experiments." + e.getKey();
            JsonNode subs = e.getValue().path("submissions");
            if (!subs.isObject()) {
                throw new BadInputException(file + ": field '" + where + ".submissions' must be an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> si = subs.fields(); si.hasNext(); ) {
                Map.Entry<String, JsonNode> s = si.next();
                String sw = where + ".submissions." + s.getKey();
                if (!s.getValue().path("score").isNumber()) {
                    throw new BadInputException(file + ": field '" + sw + ".score' must be a number");
                }
                JsonNode workloads = s.getValue().path("workloads");
                if (!workloads.isObject()) {
                    throw new BadInputException(file + ": field '" + sw + ".workloads' must be an object");
                }
                for (Iterator<Map.Entry<String, JsonNode>> wi = workloads.fields(); wi.hasNext(); ) {
                    Map.Entry<String, JsonNode> w = wi.next();
                    for (String field : new String[] {"time_to_target_seconds", "step_time_median_seconds"}) {
                        JsonNode v = w.getValue().get(field);
                        if (v == null || !(v.isNull() || v.isNumber() && v.asDouble() >= 0)) {
                            throw new BadInputException(file + ": field '" + sw + ".workloads." + w.getKey() + "."
                                    + field + "' must be a non-negative number or null");
                        }
                    }
                }
            }
        }
        try {
            return MAPPER.treeToValue(root, Baseline.class);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ": " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
    }
}
