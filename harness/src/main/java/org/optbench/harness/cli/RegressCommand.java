package org.optbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.optbench.api.BadInputException;
import org.optbench.results.leaderboard.Leaderboard;
import org.optbench.results.leaderboard.Leaderboards;
import org.optbench.results.leaderboard.Selection;
import org.optbench.results.regression.Baseline;
import org.optbench.results.regression.BaselineJson;
import org.optbench.results.regression.Check;
import org.optbench.results.regression.JUnitReport;
import org.optbench.results.regression.RegressionGate;
import org.optbench.results.regression.RegressionSummary;
import org.optbench.results.regression.Tolerances;
import org.optbench.results.scoring.RuleVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code optbench regress}: the CI regression gate. Scores the current records as {@code leaderboard} does and
 * compares per-workload time to target, median step time and each score with a baseline written by
 * {@code optbench leaderboard --save-baseline}. Exit code 0 when nothing regressed beyond the tolerances, 1 when
 * something did (or a baseline result is missing), 2 on malformed input.
 */
@Command(name = "regress", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Compare current records with a saved baseline: time to target and median step time per "
                + "submission and workload, and scores. Exit 0: no regression; 1: a regression beyond tolerance; "
                + "2: malformed input.",
                "Writes a JUnit XML report (--junit) and a Markdown summary (--summary) for CI."},
        footerHeading = "%nExamples:%n",
        footer = {"  # baseline.json from 'optbench leaderboard ... --save-baseline baseline.json'",
                "  ./optbench regress --baseline baseline.json --current study \\",
                "      --junit regress.xml --summary regress.md"})
public final class RegressCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "FILE",
            description = "Baseline JSON from 'optbench leaderboard --save-baseline'.")
    Path baseline;

    @Option(names = "--current", required = true, paramLabel = "DIR",
            description = "Current records (DIR/external_tuning, DIR/self_tuning, as 'tune' writes them).")
    Path current;

    @Option(names = "--time-tolerance", defaultValue = "0.10", paramLabel = "F",
            description = "Relative growth of time to target that still passes; default: ${DEFAULT-VALUE}.")
    double timeTolerance;

    @Option(names = "--step-time-tolerance", defaultValue = "0.10", paramLabel = "F",
            description = "Relative growth of the median step time that still passes; default: ${DEFAULT-VALUE}.")
    double stepTimeTolerance;

    @Option(names = "--score-tolerance", defaultValue = "0.05", paramLabel = "D",
            description = "Absolute drop of a score that still passes; default: ${DEFAULT-VALUE}.")
    double scoreTolerance;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report here.")
    Path junit;

    @Option(names = "--summary", paramLabel = "FILE", description = "Write a Markdown summary here.")
    Path summary;

    @Option(names = "--hardware-class", paramLabel = "NAME", description = "Score only current trials of this class.")
    String hardwareClass;

    @Option(names = "--allow-mixed-hardware",
            description = "Score current trials of several hardware classes together, and compare with a baseline "
                    + "from other hardware classes.")
    boolean allowMixedHardware;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        Tolerances tolerances = new Tolerances(timeTolerance, stepTimeTolerance, scoreTolerance);
        Baseline base = BaselineJson.read(baseline);
        RuleVersion version = base.ruleVersion() == null ? RuleVersion.V0_6 : RuleVersion.parse(base.ruleVersion());
        Selection selection = new Selection(List.of(), java.util.Set.of(), java.util.Set.of(), hardwareClass,
                allowMixedHardware);
        // One bootstrap replicate: the gate compares point values; intervals are the leaderboard's business.
        List<Leaderboard> boards = Leaderboards.read(current, selection,
                new Leaderboards.Settings(version, 1, 0.95, 0));
        Baseline now = Baseline.of(boards);
        if (!allowMixedHardware) {
            base.experiments().forEach((experiment, b) -> {
                Baseline.Experiment c = now.experiments().get(experiment);
                if (c != null && !c.hardwareClasses().equals(b.hardwareClasses())) {
                    throw new BadInputException(current + ": " + experiment + " ran on hardware class "
                            + String.join(", ", c.hardwareClasses()) + " but the baseline " + baseline + " on "
                            + String.join(", ", b.hardwareClasses())
                            + "; times compare within one class (--allow-mixed-hardware to compare anyway)");
                }
            });
        }
        List<Check> checks = RegressionGate.compare(base, now, tolerances);
        if (junit != null) {
            JUnitReport.write(checks, junit);
        }
        if (summary != null) {
            RegressionSummary.write(checks, tolerances, summary);
        }
        long failed = checks.stream().filter(c -> !c.passed()).count();
        for (Check c : checks) {
            if (!c.passed()) {
                stdout.println("REGRESSION " + c.experiment() + "/" + c.submission()
                        + (c.workload() == null ? "" : "/" + c.workload()) + ": " + c.message());
            }
        }
        stdout.println(failed == 0 ? "regress: " + checks.size() + " checks passed"
                : "regress: " + failed + " of " + checks.size() + " checks failed");
        stdout.flush();
        return failed == 0 ? 0 : 1;
    }
}
