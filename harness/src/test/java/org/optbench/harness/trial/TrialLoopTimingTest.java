package org.optbench.harness.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.optbench.api.EvalResult;
import org.optbench.api.HyperParameters;
import org.optbench.results.records.StopReason;
import org.optbench.workloads.WorkloadOptions;
import org.optbench.workloads.Workloads;

/**
 * The clock by ALGOPERF.md "Timing": a submission that sleeps 20 ms in update and 10 ms in prepareForEval, on a
 * workload whose evaluation sleeps 60 ms per split (180 ms an evaluation), with a 0.25 s eval period and a 1.5 s
 * budget. Sleeps dominate the real work, so the expected times follow from them.
 */
class TrialLoopTimingTest {
    private static final double EVAL_PERIOD = 0.25;
    private static final double BUDGET = 1.5;

    private record Logged(EvalResult result, double evalSeconds, double loggingSeconds, double totalSeconds) {
    }

    @Test
    void evaluationIsOffTheClockCadenceIsHonouredAndTimesAddUpToWall() {
        SleepyWorkload workload = new SleepyWorkload(
                Workloads.quadratic(1e2, 0.0, BUDGET, WorkloadOptions.defaults()), EVAL_PERIOD, 60);
        SleepySgd submission = new SleepySgd(20, 10);
        List<Logged> logged = new ArrayList<>();
        TrialOutcome outcome = new TrialLoop(workload, submission, HyperParameters.empty(), 7, BUDGET, EVAL_PERIOD,
                TrialClock.SYSTEM, TrialListener.NONE,
                (e, evalSeconds, loggingSeconds, total) -> logged.add(new Logged(e, evalSeconds, loggingSeconds, total)))
                .run();

        assertEquals(StopReason.BUDGET, outcome.stopReason());
        // The budget is checked after every step: submission time passes it by less than one step.
        assertTrue(outcome.submissionSeconds() >= BUDGET && outcome.submissionSeconds() < BUDGET + 0.06,
                "submission seconds " + outcome.submissionSeconds());
        // Each evaluation sleeps 3 x 60 ms; none of it is submission time. Submission time is the steps' sleeps
        // (>= 20 ms each) plus 10 ms per prepareForEval, and no more than that plus the real work.
        int evals = outcome.evaluations().size();
        assertTrue(outcome.evalSeconds() >= evals * 0.18, "eval seconds " + outcome.evalSeconds());
        double sleptOnClock = outcome.steps() * 0.020 + submission.prepareCalls * 0.010;
        assertTrue(outcome.submissionSeconds() >= sleptOnClock, "submission seconds below the sleeps on the clock");
        assertTrue(outcome.submissionSeconds() < sleptOnClock * 1.25 + 0.05,
                "submission seconds " + outcome.submissionSeconds() + " vs sleeps " + sleptOnClock
                        + ": evaluation leaked onto the clock?");

        // Cadence: the first step is evaluated; every later evaluation follows a step that ended at least one eval
        // period after the previous evaluation ended, and the first such step (within one step's time).
        assertEquals(1, logged.get(0).result().step());
        assertTrue(evals >= 3, "evaluations " + evals);
        for (int i = 1; i < logged.size(); i++) {
            Logged previous = logged.get(i - 1);
            Logged current = logged.get(i);
            double previousEnd = previous.totalSeconds() + (current.loggingSeconds() - previous.loggingSeconds());
            double thisEvalTime = current.evalSeconds() - previous.evalSeconds();
            double stepEnd = current.totalSeconds() - thisEvalTime - 0.010; // minus the prepareForEval sleep
            double gap = stepEnd - previousEnd;
            assertTrue(gap >= EVAL_PERIOD - 0.012, "evaluation " + i + " came " + gap + " s after the previous one");
            assertTrue(gap < EVAL_PERIOD + 0.020 + 0.030, "evaluation " + i + " came late: " + gap + " s");
        }

        // Submission + evaluation + logging time add up to the loop's wall time within 2 %.
        double accounted = outcome.submissionSeconds() + outcome.evalSeconds() + outcome.loggingSeconds();
        assertEquals(outcome.wallSeconds(), accounted, 0.02 * outcome.wallSeconds());
    }

    @Test
    void submissionSeesItsElapsedTimeAndBudgetButCannotChangeThem() {
        List<double[]> seen = new ArrayList<>();
        SleepySgd submission = new SleepySgd(5, 0) {
            @Override
            public void update(org.optbench.api.StepContext context) {
                seen.add(new double[] {context.submissionSeconds(), context.budgetSeconds()});
                super.update(context);
            }
        };
        TrialOutcome outcome = new TrialLoop(Workloads.quadratic(1e2, 0.0, 0.3, WorkloadOptions.defaults()),
                submission, HyperParameters.empty(), 1, 0.3, 10.0, TrialClock.SYSTEM, TrialListener.NONE,
                EvaluationLog.NONE).run();
        assertEquals(outcome.steps(), seen.size());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i)[0] > seen.get(i - 1)[0], "elapsed time grows step by step");
            assertEquals(0.3, seen.get(i)[1]);
        }
        assertTrue(seen.get(seen.size() - 1)[0] < 0.3, "the last step started inside the budget");
    }
}
