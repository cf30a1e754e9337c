package org.optbench.harness.trial;

import java.util.LinkedHashMap;
import java.util.Map;

import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.EvalResult;
import org.optbench.api.HyperParameters;
import org.optbench.api.OptimizerState;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.Submission;
import org.optbench.results.records.EvalRow;
import org.optbench.results.records.StopReason;
import org.optbench.workloads.Model;
import org.optbench.workloads.Split;
import org.optbench.workloads.Workload;
import org.optbench.workloads.WorkloadSpec;

/**
 * The clock and the loop of one trial, as ALGOPERF.md "Timing" says (v0.6 rules), on the trial's clock:
 * <ul>
 *   <li>building data, parameters and the optimizer state is not timed;</li>
 *   <li>{@code selectData} + {@code update} are timed, and {@code prepareForEval} before each evaluation;</li>
 *   <li>an evaluation (train subset, validation, test; not timed) follows a step when at least the eval period has
 *       passed since the end of the previous one (wall clock; on the CPU clock, submission time), and always the
 *       first step;</li>
 *   <li>the budget is checked after every step and again after {@code prepareForEval}: an evaluation whose
 *       {@code prepareForEval} spent the budget is skipped;</li>
 *   <li>the loop stops when the budget is spent, when the owner of the record says both targets are reached, when
 *       the training loss is not finite, or when the submission says training is complete.</li>
 * </ul>
 * Anything a submission throws, of any type, fails its own trial with the reason. Everything else (records,
 * targets, progress) is the {@link TrialEvents} receiver's job.
 */
public final class TrialLoop {
    // Keys that split the trial seed into independent streams, so that, for example, a submission drawing more
    // random numbers at init does not change the data order.
    private static final long INIT_PARAMS = 1;
    private static final long DATA_ORDER = 2;
    private static final long OPTIMIZER_INIT = 3;
    private static final long STEPS = 4;
    /** Other threads' CPU time is read every this many steps (and at every evaluation) for the budget check. */
    private static final int SAMPLE_EVERY_STEPS = 32;

    /**
     * How long and on which clock a trial runs.
     *
     * @param budgetSeconds submission-time budget
     * @param evalPeriodSeconds time between evaluations
     * @param clock what times the trial
     */
    public record Settings(double budgetSeconds, double evalPeriodSeconds, ClockKind clock) {
    }

    private final Workload workload;
    private final Submission submission;
    private final HyperParameters hyperParameters;
    private final long seed;
    private final Settings settings;
    private final TrialClock clock;
    private final TrialEvents events;

    /**
     * @param workload what to train
     * @param submission how to train it (a fresh instance)
     * @param hyperParameters the trial's point
     * @param seed the trial's seed; the same seed gives the same trajectory on the CPU backend
     * @param settings budget, eval period and clock
     * @param clock the readings of time
     * @param events who hears the trial and owns its record
     */
    public TrialLoop(Workload workload, Submission submission, HyperParameters hyperParameters, long seed,
                     Settings settings, TrialClock clock, TrialEvents events) {
        this.workload = workload;
        this.submission = submission;
        this.hyperParameters = hyperParameters;
        this.seed = seed;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    /** Runs the trial to its end and reports it to the events receiver; returns what it reported. */
    public LoopResult run() {
        LoopResult result = loop();
        events.finished(result);
        return result;
    }

    private LoopResult loop() {
        WorkloadSpec spec = workload.spec();
        Rng trialRng = Rng.of(seed);

        // Untimed setup.
        Params params = workload.initialParams(trialRng.split(INIT_PARAMS));
        int batchSize;
        OptimizerState state;
        try {
            int requested = submission.batchSize(spec.name());
            batchSize = requested == Submission.DEFAULT_BATCH_SIZE ? spec.defaultBatchSize() : requested;
        } catch (Throwable t) {
            return LoopResult.failedBeforeStart(Failures.describe("batchSize", t));
        }
        if (batchSize < 0) {
            return LoopResult.failedBeforeStart("submission asked for batch size " + batchSize);
        }
        BatchStream stream = workload.trainingStream(batchSize, trialRng.split(DATA_ORDER));
        Model model = workload.model(batchSize);
        try {
            state = submission.init(workload.info(), params, hyperParameters, trialRng.split(OPTIMIZER_INIT));
        } catch (Throwable t) {
            model.close();
            return LoopResult.failedBeforeStart(Failures.describe("init", t));
        }
        long stateBytes;
        try {
            stateBytes = state == null ? 0 : state.stateBytes();
        } catch (Throwable t) {
            model.close();
            return LoopResult.failedBeforeStart(Failures.describe("stateBytes", t));
        }
        events.started(stateBytes);

        SubmissionTime time = new SubmissionTime(settings.clock(), clock);
        TrialContext context = new TrialContext(model, params, hyperParameters, workload.info(),
                trialRng.split(STEPS), settings.budgetSeconds(), time::now);
        context.setState(state);
        long budgetNanos = (long) (settings.budgetSeconds() * 1e9);
        long evalPeriodNanos = (long) (settings.evalPeriodSeconds() * 1e9);
        long evalNanos = 0;
        long loggingNanos = 0;
        long step = 0;
        int evaluations = 0;
        StepTimes stepTimes = new StepTimes();
        StepTimes optimizerTimes = new StepTimes();
        StopReason stopReason;
        String failure = null;

        long loopStart = clock.wallNanos();
        long lastEvalEndWall = loopStart;
        long lastEvalSubmission = 0;
        try {
            while (true) {
                context.beginStep(step, time.seconds());
                time.begin();
                Batch batch = submission.selectData(stream, context);
                context.setBatch(batch);
                submission.update(context);
                long stepNanos = time.end();
                stepTimes.add(stepNanos);
                optimizerTimes.add(Math.max(0, stepNanos - context.workloadNanosThisStep()));
                step++;
                if (step % SAMPLE_EVERY_STEPS == 0) {
                    time.sampleOthers();
                }
                events.step(step, time.seconds());

                if (context.lossComputedThisStep() && !Double.isFinite(context.stepLoss())) {
                    stopReason = StopReason.DIVERGED;
                    failure = "diverged: training loss " + context.stepLoss() + " at step " + step;
                    break;
                }
                boolean timeRemaining = time.nanos() < budgetNanos;
                long sinceEval = settings.clock() == ClockKind.CPU ? time.nanos() - lastEvalSubmission
                        : clock.wallNanos() - lastEvalEndWall;
                if (step == 1 || sinceEval >= evalPeriodNanos || context.trainingComplete()) {
                    context.setSubmissionSeconds(time.seconds());
                    time.begin();
                    submission.prepareForEval(context);
                    time.end();
                    time.sampleOthers();
                    timeRemaining = time.nanos() < budgetNanos;
                    if (timeRemaining) {
                        long evalStart = time.beginUntimed();
                        Map<String, Double> metrics = evaluateAll(params);
                        evalNanos += time.endUntimed() - evalStart;
                        evaluations++;
                        EvalResult evaluation = new EvalResult(step, time.seconds(), metrics);
                        context.addEvaluation(evaluation);
                        long logStart = time.beginUntimed();
                        boolean targetsReached = events.evaluated(new EvalRow(step, 0, time.seconds(), evalNanos / 1e9,
                                loggingNanos / 1e9, (clock.wallNanos() - loopStart) / 1e9, metrics));
                        loggingNanos += time.endUntimed() - logStart;
                        lastEvalEndWall = clock.wallNanos();
                        lastEvalSubmission = time.nanos();
                        if (targetsReached) {
                            stopReason = StopReason.TARGETS_REACHED;
                            break;
                        }
                    }
                }
                if (context.trainingComplete()) {
                    stopReason = StopReason.TRAINING_COMPLETE;
                    break;
                }
                if (!timeRemaining) {
                    stopReason = StopReason.BUDGET;
                    break;
                }
            }
        } catch (Throwable t) {
            // Whatever a submission throws (a BadInputException included) fails this trial only.
            stopReason = StopReason.FAILED;
            failure = Failures.describe("step " + (step + 1), t);
        } finally {
            model.close();
        }
        time.sampleOthers();
        long loopEnd = clock.wallNanos();
        return new LoopResult(stopReason, failure, step, evaluations, time.seconds(), evalNanos / 1e9,
                loggingNanos / 1e9, (loopEnd - loopStart) / 1e9, stepTimes.medianSeconds(),
                optimizerTimes.medianSeconds(), stateBytes, time.cpuShare(), time.otherCpuSeconds());
    }

    private Map<String, Double> evaluateAll(Params params) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            for (Map.Entry<String, Double> m : workload.evaluate(params, split).entrySet()) {
                metrics.put(split.prefix() + "/" + m.getKey(), m.getValue());
            }
        }
        return metrics;
    }
}
