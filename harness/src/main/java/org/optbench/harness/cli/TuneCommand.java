package org.optbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.optbench.harness.study.StudyLayout;
import org.optbench.harness.study.StudyRequest;
import org.optbench.harness.study.SubmissionChoice;
import org.optbench.harness.study.Tuning;
import org.optbench.results.records.TrialRecord;
import org.optbench.tuning.plan.StudyPlan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code optbench tune}: plans a submission's study under a ruleset and runs its trials on this machine (one per
 * core) or as a Slurm job array; run again after an interruption, it runs only the trials without a complete record.
 */
@Command(name = "tune", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Plan a tuning study (AlgoPerf rulesets, quasi-random search) and run its trials, resuming "
                + "where an earlier run stopped.",
                "Writes OUT/<external_tuning|self_tuning>/<submission>/plan.json and a record directory per trial."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./optbench tune --submission adamw --ruleset self-tuning --suite quick \\",
                "      --out study",
                "  ./optbench tune --submission adamw --ruleset external --workloads quadratic \\",
                "      --studies 1 --trials 4 --out study"})
public final class TuneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--submission", required = true, paramLabel = "S",
            description = "Built-in submission name, or a submission jar (checked first, see 'optbench check').")
    String submission;

    @Option(names = "--submission-class", paramLabel = "CLASS",
            description = "For a jar that offers several submissions: the class to tune.")
    String submissionClass;

    @Option(names = "--search-space", paramLabel = "FILE",
            description = "AlgoPerf tuning_search_space.json (external); default: the submission's own.")
    Path searchSpace;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Mixin
    TuningOptions tuning;

    @Mixin
    ExecutorOptions executor;

    @Mixin
    EnvironmentOptions environment;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        StudyRequest request = tuning.request(new SubmissionChoice(submission, submissionClass), "external", "quick",
                searchSpace);
        Tuning.Prepared prepared = Tuning.prepare(environment.environment(out, executor.jobs, executor.choice()),
                List.of(request), line -> Notes.print(stderr, line));
        List<TrialRecord> records;
        try (StudyProgressDisplay progress = new StudyProgressDisplay(stderr)) {
            records = Tuning.run(prepared, progress).get(0);
        }
        Notes.summarizeContention(stderr, records);
        StudyPlan plan = prepared.studies().get(0).plan();
        Path experiment = new StudyLayout(out).experiment(plan.ruleset().kind());
        stdout.print(summary(plan, records, experiment));
        stdout.println("score with: optbench score --records " + experiment.toAbsolutePath());
        stdout.flush();
        return 0;
    }

    /** The table printed when a study is done. */
    static String summary(StudyPlan plan, List<TrialRecord> records, Path experiment) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s, %s %s: %d trials, records under %s%n", plan.submission(),
                plan.ruleset().name(), plan.ruleset().kind().label(), records.size(), experiment));
        s.append(String.format(Locale.ROOT, "  %-5s %-22s %-5s %-9s %10s %10s  %s%n", "study", "workload", "trial",
                "reached", "ttt s", "budget s", "stop"));
        for (TrialRecord r : records) {
            s.append(String.format(Locale.ROOT, "  %-5d %-22s %-5d %-9s %10s %10.1f  %s%n", r.study(), r.workload(),
                    r.trial(), r.reachedValidationTarget() ? "yes" : "no",
                    r.timeToTargetSeconds() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.timeToTargetSeconds()),
                    r.budgetSeconds(), r.failure() != null ? "failed: " + r.failure() : r.stopReason().json()));
        }
        return s.toString();
    }
}
