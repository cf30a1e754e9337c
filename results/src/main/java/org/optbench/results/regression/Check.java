package org.optbench.results.regression;

/**
 * One comparison of the regression gate.
 *
 * @param experiment the experiment, e.g. {@code self_tuning}
 * @param submission the submission
 * @param workload the workload, {@code null} for the score
 * @param quantity what was compared
 * @param baseline the baseline value ({@code +inf} for a time that missed)
 * @param current the current value (NaN when the current records lack it)
 * @param limit the worst value that still passes
 * @param passed whether it passed
 * @param message one line saying what happened
 */
public record Check(String experiment, String submission, String workload, Quantity quantity, double baseline,
                    double current, double limit, boolean passed, String message) {

    /** {@code workload quantity}, or {@code score}: the test case's name. */
    public String name() {
        return workload == null ? quantity.label() : workload + " " + quantity.label();
    }
}
