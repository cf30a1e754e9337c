package org.optbench.harness.study;

import java.nio.file.Path;
import java.util.List;

import org.optbench.tuning.plan.Ruleset;

/**
 * One submission's tuning study as a user asked for it ({@code tune}, and each submission of a
 * {@code leaderboard}).
 *
 * @param submission what is tuned
 * @param kind external or self-tuning
 * @param preset the ruleset sizes ({@code local}, {@code algoperf-v0.5}, {@code algoperf-v0.6})
 * @param studies the preset's number of studies overridden, or {@code null}
 * @param trials the preset's trials per study overridden, or {@code null}
 * @param searchSpace an AlgoPerf search space file replacing the submission's own, or {@code null}
 * @param workloads the workloads and variants
 * @param seed the experiment seed
 * @param budgetSeconds a budget replacing every workload's (before the ruleset's factor), or {@code null}
 */
public record StudyRequest(SubmissionChoice submission, Ruleset.Kind kind, String preset, Integer studies,
                           Integer trials, Path searchSpace, List<String> workloads, long seed, Double budgetSeconds) {
    /** Copies the list. */
    public StudyRequest {
        workloads = List.copyOf(workloads);
    }
}
