package org.optbench.results.records;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.optbench.api.BadInputException;

/** Why a trial stopped, as {@code stop_reason} in {@code trial.json}. */
public enum StopReason {
    /** The submission-time budget was spent. */
    BUDGET("budget"),
    /** Both the validation and the test targets were reached. */
    TARGETS_REACHED("targets_reached"),
    /** The loss or a metric became NaN or infinite. */
    DIVERGED("diverged"),
    /** The submission said training is complete. */
    TRAINING_COMPLETE("training_complete"),
    /** The trial failed (an exception, out of memory, a crashed process); {@code failure} says why. */
    FAILED("failed");

    private final String json;

    StopReason(String json) {
        this.json = json;
    }

    /** The JSON spelling, e.g. {@code "targets_reached"}. */
    @JsonValue
    public String json() {
        return json;
    }

    /** Parses the JSON spelling; anything else is bad input. */
    @JsonCreator
    public static StopReason fromJson(String text) {
        for (StopReason r : values()) {
            if (r.json.equals(text)) {
                return r;
            }
        }
        throw new BadInputException("stop_reason must be one of budget, targets_reached, diverged, "
                + "training_complete, failed; got " + (text == null ? "null" : "\"" + text + "\""));
    }
}
