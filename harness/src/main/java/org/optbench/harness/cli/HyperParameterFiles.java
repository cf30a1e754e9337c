package org.optbench.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.optbench.harness.trial.Failures;
import org.optbench.api.BadInputException;
import org.optbench.api.HyperParameters;

/** Reads a {@code --hparams} file: one JSON object of names to numbers, strings or booleans. */
final class HyperParameterFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HyperParameterFiles() {
    }

    static HyperParameters read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("hyperparameter file '" + file + "' does not exist");
        } catch (IOException e) {
            throw new BadInputException("hyperparameter file '" + file + "' is not readable: " + e.getMessage());
        }
        Map<String, Object> values;
        try {
            values = JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new BadInputException("hyperparameter file '" + file + "' is not a JSON object of name to value"
                    + where + ": " + Failures.oneLine(e.getOriginalMessage()));
        }
        if (values == null) {
            throw new BadInputException("hyperparameter file '" + file + "' is empty; expected a JSON object");
        }
        try {
            return HyperParameters.of(values);
        } catch (BadInputException e) {
            throw new BadInputException("hyperparameter file '" + file + "': " + e.getMessage());
        }
    }
}
