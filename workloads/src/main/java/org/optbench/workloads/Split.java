package org.optbench.workloads;

/** The data splits a workload evaluates on. Only the harness sees validation and test. */
public enum Split {
    /** A fixed subset of the training data, the size of the validation split. */
    TRAIN("train"),
    /** The split that decides whether the target is reached. */
    VALIDATION("validation"),
    /** Held-out data, reported beside the validation metric. */
    TEST("test");

    private final String prefix;

    Split(String prefix) {
        this.prefix = prefix;
    }

    /** The record column prefix: {@code "train"}, {@code "validation"} or {@code "test"}. */
    public String prefix() {
        return prefix;
    }
}
