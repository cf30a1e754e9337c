package org.optbench.results.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Steps 2 and 3 over many trials: per submission, workload and study, the best trial; per submission and
 * workload, the median over studies.
 */
public final class WorkloadTimes {
    private WorkloadTimes() {
    }

    /** The times of {@code trials} under AlgoPerf's rule for the best trial ({@link BestTrial#of}). */
    public static ScoringInput collect(List<TrialOutcome> trials, List<String> baseWorkloads,
                                       Map<String, String> variantToBase, String source) {
        return collect(trials, baseWorkloads, variantToBase, source, BestTrial::of);
    }

    /**
     * The times of {@code trials}, choosing each study's trial with {@code bestTrial} (a parameter so that tests
     * can show which rule the published scores need).
     *
     * @param source names the input, for error messages
     */
    public static ScoringInput collect(List<TrialOutcome> trials, List<String> baseWorkloads,
                                       Map<String, String> variantToBase, String source,
                                       Function<List<TargetHit>, TargetHit> bestTrial) {
        // submission -> workload -> study -> trial hits; sorted, so output does not depend on file-system order.
        Map<String, Map<String, Map<Integer, List<TargetHit>>>> grouped = new TreeMap<>();
        for (TrialOutcome t : trials) {
            grouped.computeIfAbsent(t.submission(), s -> new TreeMap<>())
                    .computeIfAbsent(t.workload(), w -> new TreeMap<>())
                    .computeIfAbsent(t.study(), j -> new ArrayList<>())
                    .add(t.hit());
        }
        TimeTable.Builder table = TimeTable.builder();
        baseWorkloads.forEach(table::declareWorkload);
        variantToBase.keySet().forEach(table::declareWorkload);
        Map<String, Map<String, List<StudyTime>>> studies = new TreeMap<>();
        grouped.forEach((submission, workloads) -> workloads.forEach((workload, byStudy) -> {
            List<StudyTime> studyTimes = new ArrayList<>();
            byStudy.forEach((study, hits) -> studyTimes.add(new StudyTime(study, bestTrial.apply(hits))));
            double median = StudyMedian.of(studyTimes.stream().mapToDouble(st -> st.best().seconds()).toArray());
            table.put(submission, workload, median, source);
            studies.computeIfAbsent(submission, s -> new TreeMap<>()).put(workload, List.copyOf(studyTimes));
        }));
        return new ScoringInput(table.build(), baseWorkloads, variantToBase, studies);
    }
}
