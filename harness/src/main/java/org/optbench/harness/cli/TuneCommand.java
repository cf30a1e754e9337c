package org.optbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.optbench.api.BadInputException;
import org.optbench.api.Submission;
import org.optbench.harness.budgets.Budgets;
import org.optbench.harness.catalog.SubmissionSource;
import org.optbench.harness.isolation.ForkedTrial;
import org.optbench.harness.jar.JarCheck;
import org.optbench.harness.isolation.TrialSettings;
import org.optbench.harness.study.LocalExecutor;
import org.optbench.harness.study.StudyExecutor;
import org.optbench.harness.study.StudyLayout;
import org.optbench.harness.study.slurm.SlurmExecutor;
import org.optbench.harness.study.slurm.SlurmOptions;
import org.optbench.results.records.AtomicFiles;
import org.optbench.results.records.TrialRecord;
import org.optbench.tuning.plan.PlanJson;
import org.optbench.tuning.plan.Ruleset;
import org.optbench.tuning.plan.StudyPlan;
import org.optbench.tuning.plan.StudyPlanner;
import org.optbench.tuning.plan.WorkloadBudget;
import org.optbench.tuning.search.SearchSpace;
import org.optbench.tuning.search.SearchSpaceReader;
import org.optbench.workloads.Suites;
import org.optbench.workloads.WorkloadOptions;
import org.optbench.workloads.WorkloadSpec;
import org.optbench.workloads.Workloads;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code optbench tune}: plans a submission's study under a ruleset and runs its trials, each alone in its own JVM:
 * one after another on this machine ({@code --executor local}) or as a Slurm job array, one task per trial
 * ({@code --executor slurm}). Run again after an interruption, it runs only the trials without a complete record.
 */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plan a tuning study (AlgoPerf rulesets, quasi-random search) and run its trials, resuming "
                + "where an earlier run stopped.",
                "Writes OUT/<external_tuning|self_tuning>/<submission>/plan.json and a record directory per trial."})
public final class TuneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--submission", required = true, paramLabel = "S",
            description = "Built-in submission name, or a submission jar (checked first, see 'optbench check').")
    String submission;

    @Option(names = "--ruleset", defaultValue = "external", paramLabel = "KIND",
            description = "external (search space, S x T trials, full budget) or self-tuning (default point, S x 1 "
                    + "trial, budget x factor); default: ${DEFAULT-VALUE}.")
    String ruleset;

    @Option(names = "--preset", defaultValue = Ruleset.DEFAULT_PRESET, paramLabel = "NAME",
            description = "Ruleset sizes: local, algoperf-v0.5 or algoperf-v0.6; default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--workloads", split = ",", paramLabel = "W[,W...]",
            description = "Workloads or variants; default: the suite's.")
    List<String> workloads;

    @Option(names = "--suite", defaultValue = "quick", paramLabel = "NAME",
            description = "quick (every base workload) or full (bases and one held-out variant each); "
                    + "default: ${DEFAULT-VALUE}. Ignored when --workloads is given.")
    String suite;

    @Option(names = "--held-out-seed", defaultValue = "" + Suites.DEFAULT_HELD_OUT_SEED, paramLabel = "N",
            description = "Seed of the full suite's held-out variant draw (default: ${DEFAULT-VALUE}).")
    long heldOutSeed;

    @Option(names = "--budgets-dir", paramLabel = "DIR",
            description = "Directory of <hardware-class>.json budget files; default: the shipped ones.")
    Path budgetsDir;

    @Option(names = "--studies", paramLabel = "N", description = "Override the preset's number of studies.")
    Integer studies;

    @Option(names = "--trials", paramLabel = "T", description = "Override the preset's trials per study (external).")
    Integer trials;

    @Option(names = "--search-space", paramLabel = "FILE",
            description = "AlgoPerf tuning_search_space.json (external); default: the submission's own.")
    Path searchSpaceFile;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Experiment seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--budget-seconds", paramLabel = "N",
            description = "Replace every workload's base budget (before the ruleset's factor), e.g. for smoke tests.")
    Double budgetSeconds;

    @Option(names = "--eval-period-seconds", paramLabel = "N", hidden = true,
            description = "Replace every workload's eval period (tests).")
    Double evalPeriodSeconds;

    @Option(names = "--allow-unchecked", description = "Run a submission jar even if it fails 'optbench check'.")
    boolean allowUnchecked;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory with the four MNIST IDX files for the mnist_mlp family;"
                    + " default: the copy the build fetched.")
    Path dataDir;

    @Option(names = "--hardware-class", paramLabel = "NAME", description = "Hardware class to record.")
    String hardwareClass;

    /** Where the trials run; spelled as typed on the command line. */
    enum Executor { local, slurm }

    @Option(names = "--executor", defaultValue = "local", paramLabel = "local|slurm",
            description = "local: one trial after another on this machine, each in its own JVM; slurm: one Slurm "
                    + "array task per trial (OUT must be on storage the nodes share). Default: ${DEFAULT-VALUE}.")
    Executor executor;

    @Option(names = "--partition", paramLabel = "P", description = "Slurm: the partition (default: the cluster's).")
    String partition;

    @Option(names = "--gres", paramLabel = "SPEC", description = "Slurm: generic resources per trial, e.g. gpu:1.")
    String gres;

    @Option(names = "--exclusive", description = "Slurm: a whole node per trial.")
    boolean exclusive;

    @Option(names = "--time", paramLabel = "LIMIT",
            description = "Slurm: time limit per trial in sbatch's format, e.g. 30 or 1:00:00 (default: the partition's).")
    String time;

    @Option(names = "--cpus-per-task", defaultValue = "1", paramLabel = "N",
            description = "Slurm: cores per trial (default: ${DEFAULT-VALUE}).")
    int cpusPerTask;

    @Option(names = "--sbatch-arg", paramLabel = "OPT",
            description = "Slurm: a further sbatch option as one token, e.g. --sbatch-arg=--mem=8G (repeatable).")
    List<String> sbatchArgs;

    @Option(names = "--poll-seconds", defaultValue = "5", paramLabel = "S",
            description = "Slurm: how often to ask squeue/sacct how the trials are doing (default: ${DEFAULT-VALUE}).")
    double pollSeconds;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (SubmissionSource.isJar(submission) && !allowUnchecked) {
            JarCheck.requirePassed(Path.of(submission));
        }
        StudyExecutor studyExecutor = executor();
        StudyPlan plan = plan();
        List<TrialRecord> records = runMissingTrials(plan, studyExecutor, spec.commandLine().getErr());
        Path experiment = new StudyLayout(out).experiment(plan.ruleset().kind());
        stdout.print(StudySummary.of(plan, records, experiment));
        stdout.println("score with: optbench score --records " + experiment.toAbsolutePath()
                + (hardwareClass != null ? " --hardware-class " + hardwareClass : ""));
        stdout.flush();
        return 0;
    }

    /**
     * Writes (or checks) {@code plan}'s plan file under {@code --out} and runs its trials that have no complete
     * record, one after another, each in its own JVM; shared with {@code optbench leaderboard}.
     *
     * @param studyExecutor runs the trials; {@code null} for the one these options name
     * @param progressOut where the progress display goes
     * @return the records of all the plan's trials, in plan order
     */
    List<TrialRecord> runMissingTrials(StudyPlan plan, StudyExecutor studyExecutor, PrintWriter progressOut) {
        StudyLayout layout = new StudyLayout(RunCommand.writableDirectory(out));
        Path planFile = layout.planFile(plan.ruleset().kind(), plan.submission());
        if (Files.exists(planFile)) {
            StudyPlan existing = PlanJson.read(planFile);
            if (!existing.equals(plan)) {
                throw new BadInputException("a different study plan is already in " + planFile
                        + "; use another --out, or delete it to start over");
            }
        } else {
            RunCommand.writableDirectory(planFile.getParent());
            AtomicFiles.writeString(planFile, PlanJson.toJson(plan));
        }
        List<TrialRecord> records;
        try (StudyProgressDisplay progress = new StudyProgressDisplay(progressOut)) {
            records = (studyExecutor != null ? studyExecutor : executor()).execute(plan, layout, progress);
        }
        return records;
    }

    /** How this study's trials run here. */
    TrialSettings settings() {
        TrialSettings settings = TrialSettings.defaults()
                .withDataDir(dataDir == null ? null : dataDir.toAbsolutePath().toString())
                .withEvalPeriodSeconds(evalPeriodSeconds)
                .withHardwareClass(hardwareClass);
        return SubmissionSource.isJar(submission)
                ? settings.withSubmissionJar(Path.of(submission).toAbsolutePath().normalize().toString(), null)
                : settings;
    }

    private StudyExecutor executor() {
        boolean slurmOptionsGiven = partition != null || gres != null || exclusive || time != null
                || sbatchArgs != null;
        if (executor == null || executor == Executor.local) {
            if (slurmOptionsGiven) {
                throw new BadInputException("--partition, --gres, --exclusive, --time and --sbatch-arg need "
                        + "--executor slurm");
            }
            return new LocalExecutor(settings(), ForkedTrial.Limits.defaults());
        }
        SlurmOptions options = new SlurmOptions(partition, gres, exclusive, time, cpusPerTask, sbatchArgs,
                pollSeconds);
        return new SlurmExecutor(options, settings(), ForkedTrial.Limits.defaults());
    }

    /** The plan these options describe; deterministic, so the same command plans the same study. */
    StudyPlan plan() {
        Submission instance = settings().loadSubmission(submission);
        Ruleset.Kind kind = Ruleset.Kind.parse(ruleset);
        Ruleset rules = Ruleset.preset(preset, kind);
        if (studies != null) {
            rules = rules.withStudies(studies);
        }
        if (trials != null) {
            if (kind == Ruleset.Kind.SELF_TUNING && trials != 1) {
                throw new BadInputException("--trials must be 1 under the self-tuning ruleset, got " + trials);
            }
            rules = rules.withTrialsPerStudy(trials);
        }
        List<WorkloadBudget> budgets = new ArrayList<>();
        Budgets classBudgets = Budgets.resolve(hardwareClass, budgetsDir);
        for (String name : workloadNames()) {
            WorkloadSpec workloadSpec = Workloads.create(name, options()).spec();
            double budget = budgetSeconds != null ? budgetSeconds : classBudgets.budgetSeconds(workloadSpec);
            if (!(budget > 0)) {
                throw new BadInputException("--budget-seconds must be positive, got " + budget);
            }
            budgets.add(new WorkloadBudget(workloadSpec.name(), budget));
        }
        if (kind == Ruleset.Kind.SELF_TUNING) {
            return StudyPlanner.planSelfTuning(instance.name(), budgets, rules,
                    instance.defaultHyperParameters().asMap(), seed);
        }
        SearchSpace space;
        if (searchSpaceFile != null) {
            space = SearchSpaceReader.read(searchSpaceFile);
        } else {
            String json = instance.searchSpaceJson().orElseThrow(() -> new BadInputException("submission '"
                    + instance.name() + "' ships no search space; give one with --search-space FILE"));
            space = SearchSpaceReader.parse(json, instance.name() + " default search space");
        }
        return StudyPlanner.planExternal(instance.name(), budgets, rules, space, seed);
    }

    private List<String> workloadNames() {
        if (workloads != null && !workloads.isEmpty()) {
            return workloads;
        }
        return Suites.workloads(suite, heldOutSeed);
    }

    private WorkloadOptions options() {
        WorkloadOptions defaults = WorkloadOptions.defaults();
        return dataDir == null ? defaults : defaults.withDataDir(dataDir);
    }

    /** The table printed when a study is done. */
    static final class StudySummary {
        private StudySummary() {
        }

        static String of(StudyPlan plan, List<TrialRecord> records, Path experiment) {
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
}
