package org.optbench.harness.study;

import java.nio.file.Path;

import org.optbench.results.records.TrialRecordWriter;
import org.optbench.tuning.plan.Ruleset;
import org.optbench.tuning.plan.TrialSpec;

/**
 * Where a study's files live under an output directory, in AlgoPerf's layout:
 * {@code <out>/<external_tuning|self_tuning>/<submission>/plan.json} and
 * {@code <out>/<external_tuning|self_tuning>/<submission>/study_<j>/<workload>/trial_<k>/}; a flat layout (single
 * runs) leaves out the experiment level.
 *
 * @param out the output directory the user named
 * @param flat whether records go straight under {@code out} ({@code optbench run})
 */
public record StudyLayout(Path out, boolean flat) {
    /** The layout of tuning studies. */
    public StudyLayout(Path out) {
        this(out, false);
    }

    /** The experiment directory of a ruleset kind: scoring reads the records under it. */
    public Path experiment(Ruleset.Kind kind) {
        return flat ? out : out.resolve(kind.directoryName());
    }

    /** The plan file of a submission's study. */
    public Path planFile(Ruleset.Kind kind, String submission) {
        return experiment(kind).resolve(submission).resolve("plan.json");
    }

    /** The record directory of one trial. */
    public Path trialDir(TrialSpec spec) {
        return TrialRecordWriter.trialDirectory(experiment(spec.tuning()), spec.submission(), spec.study(),
                spec.workload(), spec.trial());
    }
}
