package org.optbench.harness.cli;

import java.nio.file.Path;
import java.util.List;

import org.optbench.api.BadInputException;
import org.optbench.harness.study.StudyRequest;
import org.optbench.harness.study.SubmissionChoice;
import org.optbench.tuning.plan.Ruleset;
import org.optbench.workloads.Suites;

import picocli.CommandLine.Option;

/** What a tuning study is: ruleset, sizes, workloads, seed, budgets (shared by {@code tune} and {@code leaderboard}). */
final class TuningOptions {
    @Option(names = "--ruleset", paramLabel = "KIND",
            description = "external (a search space, S x T trials, the full budget each) or self-tuning (the default"
                    + " point, S x 1 trial, the budget times a factor).")
    String ruleset;

    @Option(names = "--preset", defaultValue = Ruleset.DEFAULT_PRESET, paramLabel = "NAME",
            description = "Ruleset sizes: local, algoperf-v0.5 or algoperf-v0.6; default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--workloads", split = ",", paramLabel = "W",
            description = "Workloads or variants, comma-separated (see 'optbench workloads').")
    List<String> workloads;

    @Option(names = "--suite", paramLabel = "NAME",
            description = "quick (every base workload) or full (and one held-out variant of each, and one of each "
                    + "family that changes the training signal).")
    String suite;

    @Option(names = "--held-out-seed", defaultValue = "" + Suites.DEFAULT_HELD_OUT_SEED, paramLabel = "N",
            description = "Seed of the full suite's held-out variant draw (default: ${DEFAULT-VALUE}).")
    long heldOutSeed;

    @Option(names = "--studies", paramLabel = "N", description = "Override the preset's number of studies.")
    Integer studies;

    @Option(names = "--trials", paramLabel = "T", description = "Override the preset's trials per study (external).")
    Integer trials;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
            description = "Experiment seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--budget-seconds", paramLabel = "N",
            description = "Replace every workload's budget (before the ruleset's factor), e.g. for smoke tests; the"
                    + " speed probe does not scale it.")
    Double budgetSeconds;

    /** Whether workloads were named (so that trials are to run). */
    boolean namesWorkloads() {
        return suite != null || workloads != null;
    }

    /** The workloads these options name, {@code defaultSuite} when none are. */
    List<String> workloadNames(String defaultSuite) {
        if (suite != null && workloads != null) {
            throw new BadInputException("give --suite or --workloads, not both");
        }
        if (workloads != null && !workloads.isEmpty()) {
            return workloads;
        }
        return Suites.workloads(suite != null ? suite : defaultSuite, heldOutSeed);
    }

    /** The study of one submission. */
    StudyRequest request(SubmissionChoice submission, String defaultRuleset, String defaultSuite, Path searchSpace) {
        String kind = ruleset != null ? ruleset : defaultRuleset;
        if (kind == null) {
            throw new BadInputException("--suite/--workloads run trials and need --ruleset external|self-tuning");
        }
        return new StudyRequest(submission, Ruleset.Kind.parse(kind), preset, studies, trials, searchSpace,
                workloadNames(defaultSuite), seed, budgetSeconds);
    }
}
