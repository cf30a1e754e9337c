package org.optbench.results.scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.optbench.api.BadInputException;
import org.optbench.results.records.EvalMeasurementsCsv;
import org.optbench.results.records.EvalRow;

/**
 * AlgoPerf's own log trees: {@code <root>/<submission>/study_<j>/<workload>_<framework>/trial_<k>/eval_measurements.csv},
 * scored against a targets file ({@link AlgoPerfTargets}). Time is {@code accumulated_submission_time}
 * (AlgoPerf's {@code score} column, the same clock). A trial directory without the CSV is skipped, as AlgoPerf's
 * scoring skips it.
 */
public final class AlgoPerfLogs {
    private static final Pattern STUDY = Pattern.compile("study_(\\d{1,9})");
    private static final Pattern TRIAL = Pattern.compile("trial_(\\d{1,9})");

    private AlgoPerfLogs() {
    }

    /** Per-workload times of every submission under {@code root}. */
    public static ScoringInput read(Path root, Path targetsFile) {
        return readTrials(root, targetsFile).times();
    }

    /** Every trial's first hit under {@code root}. */
    public static TrialSet readTrials(Path root, Path targetsFile) {
        AlgoPerfTargets targets = AlgoPerfTargets.read(targetsFile);
        if (!Files.isDirectory(root)) {
            throw new BadInputException(root + ": not a directory");
        }
        List<TrialOutcome> trials = new ArrayList<>();
        for (Path submissionDir : subdirectories(root)) {
            List<Path> studies = subdirectories(submissionDir).stream()
                    .filter(p -> STUDY.matcher(p.getFileName().toString()).matches()).toList();
            for (Path studyDir : studies) {
                int study = number(STUDY, studyDir);
                for (Path workloadDir : subdirectories(studyDir)) {
                    String dirName = workloadDir.getFileName().toString();
                    String workload = targets.workloadOfDirectory(dirName);
                    if (workload == null) {
                        throw new BadInputException(workloadDir + ": workload '" + dirName + "' is not in "
                                + targetsFile + " (known: " + String.join(", ", targets.targets().keySet()) + ")");
                    }
                    WorkloadTarget target = targets.targets().get(workload);
                    for (Path trialDir : subdirectories(workloadDir)) {
                        Matcher m = TRIAL.matcher(trialDir.getFileName().toString());
                        Path csv = trialDir.resolve(EvalMeasurementsCsv.FILE_NAME);
                        if (!m.matches() || !Files.isRegularFile(csv)) {
                            continue;
                        }
                        List<EvalRow> evals = EvalMeasurementsCsv.read(csv);
                        if (!evals.isEmpty() && !evals.get(0).metrics().containsKey(target.column())) {
                            throw new BadInputException(csv + ": no column " + target.column() + " (the target metric of "
                                    + workload + " in " + targetsFile + ")");
                        }
                        trials.add(new TrialOutcome(submissionDir.getFileName().toString(), workload, study,
                                TimeToTarget.firstHit(Integer.parseInt(m.group(1)), evals, target.column(),
                                        target.direction(), target.validationTarget())));
                    }
                }
            }
        }
        if (trials.isEmpty()) {
            throw new BadInputException(root + ": no trial logs found; expected "
                    + "<submission>/study_<j>/<workload>_<framework>/trial_<k>/eval_measurements.csv");
        }
        return new TrialSet(trials, targets.baseWorkloads(), targets.variantToBase(), root.toString());
    }

    private static int number(Pattern pattern, Path dir) {
        Matcher m = pattern.matcher(dir.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException("filtered before: " + dir);
        }
        return Integer.parseInt(m.group(1));
    }

    private static List<Path> subdirectories(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
