package org.optbench.harness.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.optbench.api.HyperParameters;
import org.optbench.results.records.EvalRow;
import org.optbench.results.records.StopReason;
import org.optbench.workloads.WorkloadOptions;
import org.optbench.workloads.Workloads;

/**
 * The clock by ALGOPERF.md "Timing", on a clock the test moves by hand ({@link ManualClock}): a submission whose
 * update takes 20 ms and prepareForEval 10 ms, on a workload whose evaluation takes 60 ms per split (180 ms an
 * evaluation), a 0.25 s eval period and a 1.5 s budget. The real work advances no clock, so every time and every
 * evaluation's step follow from those numbers by hand, exactly, whatever the machine is doing.
 */
class TrialLoopTimingTest {
    private static final double EVAL_PERIOD = 0.25;
    private static final double BUDGET = 1.5;

    /** Hears the trial and never stops it at the targets. */
    private static final class Recorder implements TrialEvents {
        final List<EvalRow> rows = new ArrayList<>();
        boolean started;
        LoopResult result;

        @Override
        public void started(long stateBytes) {
            started = true;
        }

        @Override
        public void step(long step, double submissionSeconds) {
        }

        @Override
        public boolean evaluated(EvalRow row) {
            rows.add(row);
            return false;
        }

        @Override
        public void finished(LoopResult loopResult) {
            result = loopResult;
        }
    }

    private static LoopResult run(ClockKind kind, ClockedWorkload workload, ClockedSgd submission, Recorder events) {
        return new TrialLoop(workload, submission, HyperParameters.empty(), 7,
                new TrialLoop.Settings(BUDGET, EVAL_PERIOD, kind), submission.clock, events).run();
    }

    @Test
    void onTheWallClockEvaluationIsOffTheClockAndFollowsTheStepThatEndsAnEvalPeriodAfterTheLastOne() {
        ManualClock clock = new ManualClock();
        ClockedSgd submission = new ClockedSgd(clock, 20, 10);
        Recorder events = new Recorder();
        LoopResult result = run(ClockKind.WALL, new ClockedWorkload(Workloads.quadratic(1e2, 0.0,
                WorkloadOptions.defaults()), EVAL_PERIOD, clock, 60, 0, 0), submission, events);

        // Step 1 is evaluated; after each evaluation, 12 steps are 240 ms < 250 ms and the 13th is 260 ms, so the
        // evaluations follow steps 1, 14, 27, 40, 53 and 66. After step 72 the submission time is 72 x 20 ms +
        // 6 x 10 ms = 1.50 s, no longer under the budget: the trial stops there.
        assertEquals(List.of(1L, 14L, 27L, 40L, 53L, 66L), events.rows.stream().map(EvalRow::globalStep).toList());
        assertEquals(StopReason.BUDGET, result.stopReason());
        assertEquals(72, result.steps());
        assertEquals(6, submission.prepareCalls);
        assertEquals(1.50, result.submissionSeconds(), 1e-9);
        assertEquals(6 * 0.180, result.evalSeconds(), 1e-9, "evaluation is timed, but not as submission time");
        assertEquals(0.020, result.stepTimeMedianSeconds(), 1e-12);
        assertEquals(1.0, result.cpuShare(), 1e-12, "alone on its core, the thread ran all the time");
        // Each row carries the submission time at its evaluation (after that evaluation's prepareForEval).
        assertEquals(0.030, events.rows.get(0).submissionSeconds(), 1e-9);
        assertEquals(14 * 0.020 + 2 * 0.010, events.rows.get(1).submissionSeconds(), 1e-9);
        assertEquals(2 * 0.180, events.rows.get(1).evalSeconds(), 1e-9);
        // Submission, evaluation and logging time add up to the loop's wall time.
        assertEquals(result.wallSeconds(), result.submissionSeconds() + result.evalSeconds()
                + result.loggingSeconds(), 1e-9);
    }

    @Test
    void onTheCpuClockWorkOfOtherThreadsCountsEvenWhenItRunsDuringTheEvaluationButTheCollectorsDoesNot() {
        ManualClock clock = new ManualClock();
        ClockedSgd submission = new ClockedSgd(clock, 20, 10);
        Recorder events = new Recorder();
        // While each split is evaluated another thread of the process works 5 ms (15 ms an evaluation), and the
        // garbage collector 3 ms, which is the harness's doing and not charged.
        LoopResult result = run(ClockKind.CPU, new ClockedWorkload(Workloads.quadratic(1e2, 0.0,
                WorkloadOptions.defaults()), EVAL_PERIOD, clock, 60, 5, 3), submission, events);

        int evaluations = events.rows.size();
        double expected = result.steps() * 0.020 + submission.prepareCalls * 0.010 + evaluations * 0.015;
        assertEquals(expected, result.submissionSeconds(), 1e-9,
                "the other thread's CPU time during the untimed evaluations is submission time");
        assertEquals(evaluations * 0.015, result.otherCpuSeconds(), 1e-9);
        assertEquals(evaluations * 0.180, result.evalSeconds(), 1e-9);
        assertEquals(StopReason.BUDGET, result.stopReason());
        assertTrue(result.submissionSeconds() >= BUDGET && result.submissionSeconds() < BUDGET + 0.045,
                "stops within a step and an evaluation's other-thread time of the budget: " + result.submissionSeconds());
        // The eval period is measured in submission time: at least 250 ms of it between two evaluations.
        for (int i = 1; i < evaluations; i++) {
            double gap = events.rows.get(i).submissionSeconds() - events.rows.get(i - 1).submissionSeconds();
            assertTrue(gap >= EVAL_PERIOD, "evaluation " + i + " came " + gap + " s after the previous one");
        }
    }

    @Test
    void aTrainingThreadThatSharesItsCoreRunsLessThanItsWallTimeAndTheCpuClockDoesNotCountTheWait() {
        ManualClock clock = new ManualClock();
        // Every update takes 20 ms of CPU time over 40 ms of wall time: the thread waited 20 ms for its core.
        ClockedSgd submission = new ClockedSgd(clock, 20, 10) {
            @Override
            public void update(org.optbench.api.StepContext context) {
                context.lossAndGradients();
                clock.workShared(20, 40);
            }
        };
        Recorder events = new Recorder();
        // An eval period longer than the budget: only step 1 is evaluated, in the JIT's first second, which the
        // share leaves out; from then on each step ran 20 of its 40 ms.
        LoopResult cpu = new TrialLoop(new ClockedWorkload(Workloads.quadratic(1e2, 0.0, WorkloadOptions.defaults()),
                10.0, clock, 60, 0, 0), submission, HyperParameters.empty(), 7,
                new TrialLoop.Settings(BUDGET, 10.0, ClockKind.CPU), clock, events).run();
        assertEquals(1, events.rows.size());
        assertEquals(0.5, cpu.cpuShare(), 1e-12);
        // After k steps the CPU time is 30 ms (the first step and its prepareForEval) + (k - 1) x 20 ms, first at
        // or past the 1.5-s budget for k = 75: 1.51 s.
        assertEquals(75, cpu.steps());
        assertEquals(1.51, cpu.submissionSeconds(), 1e-9, "the CPU clock counts the work, not the wait");
        assertEquals(0.020, cpu.stepTimeMedianSeconds(), 1e-12);
    }

    @Test
    void waitingForTheTrialsOwnThreadsIsNoContention() {
        ManualClock clock = new ManualClock();
        // Every update waits 20 ms of its 40 for its core; meanwhile the trial's own compiler threads ran 5 ms and
        // another of its threads 3 ms (pinned to one core, they are what it waited for), so 12 ms went to others.
        ClockedSgd submission = new ClockedSgd(clock, 20, 10) {
            @Override
            public void update(org.optbench.api.StepContext context) {
                context.lossAndGradients();
                clock.workShared(20, 40);
                clock.compilerWorks(5);
                clock.otherThreadWorks(3);
            }
        };
        LoopResult result = new TrialLoop(new ClockedWorkload(Workloads.quadratic(1e2, 0.0,
                WorkloadOptions.defaults()), 10.0, clock, 60, 0, 0), submission, HyperParameters.empty(), 7,
                new TrialLoop.Settings(BUDGET, 10.0, ClockKind.CPU), clock, new Recorder()).run();
        assertEquals(1 - 12.0 / 40, result.cpuShare(), 1e-12);
    }

    @Test
    void aTrialShorterThanTheJitsFirstSecondHasNoShare() {
        ManualClock clock = new ManualClock();
        LoopResult shortTrial = new TrialLoop(Workloads.quadratic(1e2, 0.0, WorkloadOptions.defaults()),
                new ClockedSgd(clock, 20, 0), HyperParameters.empty(), 1, new TrialLoop.Settings(0.5, 10.0,
                ClockKind.CPU), clock, new Recorder()).run();
        assertTrue(Double.isNaN(shortTrial.cpuShare()), "share " + shortTrial.cpuShare());
    }

    @Test
    void submissionSeesItsElapsedTimeAndBudgetButCannotChangeThem() {
        ManualClock clock = new ManualClock();
        List<double[]> seen = new ArrayList<>();
        ClockedSgd submission = new ClockedSgd(clock, 5, 0) {
            @Override
            public void update(org.optbench.api.StepContext context) {
                seen.add(new double[] {context.submissionSeconds(), context.budgetSeconds()});
                super.update(context);
            }
        };
        LoopResult result = new TrialLoop(Workloads.quadratic(1e2, 0.0, WorkloadOptions.defaults()), submission,
                HyperParameters.empty(), 1, new TrialLoop.Settings(0.3, 10.0, ClockKind.WALL), clock, new Recorder())
                .run();
        assertEquals(result.steps(), seen.size());
        assertEquals(60, result.steps(), "0.3 s of 5-ms steps");
        for (int i = 1; i < seen.size(); i++) {
            assertEquals(i * 0.005, seen.get(i)[0], 1e-9, "step " + i + " sees the time before it");
            assertEquals(0.3, seen.get(i)[1]);
        }
    }
}
