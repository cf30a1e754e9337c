package org.optbench.results.leaderboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.optbench.api.BadInputException;
import org.optbench.results.bootstrap.BootstrapResult;
import org.optbench.results.bootstrap.StudyBootstrap;
import org.optbench.results.records.TrialResult;
import org.optbench.results.scoring.RecordTimes;
import org.optbench.results.scoring.RuleVersion;
import org.optbench.results.scoring.ScoreReport;
import org.optbench.results.scoring.Scoring;
import org.optbench.results.scoring.TrialSet;

/**
 * Reads record trees and scores them, one leaderboard per experiment: AlgoPerf scores external tuning and self
 * tuning separately, so {@code <records>/external_tuning} and {@code <records>/self_tuning} are never mixed. A
 * records directory with neither is read as one experiment.
 */
public final class Leaderboards {
    /** The experiment directories that {@code optbench tune} writes, in report order. */
    public static final List<String> EXPERIMENTS = List.of("external_tuning", "self_tuning");

    private Leaderboards() {
    }

    /**
     * Settings of the scoring and its bootstrap.
     *
     * @param version the AlgoPerf rules
     * @param resamples bootstrap replicates B
     * @param level interval coverage, e.g. 0.95
     * @param seed bootstrap seed
     */
    public record Settings(RuleVersion version, int resamples, double level, long seed) {
        /** v0.6 rules, 1000 replicates, 95 % intervals, seed 0. */
        public static Settings defaults() {
            return new Settings(RuleVersion.V0_6, 1000, 0.95, 0);
        }
    }

    /**
     * The leaderboards of the records under {@code root} that {@code selection} keeps.
     *
     * @throws BadInputException when nothing is left to score, or trials of several hardware classes would be
     *                           scored together without {@link Selection#allowMixedHardware}
     */
    public static List<Leaderboard> read(Path root, Selection selection, Settings settings) {
        if (!Files.isDirectory(root)) {
            throw new BadInputException(root + ": not a directory");
        }
        Map<String, Path> experiments = new LinkedHashMap<>();
        for (String name : EXPERIMENTS) {
            if (Files.isDirectory(root.resolve(name))
                    && (selection.experiments().isEmpty() || selection.experiments().contains(name))) {
                experiments.put(name, root.resolve(name));
            }
        }
        if (experiments.isEmpty()) {
            if (!selection.experiments().isEmpty()) {
                throw new BadInputException(root + ": no " + String.join(" or ", selection.experiments())
                        + " directory");
            }
            experiments.put(root.toAbsolutePath().normalize().getFileName().toString(), root);
        }
        List<Leaderboard> boards = new ArrayList<>();
        for (Map.Entry<String, Path> e : experiments.entrySet()) {
            boards.add(score(e.getKey(), e.getValue(), selection, settings));
        }
        return boards;
    }

    /** Scores the trials of one experiment directory. */
    public static Leaderboard score(String experiment, Path dir, Selection selection, Settings settings) {
        Map<Path, TrialResult> all = RecordTimes.readResults(dir, selection.hardwareClass(), true);
        Map<Path, TrialResult> kept = new LinkedHashMap<>();
        TreeSet<String> classes = new TreeSet<>();
        all.forEach((path, result) -> {
            if (selection.keeps(result.record())) {
                kept.put(path, result);
                classes.add(RecordTimes.classOf(result.record()));
            }
        });
        if (kept.isEmpty()) {
            throw new BadInputException(dir + ": no trial of the selected submissions and workloads"
                    + (selection.submissions().isEmpty() ? ""
                    : " (" + String.join(",", new TreeSet<>(selection.submissions())) + ")"));
        }
        if (classes.size() > 1 && !selection.allowMixedHardware()) {
            throw new BadInputException(dir + ": trials come from hardware classes " + String.join(", ", classes)
                    + "; times compare within one class: choose one (--hardware-class) or --allow-mixed-hardware");
        }
        TrialSet trials = RecordTimes.of(kept, dir.toString());
        ScoreReport report = Scoring.score(trials.times(), settings.version());
        BootstrapResult bootstrap = StudyBootstrap.run(trials, settings.version(), settings.resamples(),
                settings.level(), settings.seed());
        return new Leaderboard(experiment, report, bootstrap, new ArrayList<>(kept.values()), classes);
    }
}
