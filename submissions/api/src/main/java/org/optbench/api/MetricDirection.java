package org.optbench.api;

/**
 * Which way a metric improves: {@link #HIGHER} for accuracy, mAP, SSIM and BLEU, {@link #LOWER} for losses and error
 * rates. Records spell it {@code "higher"} or {@code "lower"} ({@link #json()}).
 */
public enum MetricDirection {
    /** Larger is better: a value reaches the target when it is at or above it. */
    HIGHER("higher"),
    /** Smaller is better: a value reaches the target when it is at or below it. */
    LOWER("lower");

    private final String json;

    MetricDirection(String json) {
        this.json = json;
    }

    /** Whether {@code value} is at or beyond {@code target}; NaN never reaches. */
    public boolean reaches(double value, double target) {
        if (Double.isNaN(value)) {
            return false;
        }
        return this == HIGHER ? value >= target : value <= target;
    }

    /** Whether {@code value} is strictly better than {@code incumbent}; a NaN incumbent is beaten by any number. */
    public boolean better(double value, double incumbent) {
        if (Double.isNaN(value)) {
            return false;
        }
        if (Double.isNaN(incumbent)) {
            return true;
        }
        return this == HIGHER ? value > incumbent : value < incumbent;
    }

    /** {@code ">="} or {@code "<="}: how a target reads. */
    public String comparator() {
        return this == HIGHER ? ">=" : "<=";
    }

    /** The spelling in records, {@code "higher"} or {@code "lower"}. */
    public String json() {
        return json;
    }

    /** Parses {@code "higher"} or {@code "lower"}; anything else is bad input. */
    public static MetricDirection parse(String text) {
        for (MetricDirection d : values()) {
            if (d.json.equals(text)) {
                return d;
            }
        }
        throw new BadInputException("metric_direction must be \"higher\" or \"lower\", got "
                + (text == null ? "null" : "\"" + text + "\""));
    }
}
