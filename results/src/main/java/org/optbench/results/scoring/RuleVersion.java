package org.optbench.results.scoring;

import org.optbench.api.BadInputException;

/** Which AlgoPerf scoring rules apply. */
public enum RuleVersion {
    /** The 2024 competition: held-out variants penalise their base workloads, then the 4x rule. */
    V0_5("v0.5"),
    /** The rolling leaderboard: no held-out variants; only the 4x rule. */
    V0_6("v0.6");

    private final String label;

    RuleVersion(String label) {
        this.label = label;
    }

    /** The name users type, {@code v0.5} or {@code v0.6}. */
    public String label() {
        return label;
    }

    /** Parses {@code v0.5} or {@code v0.6}. */
    public static RuleVersion parse(String text) {
        for (RuleVersion v : values()) {
            if (v.label.equals(text)) {
                return v;
            }
        }
        throw new BadInputException("rule version must be v0.5 or v0.6, got '" + text + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
