package org.optbench.harness.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.optbench.api.BadInputException;
import org.optbench.harness.isolation.ProgressProtocol;
import org.optbench.harness.isolation.TrialRequest;
import org.optbench.harness.isolation.TrialSettings;
import org.optbench.harness.trial.TrialRunner;
import org.optbench.results.records.TrialRecordWriter;
import org.optbench.tuning.plan.PlanJson;
import org.optbench.tuning.plan.StudyPlan;
import org.optbench.tuning.plan.TrialSpec;
import org.optbench.workloads.Workloads;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs one trial in this JVM: the entry point of forked trial JVMs and of cluster tasks. Either a request file
 * and a trial directory (what the local executor writes), or a study plan, an index into it and the experiment
 * directory (what a cluster array task is given). Prints progress in {@link ProgressProtocol} lines.
 */
@Command(name = "trial", hidden = true, mixinStandardHelpOptions = true,
        description = "Run one trial in this JVM (used by forked trial JVMs and cluster tasks).")
public final class TrialCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @ArgGroup(exclusive = false)
        FromRequest request;

        @ArgGroup(exclusive = false)
        FromPlan plan;
    }

    static final class FromRequest {
        @Option(names = "--request", required = true, description = "A trial request (JSON).")
        Path requestFile;

        @Option(names = "--trial-dir", required = true, description = "Where the trial's records go.")
        Path trialDir;
    }

    static final class FromPlan {
        @Option(names = "--plan", required = true, description = "A study plan (JSON).")
        Path planFile;

        @Option(names = "--index", required = true, description = "0-based index of the trial in the plan.")
        int index;

        @Option(names = "--out", required = true, description = "The experiment directory.")
        Path experiment;

        @Option(names = "--data-dir",
                description = "Directory with the four MNIST IDX files for the mnist_mlp family;"
                        + " default: the copy the build fetched.")
        Path dataDir;

        @Option(names = "--hardware-class", description = "Hardware class to record.")
        String hardwareClass;

        @Option(names = "--eval-period-seconds", description = "An eval period replacing the workload's (tests).")
        Double evalPeriodSeconds;

        @Option(names = "--submission-jar", description = "The jar the plan's submission comes from.")
        Path submissionJar;

        @Option(names = "--submission-class", description = "The class to take from a jar with several.")
        String submissionClass;
    }

    @Option(names = "--exit-with-parent", hidden = true,
            description = "Exit when standard input closes: the parent that forked this JVM is gone.")
    boolean exitWithParent;

    @Override
    public Integer call() {
        if (exitWithParent) {
            ParentWatch.start();
        }
        TrialRequest request;
        Path trialDir;
        if (source.request != null) {
            request = TrialRequest.read(source.request.requestFile);
            trialDir = source.request.trialDir;
        } else {
            FromPlan p = source.plan;
            StudyPlan plan = PlanJson.read(p.planFile);
            if (p.index < 0 || p.index >= plan.trials().size()) {
                throw new BadInputException("--index " + p.index + " is outside plan " + p.planFile + " with "
                        + plan.trials().size() + " trials (0 to " + (plan.trials().size() - 1) + ")");
            }
            TrialSpec spec = plan.trials().get(p.index);
            request = new TrialRequest(spec, TrialSettings.defaults()
                    .withDataDir(p.dataDir == null ? null : p.dataDir.toAbsolutePath().toString())
                    .withEvalPeriodSeconds(p.evalPeriodSeconds)
                    .withHardwareClass(p.hardwareClass)
                    .withSubmissionJar(p.submissionJar == null ? null : p.submissionJar.toAbsolutePath().toString(),
                            p.submissionClass));
            trialDir = TrialRecordWriter.trialDirectory(p.experiment, spec.submission(), spec.study(),
                    spec.workload(), spec.trial());
        }
        String metricColumn = "validation/" + Workloads.create(request.spec().workload(), TrialRunner.options(request.settings()))
                .spec().metric();
        TrialRunner.run(request, trialDir, ProgressProtocol.writer(System.out, metricColumn));
        return 0;
    }
}
