package org.optbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.optbench.api.BadInputException;
import org.optbench.results.scoring.AlgoPerfLogs;
import org.optbench.results.scoring.RecordTimes;
import org.optbench.results.scoring.RuleVersion;
import org.optbench.results.scoring.ScoreReport;
import org.optbench.results.scoring.ScoreTables;
import org.optbench.results.scoring.Scoring;
import org.optbench.results.scoring.ScoringInput;
import org.optbench.results.scoring.TimesCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code optbench score}: AlgoPerf's benchmark score for a set of submissions scored together, from optbench's
 * record directories, from AlgoPerf's own logs with a targets file, or from a CSV of per-workload times. Bad
 * input prints one line and exits with code 2.
 */
@Command(name = "score", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Score submissions by AlgoPerf's rules: time to target per trial, best trial per study, "
                + "median over studies, the held-out (v0.5) and 4x rules, performance profiles on 1..4, and the "
                + "normalised integral.",
                "Give exactly one input: --records, --algoperf-logs with --targets, or --times."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./optbench score --records study/self_tuning",
                "  ./optbench score --records study/self_tuning --format csv"})
public final class ScoreCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { table, csv }

    @Spec
    CommandSpec spec;

    @Option(names = "--records", paramLabel = "DIR",
            description = "optbench record directories (every complete trial below DIR).")
    Path records;

    @Option(names = "--hardware-class", paramLabel = "NAME",
            description = "With --records: score only trials of this hardware class (needed when several are present).")
    String hardwareClass;

    @Option(names = "--allow-mixed-hardware",
            description = "With --records: score trials of several hardware classes together (their times do not "
                    + "compare).")
    boolean allowMixedHardware;

    @Option(names = "--algoperf-logs", paramLabel = "DIR",
            description = "AlgoPerf logs: DIR/<submission>/study_<j>/<workload>_<framework>/ holding"
                    + " trial_<k>/eval_measurements.csv.")
    Path algoPerfLogs;

    @Option(names = "--targets", paramLabel = "FILE",
            description = "Targets JSON for --algoperf-logs (base_workloads, held_out_workloads, workloads).")
    Path targets;

    @Option(names = "--times", paramLabel = "CSV",
            description = "Per-workload times: header submission,workload,seconds; inf for a miss; no row = not run.")
    Path times;

    @Option(names = "--held-out", paramLabel = "VARIANT=BASE",
            description = "Marks VARIANT as the held-out variant of BASE (repeatable).")
    Map<String, String> heldOut = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv",
            description = "table (times, ratios, scores) or csv (submission,score rows). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--rule-version", defaultValue = "v0.6", paramLabel = "v0.5|v0.6",
            description = "v0.5 applies held-out variants; v0.6 has none. Default: ${DEFAULT-VALUE}.")
    String ruleVersion;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            RuleVersion version = RuleVersion.parse(ruleVersion);
            ScoreReport report = Scoring.score(input(), version);
            out.print(format == Format.csv ? ScoreTables.csv(report) : ScoreTables.table(report));
            out.flush();
            return 0;
        } catch (BadInputException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private ScoringInput input() {
        int given = (records != null ? 1 : 0) + (algoPerfLogs != null ? 1 : 0) + (times != null ? 1 : 0);
        if (given != 1) {
            throw new BadInputException("give exactly one of --records, --algoperf-logs or --times (got " + given + ")");
        }
        if (algoPerfLogs != null && targets == null) {
            throw new BadInputException("--algoperf-logs needs --targets FILE");
        }
        if (algoPerfLogs == null && targets != null) {
            throw new BadInputException("--targets goes with --algoperf-logs only");
        }
        if (hardwareClass != null && records == null) {
            throw new BadInputException("--hardware-class goes with --records only");
        }
        if (times != null) {
            return TimesCsv.read(times, heldOut);
        }
        if (allowMixedHardware && records == null) {
            throw new BadInputException("--allow-mixed-hardware goes with --records only");
        }
        ScoringInput input = records != null
                ? RecordTimes.readTrials(records, hardwareClass, allowMixedHardware).times()
                : AlgoPerfLogs.read(algoPerfLogs, targets);
        return input.withHeldOut(heldOut);
    }
}
