package org.optbench.harness.study;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.optbench.api.BadInputException;
import org.optbench.harness.trial.ClockKind;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordWriter;
import org.optbench.results.records.TrialRecords;
import org.optbench.tuning.plan.TrialSpec;

/**
 * Which of a plan's trials are already finished, for resuming. A finished record in a trial's directory counts only
 * when it is that trial: same hyperparameters, seed, budget and clock. A record of another plan there (a study rerun
 * with more trials, another seed, budget or clock into the same directory) is refused rather than silently reused.
 */
public final class FinishedTrials {
    private FinishedTrials() {
    }

    /**
     * Whether the trial's directory holds its finished record.
     *
     * @throws BadInputException when it holds a finished record of another trial
     */
    public static boolean holds(Path trialDir, TrialSpec spec, ClockKind clock) {
        if (!TrialRecords.isComplete(trialDir)) {
            return false;
        }
        Path file = trialDir.resolve(TrialRecordWriter.TRIAL_FILE);
        TrialRecord record = TrialRecords.readRecord(file);
        String difference = null;
        if (record.seed() != spec.seed()) {
            difference = "seed " + record.seed() + ", the plan has " + spec.seed();
        } else if (Math.abs(planBudget(record) - spec.budgetSeconds()) > 1e-9 * spec.budgetSeconds()) {
            difference = "budget " + planBudget(record) + " s, the plan has " + spec.budgetSeconds() + " s";
        } else if (!record.clockOrWall().equals(clock.label())) {
            difference = "timed by the " + record.clockOrWall() + " clock, this study uses " + clock.label();
        } else if (!comparable(record.hyperparameters()).equals(comparable(spec.hyperparameters()))) {
            difference = "hyperparameters " + record.hyperparameters() + ", the plan has " + spec.hyperparameters();
        }
        if (difference != null) {
            throw new BadInputException(file + " is a finished trial of another plan (" + difference
                    + "); run into a new --out directory, or remove that trial");
        }
        return true;
    }

    /** The plan's budget of a record: what it ran under, before this machine's budget scale. */
    private static double planBudget(TrialRecord record) {
        return record.budgetSeconds() / record.budgetScaleOrOne();
    }

    /** Numbers as doubles (JSON gives 128 back as an Integer where the plan may hold a Long or a Double). */
    private static Map<String, Object> comparable(Map<String, Object> hyperparameters) {
        Map<String, Object> out = new TreeMap<>();
        hyperparameters.forEach((k, v) -> out.put(k, v instanceof Number n ? (Object) n.doubleValue() : v));
        return out;
    }
}
