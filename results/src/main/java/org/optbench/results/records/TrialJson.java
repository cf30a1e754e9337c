package org.optbench.results.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.optbench.api.BadInputException;

/** The JSON files of a trial directory: one configured mapper and error messages that name the file and field. */
final class TrialJson {
    static final ObjectMapper MAPPER = RecordJson.mapper();

    private TrialJson() {
    }

    /** {@code value} as pretty-printed JSON with a final newline. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Reads {@code file} as a JSON object. */
    static JsonNode readObject(Path file) {
        JsonNode node;
        try {
            node = MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + " line " + e.getLocation().getLineNr() + ": malformed JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
        if (node == null || !node.isObject()) {
            throw new BadInputException(file + ": expected a JSON object");
        }
        return node;
    }

    /** Reads {@code trial.json}, checking that the required fields are there. */
    static TrialRecord readTrialRecord(Path file) {
        JsonNode node = readObject(file);
        for (String field : TrialRecord.REQUIRED_FIELDS) {
            if (!node.hasNonNull(field)) {
                throw new BadInputException(file + ": missing field '" + field + "'");
            }
        }
        try {
            return MAPPER.treeToValue(node, TrialRecord.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BadInputException bad) {
                throw new BadInputException(file + ": " + bad.getMessage(), e);
            }
            throw new BadInputException(file + ": " + cause.getMessage(), e);
        } catch (MismatchedInputException e) {
            throw new BadInputException(file + ": field '" + fieldPath(e) + "': "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ": " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static String fieldPath(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
