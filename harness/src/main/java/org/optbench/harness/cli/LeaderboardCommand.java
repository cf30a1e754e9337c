package org.optbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.optbench.api.BadInputException;
import org.optbench.results.leaderboard.Leaderboard;
import org.optbench.results.leaderboard.LeaderboardFiles;
import org.optbench.results.leaderboard.Leaderboards;
import org.optbench.results.leaderboard.Selection;
import org.optbench.results.regression.Baseline;
import org.optbench.results.regression.BaselineJson;
import org.optbench.results.scoring.RuleVersion;
import org.optbench.tuning.plan.Ruleset;
import org.optbench.tuning.plan.StudyPlan;
import org.optbench.tuning.plan.TrialSpec;
import org.optbench.workloads.Suites;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code optbench leaderboard}: scores record trees per experiment (external tuning, self tuning) with bootstrap
 * intervals and writes {@code leaderboard.md}, {@code leaderboard.csv}, a self-contained {@code leaderboard.html}
 * and the plots as PNGs. With {@code --suite} or {@code --workloads} it first runs, through {@code tune}'s
 * planning and local executor, every trial of the named submissions that has no complete record yet.
 */
@Command(name = "leaderboard", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score records and write a leaderboard (Markdown, CSV, self-contained HTML, PNG plots) "
                + "with bootstrap confidence intervals.",
                "With --suite or --workloads (and --submissions) it first runs the missing trials as 'optbench tune' "
                        + "would, into the records directory; run it again to resume.",
                "--suite quick means every base workload; full adds one held-out variant of each."})
public final class LeaderboardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the report goes.")
    Path out;

    @Option(names = "--records", paramLabel = "DIR",
            description = "Records as 'optbench tune' writes them (DIR/external_tuning, DIR/self_tuning); "
                    + "default: --out.")
    Path records;

    @Option(names = "--submissions", split = ",", paramLabel = "S[,S...]",
            description = "Submissions to run and score; default (without running): every one in the records.")
    List<String> submissions;

    @Option(names = "--suite", paramLabel = "NAME",
            description = "Run the missing trials of this suite: quick (every base workload) or full (and one "
                    + "held-out variant of each).")
    String suite;

    @Option(names = "--workloads", split = ",", paramLabel = "W[,W...]",
            description = "Run the missing trials of these workloads (instead of --suite).")
    List<String> workloads;

    @Option(names = "--ruleset", paramLabel = "KIND",
            description = "external or self-tuning: run and score only that experiment; required when running.")
    String ruleset;

    @Option(names = "--preset", defaultValue = Ruleset.DEFAULT_PRESET, paramLabel = "NAME",
            description = "When running: ruleset sizes (local, algoperf-v0.5, algoperf-v0.6); "
                    + "default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--studies", paramLabel = "N", description = "When running: override the preset's studies.")
    Integer studies;

    @Option(names = "--trials", paramLabel = "T",
            description = "When running: override the trials per study (external).")
    Integer trials;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
            description = "When running: experiment seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--budget-seconds", paramLabel = "N",
            description = "When running: replace every workload's base budget.")
    Double budgetSeconds;

    @Option(names = "--eval-period-seconds", paramLabel = "N", hidden = true,
            description = "Replace the eval period (tests).")
    Double evalPeriodSeconds;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "When running: directory with the four MNIST IDX files for the mnist_mlp family;"
                    + " default: the copy the build fetched.")
    Path dataDir;

    @Option(names = "--hardware-class", paramLabel = "NAME",
            description = "Record this hardware class when running; score only trials of it.")
    String hardwareClass;

    @Option(names = "--allow-mixed-hardware",
            description = "Score trials of several hardware classes together (the report says so); default: refuse.")
    boolean allowMixedHardware;

    @Option(names = "--rule-version", defaultValue = "v0.6", paramLabel = "v0.5|v0.6",
            description = "AlgoPerf scoring rules; default: ${DEFAULT-VALUE}.")
    String ruleVersion;

    @Option(names = "--bootstrap-resamples", defaultValue = "1000", paramLabel = "B",
            description = "Bootstrap replicates for the intervals; default: ${DEFAULT-VALUE}.")
    int resamples;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "L",
            description = "Interval coverage in (0, 1); default: ${DEFAULT-VALUE}.")
    double confidence;

    @Option(names = "--bootstrap-seed", defaultValue = "0", paramLabel = "N",
            description = "Seed of the bootstrap; default: ${DEFAULT-VALUE}.")
    long bootstrapSeed;

    @Option(names = "--save-baseline", paramLabel = "FILE",
            description = "Also write the baseline JSON that 'optbench regress' compares against.")
    Path saveBaseline;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (resamples < 1) {
            throw new BadInputException("--bootstrap-resamples must be at least 1, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new BadInputException("--confidence must lie in (0, 1), got " + confidence);
        }
        RuleVersion version = RuleVersion.parse(ruleVersion);
        Path recordsDir = records != null ? records : out;
        List<String> experiments = ruleset == null ? List.of() : List.of(Ruleset.Kind.parse(ruleset).directoryName());
        Set<String> workloadFilter = new LinkedHashSet<>();
        if (suite != null || workloads != null) {
            workloadFilter.addAll(runMissing(recordsDir, spec.commandLine().getErr()));
        }
        Selection selection = new Selection(experiments, submissions == null ? Set.of() : Set.copyOf(submissions),
                workloadFilter, hardwareClass, allowMixedHardware);
        List<Leaderboard> boards = Leaderboards.read(recordsDir, selection,
                new Leaderboards.Settings(version, resamples, confidence, bootstrapSeed));
        List<Path> written = LeaderboardFiles.write(boards, RunCommand.writableDirectory(out));
        if (saveBaseline != null) {
            BaselineJson.write(Baseline.of(boards), saveBaseline);
        }
        for (Leaderboard b : boards) {
            stdout.printf("%s:%s%n", b.experiment(), b.mixedHardware() ? " (mixed hardware classes "
                    + String.join(", ", b.hardwareClasses()) + ")" : "");
            for (String s : b.ranking()) {
                var ci = b.bootstrap().scores().get(s);
                stdout.printf(java.util.Locale.ROOT, "  %-20s %.4f [%.4f, %.4f]%n", s, ci.estimate(), ci.lower(),
                        ci.upper());
            }
        }
        stdout.println("wrote " + written.size() + " files to " + out + " (" + LeaderboardFiles.HTML + ", "
                + LeaderboardFiles.MARKDOWN + ", " + LeaderboardFiles.CSV + ", plots)"
                + (saveBaseline == null ? "" : "; baseline " + saveBaseline));
        stdout.flush();
        return 0;
    }

    /** Plans each submission's study as {@code optbench tune} does and runs its missing trials; their workloads. */
    private Set<String> runMissing(Path recordsDir, PrintWriter progressOut) {
        if (submissions == null || submissions.isEmpty()) {
            throw new BadInputException("--suite/--workloads run trials and need --submissions S[,S...]");
        }
        if (ruleset == null) {
            throw new BadInputException("--suite/--workloads run trials and need --ruleset external|self-tuning");
        }
        if (suite != null && workloads != null) {
            throw new BadInputException("give --suite or --workloads, not both");
        }
        Set<String> planned = new LinkedHashSet<>();
        List<StudyPlan> plans = new ArrayList<>();
        for (String submission : submissions) {
            TuneCommand tune = tuneCommand(submission, recordsDir);
            StudyPlan plan = tune.plan();
            plans.add(plan);
            plan.trials().stream().map(TrialSpec::workload).forEach(planned::add);
        }
        for (int i = 0; i < plans.size(); i++) {
            tuneCommand(submissions.get(i), recordsDir).runMissingTrials(plans.get(i), null, progressOut);
        }
        return planned;
    }

    /** A {@code tune} command with this command's options, for one submission. */
    private TuneCommand tuneCommand(String submission, Path recordsDir) {
        TuneCommand tune = new TuneCommand();
        tune.submission = submission;
        tune.ruleset = ruleset;
        tune.preset = preset;
        tune.workloads = workloads;
        tune.suite = suite == null ? "quick" : suite;
        tune.heldOutSeed = Suites.DEFAULT_HELD_OUT_SEED;
        tune.studies = studies;
        tune.trials = trials;
        tune.seed = seed;
        tune.budgetSeconds = budgetSeconds;
        tune.evalPeriodSeconds = evalPeriodSeconds;
        tune.out = recordsDir;
        tune.dataDir = dataDir;
        tune.hardwareClass = hardwareClass;
        return tune;
    }
}
