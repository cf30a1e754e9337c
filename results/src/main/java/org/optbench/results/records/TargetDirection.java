package org.optbench.results.records;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.optbench.api.BadInputException;

/**
 * Which way a target metric improves, as {@code metric_direction} in {@code trial.json}: {@code "higher"} for
 * accuracy, mAP, SSIM and BLEU, {@code "lower"} for losses and error rates.
 */
public enum TargetDirection {
    /** Larger is better: a value reaches the target when it is at or above it. */
    HIGHER("higher"),
    /** Smaller is better: a value reaches the target when it is at or below it. */
    LOWER("lower");

    private final String json;

    TargetDirection(String json) {
        this.json = json;
    }

    /** Whether {@code value} is at or beyond {@code target}; NaN never reaches. */
    public boolean reaches(double value, double target) {
        if (Double.isNaN(value)) {
            return false;
        }
        return this == HIGHER ? value >= target : value <= target;
    }

    /** The JSON spelling, {@code "higher"} or {@code "lower"}. */
    @JsonValue
    public String json() {
        return json;
    }

    /** Parses the JSON spelling; anything else is bad input. */
    @JsonCreator
    public static TargetDirection fromJson(String text) {
        for (TargetDirection d : values()) {
            if (d.json.equals(text)) {
                return d;
            }
        }
        throw new BadInputException("metric_direction must be \"higher\" or \"lower\", got " + quoted(text));
    }

    /**
     * The direction of an AlgoPerf metric by its name, as AlgoPerf's scoring guesses it: losses, error rates and
     * WER go down; accuracy, mAP, SSIM and BLEU go up.
     *
     * @param metric a metric name such as {@code "wer"} or {@code "validation/accuracy"}
     */
    public static TargetDirection ofAlgoPerfMetric(String metric) {
        String name = metric.substring(metric.lastIndexOf('/') + 1);
        switch (name) {
            case "accuracy", "mean_average_precision", "ssim", "bleu":
                return HIGHER;
            case "loss", "ce_loss", "ctc_loss", "l1_loss", "error_rate", "wer":
                return LOWER;
            default:
                throw new BadInputException("metric '" + metric + "' has no known direction; expected one of "
                        + "accuracy, mean_average_precision, ssim, bleu (higher) or loss, ce_loss, ctc_loss, l1_loss, "
                        + "error_rate, wer (lower)");
        }
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }
}
