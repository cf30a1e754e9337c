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
import org.optbench.harness.study.OutputDirectory;
import org.optbench.harness.study.StudyRequest;
import org.optbench.harness.study.SubmissionChoice;
import org.optbench.harness.study.Tuning;
import org.optbench.results.records.TrialRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code optbench leaderboard}: scores record trees per experiment (external tuning, self tuning) with bootstrap
 * intervals and writes {@code leaderboard.md}, {@code leaderboard.csv}, a self-contained {@code leaderboard.html}
 * and the plots as PNGs. With {@code --suite} or {@code --workloads} it first runs, through {@code tune}'s
 * planning and local executor, every trial of the named submissions that has no complete record yet.
 */
@Command(name = "leaderboard", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Score records and write a leaderboard (Markdown, CSV, self-contained HTML, PNG plots) "
                + "with bootstrap confidence intervals.",
                "With --suite or --workloads (and --submissions) it first runs the missing trials as 'optbench tune' "
                        + "would, into the records directory; run it again to resume.",
                "--suite quick means every base workload; full adds one held-out variant of each",
                "and one of each family that changes the training signal (delayed gradients, small-model soft "
                        + "labels)."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./optbench leaderboard --suite quick --ruleset self-tuning \\",
                "      --submissions adamw,nadamw,sgd_nesterov,shampoo,sonew,sketchy \\",
                "      --out leaderboard",
                "  ./optbench leaderboard --records study --out report \\",
                "      --save-baseline baseline.json"})
public final class LeaderboardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the report goes.")
    Path out;

    @Option(names = "--records", paramLabel = "DIR",
            description = "Records as 'optbench tune' writes them (DIR/external_tuning, DIR/self_tuning); "
                    + "default: --out.")
    Path records;

    @Option(names = "--submissions", split = ",", paramLabel = "S",
            description = "Submissions to run and score, comma-separated; default (without running): every one in the"
                    + " records.")
    List<String> submissions;

    @Mixin
    TuningOptions tuning;

    @Mixin
    ExecutorOptions executor;

    @Mixin
    EnvironmentOptions environment;

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
        PrintWriter stderr = spec.commandLine().getErr();
        if (resamples < 1) {
            throw new BadInputException("--bootstrap-resamples must be at least 1, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new BadInputException("--confidence must lie in (0, 1), got " + confidence);
        }
        RuleVersion version = RuleVersion.parse(ruleVersion);
        Path recordsDir = records != null ? records : out;
        List<String> experiments = tuning.ruleset == null ? List.of()
                : List.of(Ruleset.Kind.parse(tuning.ruleset).directoryName());
        Set<String> workloadFilter = new LinkedHashSet<>();
        Set<String> names = submissions == null ? Set.of() : Set.copyOf(submissions);
        if (tuning.namesWorkloads()) {
            Tuning.Prepared prepared = runMissing(recordsDir, stderr);
            names = new LinkedHashSet<>();
            for (var study : prepared.studies()) {
                names.add(study.plan().submission());
                study.plan().trials().forEach(t -> workloadFilter.add(t.workload()));
            }
        }
        Selection selection = new Selection(experiments, names, workloadFilter, environment.hardwareClass,
                allowMixedHardware);
        List<Leaderboard> boards = Leaderboards.read(recordsDir, selection,
                new Leaderboards.Settings(version, resamples, confidence, bootstrapSeed));
        List<Path> written = LeaderboardFiles.write(boards, OutputDirectory.writable(out));
        if (saveBaseline != null) {
            BaselineJson.write(Baseline.of(boards), saveBaseline);
        }
        for (Leaderboard b : boards) {
            b.consoleLines().forEach(stdout::println);
        }
        stdout.println("wrote " + written.size() + " files to " + out + " (" + LeaderboardFiles.HTML + ", "
                + LeaderboardFiles.MARKDOWN + ", " + LeaderboardFiles.CSV + ", plots)"
                + (saveBaseline == null ? "" : "; baseline " + saveBaseline));
        stdout.flush();
        return 0;
    }

    /** Runs, as {@code optbench tune} would, every submission's missing trials. */
    private Tuning.Prepared runMissing(Path recordsDir, PrintWriter err) {
        if (submissions == null || submissions.isEmpty()) {
            throw new BadInputException("--suite/--workloads run trials and need --submissions S[,S...]");
        }
        List<StudyRequest> requests = new ArrayList<>();
        for (String submission : submissions) {
            requests.add(tuning.request(new SubmissionChoice(submission, null), null, "quick", null));
        }
        Tuning.Prepared prepared = Tuning.prepare(environment.environment(recordsDir, executor.jobs,
                executor.choice()), requests, line -> Notes.print(err, line));
        List<TrialRecord> all = new ArrayList<>();
        try (StudyProgressDisplay progress = new StudyProgressDisplay(err)) {
            Tuning.run(prepared, progress).forEach(all::addAll);
        }
        Notes.summarizeContention(err, all);
        return prepared;
    }
}
