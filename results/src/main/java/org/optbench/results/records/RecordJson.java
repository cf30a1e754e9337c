package org.optbench.results.records;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.optbench.api.MetricDirection;

/**
 * The one JSON configuration of optbench's record files: pretty-printed, unknown fields ignored (newer records stay
 * readable), and the api's {@link MetricDirection} spelled {@code "higher"} / {@code "lower"} (the api itself knows
 * nothing of Jackson, so a mix-in carries the annotations).
 */
public final class RecordJson {
    private RecordJson() {
    }

    /** A new mapper with the record configuration. */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addMixIn(MetricDirection.class, MetricDirectionMixIn.class);
    }

    /** Jackson's view of {@link MetricDirection}. */
    abstract static class MetricDirectionMixIn {
        @JsonValue
        abstract String json();

        @JsonCreator
        static MetricDirection parse(String text) {
            return MetricDirection.parse(text);
        }
    }
}
