package org.optbench.harness.study;

import java.util.List;

import org.optbench.results.records.TrialRecord;

/**
 * Runs trials: on this machine ({@link LocalExecutor}, several at once, one per core), in this JVM
 * ({@link InProcessExecutor}, for debugging), or on a cluster (the Slurm executor). Every executor gets the same
 * {@link TrialJob}s, each a serialised request with every setting of its trial, and each trial is launched by the
 * same trusted launcher, which owns its record; no executor changes what a trial does.
 */
public interface StudyExecutor {
    /**
     * Runs the jobs and returns their records, in the jobs' order.
     *
     * @param jobs trials without a complete record
     * @param progress hears each trial
     */
    List<TrialRecord> run(List<TrialJob> jobs, StudyProgress progress);

    /** How many trials run at once (for the progress display's estimate). */
    default int parallelism() {
        return 1;
    }
}
