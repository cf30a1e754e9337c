package org.optbench.results.regression;

/** What the regression gate compares. */
public enum Quantity {
    /** Median over studies of the time to target (seconds); larger is worse. */
    TIME_TO_TARGET("time_to_target_seconds"),
    /** Median step time (seconds); larger is worse. */
    STEP_TIME("step_time_median_seconds"),
    /** Benchmark score; smaller is worse. */
    SCORE("score");

    private final String label;

    Quantity(String label) {
        this.label = label;
    }

    /** The name in baseline files and reports. */
    public String label() {
        return label;
    }
}
