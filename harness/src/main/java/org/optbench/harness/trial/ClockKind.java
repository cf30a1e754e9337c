package org.optbench.harness.trial;

import java.util.Locale;

import org.optbench.api.BadInputException;

/**
 * What times a trial. {@link #CPU}: CPU time of the trial process (its training thread in the timed phases, every
 * other thread and child process whenever the clock runs), which other processes on the machine cannot move;
 * {@link #WALL}: AlgoPerf's wall clock, right on a dedicated machine. Records say which ({@code trial.json}'s
 * {@code clock}).
 */
public enum ClockKind {
    /** CPU time of the trial process: the default of the {@code local} preset. */
    CPU("cpu"),
    /** Wall-clock time, as AlgoPerf times submissions: the {@code algoperf-*} presets' clock. */
    WALL("wall");

    private final String label;

    ClockKind(String label) {
        this.label = label;
    }

    /** {@code "cpu"} or {@code "wall"}, as typed and recorded. */
    public String label() {
        return label;
    }

    /** Parses {@code cpu} or {@code wall}; anything else is bad input naming the option. */
    public static ClockKind parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ClockKind kind : values()) {
            if (kind.label.equals(t)) {
                return kind;
            }
        }
        throw new BadInputException("--clock must be cpu or wall, got '" + text + "'");
    }
}
