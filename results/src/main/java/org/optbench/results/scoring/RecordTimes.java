package org.optbench.results.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.optbench.api.BadInputException;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecords;
import org.optbench.results.records.TrialResult;

/**
 * optbench's own record directories as scoring input: every complete trial under a root (see
 * {@link TrialRecords#findComplete}); each workload's metric, direction and target come from its trials'
 * {@code trial.json}, and a trial whose {@code base_workload} is set is a held-out variant of that base. The
 * time to target is recomputed from {@code eval_measurements.csv}, since the best-trial rule needs eval indices.
 * Budgets are seconds on a hardware class, so only trials of one class are scored together, and only trials timed by
 * one clock ({@link TrialRecord#clockOrWall()}: CPU time and wall time do not compare).
 *
 * <p>Times are in the hardware class's reference seconds. A trial that ran on a machine slower than the class's
 * reference had its budget scaled by {@code budget_scale} (the speed probe's ratio, e.g. 1.3) and took about that
 * much longer; its times are divided by {@link TrialRecord#budgetScaleOrOne()} here ({@link #referenceSeconds}),
 * where records become times, so that the best-trial rule, the score, the bootstrap, the leaderboard tables and the
 * regression gate all compare like with like. Records keep the raw seconds they measured.
 */
public final class RecordTimes {
    private RecordTimes() {
    }

    /** Per-workload times of every submission under {@code root}; all trials must share one hardware class. */
    public static ScoringInput read(Path root) {
        return readTrials(root, null).times();
    }

    /**
     * Per-workload times of the trials under {@code root} that ran on {@code hardwareClass}.
     *
     * @param hardwareClass the class to score; {@code null} requires all trials to share one class
     */
    public static ScoringInput read(Path root, String hardwareClass) {
        return readTrials(root, hardwareClass).times();
    }

    /**
     * Every complete trial's first hit under {@code root}, of one hardware class.
     *
     * @param hardwareClass the class to score; {@code null} requires all trials to share one class
     */
    public static TrialSet readTrials(Path root, String hardwareClass) {
        return readTrials(root, hardwareClass, false);
    }

    /**
     * Every complete trial's first hit under {@code root}.
     *
     * @param hardwareClass the class to score; {@code null} requires all trials to share one class unless
     *                      {@code allowMixed}
     * @param allowMixed with no {@code hardwareClass}, score trials of several classes together (their times are
     *                   then not comparable; reports must say so)
     */
    public static TrialSet readTrials(Path root, String hardwareClass, boolean allowMixed) {
        return of(readResults(root, hardwareClass, allowMixed), root.toString());
    }

    /**
     * The complete trials under {@code root}, by directory in path order, of {@code hardwareClass} (or of every
     * class, which must be one unless {@code allowMixed}).
     */
    public static Map<Path, TrialResult> readResults(Path root, String hardwareClass, boolean allowMixed) {
        List<Path> dirs = TrialRecords.findComplete(root);
        if (dirs.isEmpty()) {
            throw new BadInputException(root + ": no complete trial directories (none has a trial.json)");
        }
        Map<Path, TrialResult> results = new LinkedHashMap<>();
        TreeSet<String> classes = new TreeSet<>();
        for (Path dir : dirs) {
            TrialResult result = TrialRecords.read(dir);
            classes.add(classOf(result.record()));
            if (hardwareClass == null || hardwareClass.equals(classOf(result.record()))) {
                results.put(dir, result);
            }
        }
        if (hardwareClass == null && classes.size() > 1 && !allowMixed) {
            throw new BadInputException(root + ": trials come from hardware classes " + String.join(", ", classes)
                    + "; times compare within one class: choose one (--hardware-class)");
        }
        if (results.isEmpty()) {
            throw new BadInputException(root + ": no trial of hardware class '" + hardwareClass + "'; found: "
                    + String.join(", ", classes));
        }
        return results;
    }

    /**
     * {@code rawSeconds} measured by the trial of {@code record} in its hardware class's reference seconds:
     * divided by the record's budget scale (1 for records older than the field). Use it for every time taken from a
     * record (time to target, step times) before comparing it with another trial's.
     */
    public static double referenceSeconds(TrialRecord record, double rawSeconds) {
        return rawSeconds / record.budgetScaleOrOne();
    }

    /**
     * Where the trial of {@code result} first reached its validation target, recomputed from its evaluations, with
     * the time in reference seconds ({@link #referenceSeconds}).
     */
    public static TargetHit firstHit(TrialResult result) {
        TrialRecord r = result.record();
        TargetHit raw = TimeToTarget.firstHit(r.trial(), result.evals(), "validation/" + r.metric(),
                r.metricDirection(), r.validationTarget());
        return raw.reached() ? new TargetHit(raw.trial(), raw.evalIndex(), referenceSeconds(r, raw.seconds())) : raw;
    }

    /**
     * Refuses trials timed by different clocks, as hardware classes are refused: one line naming the clocks and how
     * many trials each timed. Records without a {@code clock} field count as {@code wall}.
     *
     * @param source names the input, for the message
     */
    public static void requireOneClock(Iterable<TrialRecord> records, String source) {
        Map<String, Integer> counts = new TreeMap<>();
        for (TrialRecord r : records) {
            counts.merge(r.clockOrWall(), 1, Integer::sum);
        }
        if (counts.size() > 1) {
            List<String> parts = new ArrayList<>();
            counts.forEach((clock, n) -> parts.add(clock + " (" + n + (n == 1 ? " trial)" : " trials)")));
            throw new BadInputException(source + ": trials were timed by different clocks: " + String.join(", ", parts)
                    + " (records without a clock field count as wall); times compare within one clock: score each "
                    + "clock's records apart");
        }
    }

    /** The hardware class of a record as reports show it, {@code (none)} when it has none. */
    public static String classOf(TrialRecord r) {
        return r.hardwareClass() == null ? "(none)" : r.hardwareClass();
    }

    /**
     * Every trial's first hit in reference seconds ({@link #firstHit(TrialResult)}), with base workloads and
     * variants from the records; trials of one workload must share their metric, direction and target, and all
     * trials one clock ({@link #requireOneClock}).
     *
     * @param results trial results by directory
     * @param source names the input, for error messages
     */
    public static TrialSet of(Map<Path, TrialResult> results, String source) {
        requireOneClock(results.values().stream().map(TrialResult::record).toList(), source);
        List<TrialOutcome> trials = new ArrayList<>();
        Map<String, TrialRecord> firstOfWorkload = new HashMap<>();
        Map<String, Path> firstDir = new HashMap<>();
        TreeSet<String> bases = new TreeSet<>();
        Map<String, String> variantToBase = new TreeMap<>();
        for (Map.Entry<Path, TrialResult> entry : results.entrySet()) {
            Path dir = entry.getKey();
            TrialResult result = entry.getValue();
            TrialRecord r = result.record();
            TrialRecord first = firstOfWorkload.putIfAbsent(r.workload(), r);
            if (first == null) {
                firstDir.put(r.workload(), dir);
            } else {
                checkSameTarget(first, firstDir.get(r.workload()), r, dir);
            }
            if (r.isBaseWorkload()) {
                bases.add(r.workload());
            } else {
                variantToBase.put(r.workload(), r.baseWorkload());
                bases.add(r.baseWorkload()); // a base nobody ran still counts as unsolved for everyone
            }
            trials.add(new TrialOutcome(r.submission(), r.workload(), r.study(), firstHit(result)));
        }
        bases.removeAll(variantToBase.keySet());
        return new TrialSet(trials, new ArrayList<>(bases), variantToBase, source);
    }

    private static void checkSameTarget(TrialRecord first, Path firstDir, TrialRecord other, Path otherDir) {
        boolean same = first.metric().equals(other.metric()) && first.metricDirection() == other.metricDirection()
                && Double.compare(first.validationTarget(), other.validationTarget()) == 0
                && java.util.Objects.equals(first.baseWorkload(), other.baseWorkload());
        if (!same) {
            throw new BadInputException(otherDir.resolve("trial.json") + ": workload '" + other.workload()
                    + "' has metric " + describe(other) + " but " + firstDir.resolve("trial.json") + " has "
                    + describe(first) + "; trials of one workload must share their target");
        }
    }

    private static String describe(TrialRecord r) {
        return r.metric() + " " + r.metricDirection().json() + " target " + r.validationTarget()
                + (r.isBaseWorkload() ? "" : " (variant of " + r.baseWorkload() + ")");
    }
}
