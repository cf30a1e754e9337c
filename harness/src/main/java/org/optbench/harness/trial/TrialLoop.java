package org.optbench.harness.trial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.EvalResult;
import org.optbench.api.HyperParameters;
import org.optbench.api.OptimizerState;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.Submission;
import org.optbench.results.records.StopReason;
import org.optbench.workloads.Model;
import org.optbench.workloads.Split;
import org.optbench.workloads.Workload;
import org.optbench.workloads.WorkloadSpec;

/**
 * The clock and the loop of one trial, as ALGOPERF.md "Timing" says (v0.6 rules):
 * <ul>
 *   <li>building data, parameters and the optimizer state is not timed;</li>
 *   <li>{@code selectData} + {@code update} are timed, and {@code prepareForEval} before each evaluation;</li>
 *   <li>an evaluation (train subset, validation, test; not timed) follows a step when at least the eval period of
 *       wall clock has passed since the end of the previous one, and always the first step;</li>
 *   <li>the budget is checked after every step and again after {@code prepareForEval}: an evaluation whose
 *       {@code prepareForEval} spent the budget is skipped;</li>
 *   <li>the loop stops when the budget is spent, when both targets have been reached, when the training loss is
 *       not finite, or when the submission says training is complete.</li>
 * </ul>
 * Everything else (records, progress) is a collaborator's job.
 */
public final class TrialLoop {
    // Keys that split the trial seed into independent streams, so that, for example, a submission drawing more
    // random numbers at init does not change the data order.
    private static final long INIT_PARAMS = 1;
    private static final long DATA_ORDER = 2;
    private static final long OPTIMIZER_INIT = 3;
    private static final long STEPS = 4;

    private final Workload workload;
    private final Submission submission;
    private final HyperParameters hyperParameters;
    private final long seed;
    private final double budgetSeconds;
    private final double evalPeriodSeconds;
    private final TrialClock clock;
    private final TrialListener listener;
    private final EvaluationLog log;
    private final boolean stopAtTargets;

    /**
     * @param workload what to train
     * @param submission how to train it (a fresh instance)
     * @param hyperParameters the trial's point
     * @param seed the trial's seed; the same seed gives the same trajectory on the CPU backend
     * @param budgetSeconds submission-time budget
     * @param evalPeriodSeconds wall-clock seconds between evaluations
     * @param clock the stopwatch
     * @param listener progress
     * @param log where evaluations go
     */
    public TrialLoop(Workload workload, Submission submission, HyperParameters hyperParameters, long seed,
                     double budgetSeconds, double evalPeriodSeconds, TrialClock clock, TrialListener listener,
                     EvaluationLog log) {
        this(workload, submission, hyperParameters, seed, budgetSeconds, evalPeriodSeconds, clock, listener, log, true);
    }

    /**
     * Like the other constructor; with {@code stopAtTargets} false the loop runs to the end of the budget even
     * when both targets are reached, as calibration runs must (they set the targets).
     */
    public TrialLoop(Workload workload, Submission submission, HyperParameters hyperParameters, long seed,
                     double budgetSeconds, double evalPeriodSeconds, TrialClock clock, TrialListener listener,
                     EvaluationLog log, boolean stopAtTargets) {
        this.stopAtTargets = stopAtTargets;
        this.workload = workload;
        this.submission = submission;
        this.hyperParameters = hyperParameters;
        this.seed = seed;
        this.budgetSeconds = budgetSeconds;
        this.evalPeriodSeconds = evalPeriodSeconds;
        this.clock = clock;
        this.listener = listener;
        this.log = log;
    }

    /** Runs the trial to its end. A failure of the submission ends it as {@link StopReason#FAILED}. */
    public TrialOutcome run() {
        WorkloadSpec spec = workload.spec();
        Rng trialRng = Rng.of(seed);

        // Untimed setup.
        Params params = workload.initialParams(trialRng.split(INIT_PARAMS));
        int requested = submission.batchSize(spec.name());
        int batchSize = requested == Submission.DEFAULT_BATCH_SIZE ? spec.defaultBatchSize() : requested;
        if (batchSize < 0) {
            return failedBeforeStart("submission asked for batch size " + batchSize);
        }
        BatchStream stream = workload.trainingStream(batchSize, trialRng.split(DATA_ORDER));
        Model model = workload.model(batchSize);
        TrialContext context = new TrialContext(model, params, hyperParameters, workload.info(),
                trialRng.split(STEPS), budgetSeconds);
        OptimizerState state;
        try {
            state = submission.init(workload.info(), params, hyperParameters, trialRng.split(OPTIMIZER_INIT));
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            if (e instanceof org.optbench.api.BadInputException bad) {
                throw bad;
            }
            return failedBeforeStart(Failures.describe("init", e));
        }
        context.setState(state);
        long stateBytes = state == null ? 0 : state.stateBytes();

        long budgetNanos = (long) (budgetSeconds * 1e9);
        long evalPeriodNanos = (long) (evalPeriodSeconds * 1e9);
        long submissionNanos = 0;
        long evalNanos = 0;
        long loggingNanos = 0;
        long step = 0;
        StepTimes stepTimes = new StepTimes();
        List<EvalResult> evaluations = new ArrayList<>();
        Double timeToTarget = null;
        boolean reachedValidation = false;
        boolean reachedTest = false;
        StopReason stopReason;
        String failure = null;

        long loopStart = clock.nanoTime();
        long lastEvalEnd = loopStart;
        try {
            while (true) {
                context.beginStep(step, submissionNanos / 1e9);
                long stepStart = clock.nanoTime();
                Batch batch = submission.selectData(stream, context);
                context.setBatch(batch);
                submission.update(context);
                long stepEnd = clock.nanoTime();
                submissionNanos += stepEnd - stepStart;
                stepTimes.add(stepEnd - stepStart);
                step++;
                listener.onStep(step, submissionNanos / 1e9);

                if (context.lossComputedThisStep() && !Double.isFinite(context.stepLoss())) {
                    stopReason = StopReason.DIVERGED;
                    failure = "diverged: training loss " + context.stepLoss() + " at step " + step;
                    break;
                }
                boolean timeRemaining = submissionNanos < budgetNanos;
                if (step == 1 || stepEnd - lastEvalEnd >= evalPeriodNanos || context.trainingComplete()) {
                    context.setSubmissionSeconds(submissionNanos / 1e9);
                    long prepareStart = clock.nanoTime();
                    submission.prepareForEval(context);
                    submissionNanos += clock.nanoTime() - prepareStart;
                    timeRemaining = submissionNanos < budgetNanos;
                    if (timeRemaining) {
                        long evalStart = clock.nanoTime();
                        Map<String, Double> metrics = evaluateAll(params);
                        long evalEnd = clock.nanoTime();
                        evalNanos += evalEnd - evalStart;
                        EvalResult evaluation = new EvalResult(step, submissionNanos / 1e9, metrics);
                        evaluations.add(evaluation);
                        context.addEvaluation(evaluation);
                        Double validation = metrics.get(Split.VALIDATION.prefix() + "/" + spec.metric());
                        Double test = metrics.get(Split.TEST.prefix() + "/" + spec.metric());
                        if (!reachedValidation && validation != null
                                && spec.direction().reaches(validation, spec.validationTarget())) {
                            reachedValidation = true;
                            timeToTarget = submissionNanos / 1e9;
                        }
                        if (test != null && spec.direction().reaches(test, spec.testTarget())) {
                            reachedTest = true;
                        }
                        long logStart = clock.nanoTime();
                        log.append(evaluation, evalNanos / 1e9, loggingNanos / 1e9, (logStart - loopStart) / 1e9);
                        lastEvalEnd = clock.nanoTime();
                        loggingNanos += lastEvalEnd - logStart;
                        listener.onEvaluation(evaluation);
                        if (stopAtTargets && reachedValidation && reachedTest) {
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
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            if (e instanceof org.optbench.api.BadInputException bad) {
                throw bad;
            }
            stopReason = StopReason.FAILED;
            failure = Failures.describe("step " + (step + 1), e);
        } finally {
            model.close();
        }
        long loopEnd = clock.nanoTime();
        return new TrialOutcome(stopReason, failure, step, evaluations, submissionNanos / 1e9, evalNanos / 1e9,
                loggingNanos / 1e9, (loopEnd - loopStart) / 1e9, stepTimes.medianSeconds(), reachedValidation,
                reachedTest, timeToTarget, stateBytes);
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

    private static TrialOutcome failedBeforeStart(String failure) {
        return new TrialOutcome(StopReason.FAILED, failure, 0, List.of(), 0, 0, 0, 0, Double.NaN, false, false,
                null, 0);
    }
}
