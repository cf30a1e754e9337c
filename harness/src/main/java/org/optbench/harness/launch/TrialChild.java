package org.optbench.harness.launch;

import java.nio.file.Path;

import org.optbench.api.HyperParameters;
import org.optbench.api.Submission;
import org.optbench.harness.catalog.SubmissionSource;
import org.optbench.harness.trial.Failures;
import org.optbench.harness.trial.LoopResult;
import org.optbench.harness.trial.TrialClock;
import org.optbench.harness.trial.TrialLoop;
import org.optbench.workloads.Workload;
import org.optbench.workloads.Workloads;

/**
 * The trial JVM: reads its request, connects to its launcher, and only then builds the workload and loads the
 * submission, whose code from here on may be hostile. It writes nothing: every evaluation and the result go to the
 * launcher, which owns the record.
 */
public final class TrialChild {
    private TrialChild() {
    }

    /**
     * Runs the trial of {@code requestFile}, reporting over the channel at {@code socket}.
     *
     * @param ownPidNamespace whether this JVM runs in a PID namespace of its own (the launcher's sandbox), so that
     *     every other process in it is the trial's and counts on its CPU clock
     */
    public static void run(Path requestFile, Path socket, boolean ownPidNamespace) {
        TrialRequest request = TrialRequest.read(requestFile);
        TrialClock clock = ownPidNamespace ? TrialClock.inOwnPidNamespace() : TrialClock.SYSTEM;
        clock.identifyJvmThreads();
        try (ChannelClient channel = ChannelClient.connect(socket)) {
            ChannelEvents events = new ChannelEvents(channel);
            Workload workload = Workloads.create(request.spec().workload(), InProcessTrial.options(request.settings()));
            Submission submission;
            try {
                submission = SubmissionSource.load(request.settings().submissionJar() != null
                        ? request.settings().submissionJar() : request.spec().submission(),
                        request.settings().submissionClass());
            } catch (Throwable t) {
                events.finished(LoopResult.failedBeforeStart("cannot load the submission: "
                        + Failures.oneLine(String.valueOf(t.getMessage()))));
                return;
            }
            new TrialLoop(workload, submission, HyperParameters.of(request.spec().hyperparameters()),
                    request.spec().seed(), InProcessTrial.loopSettings(request, workload.spec()), clock,
                    events).run();
        }
    }
}
