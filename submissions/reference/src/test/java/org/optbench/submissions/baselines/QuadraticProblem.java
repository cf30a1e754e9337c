package org.optbench.submissions.baselines;

import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Batch;
import org.optbench.api.EvalResult;
import org.optbench.api.HyperParameters;
import org.optbench.api.LossAndGradients;
import org.optbench.api.LossType;
import org.optbench.api.OptimizerState;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.StepContext;
import org.optbench.api.WorkloadInfo;

/**
 * A two-parameter convex problem run through the submission contract, as the harness would run a workload:
 * {@code f(w) = 1/2 (a0 (w0 - c0)^2 + a1 (w1 - c1)^2)} with gradient {@code a_i (w_i - c_i)}, in float32. There is
 * no data: {@link #batch} is not offered.
 */
final class QuadraticProblem implements StepContext {
    static final double[] CURVATURE = {1.0, 4.0};
    static final double[] MINIMUM = {0.5, -0.25};
    static final double[] START = {1.0, 0.25};

    private final Params params;
    private final Params gradients;
    private final HyperParameters hyperParameters;
    private final WorkloadInfo workload;
    private OptimizerState state;
    private long step;

    QuadraticProblem(HyperParameters hyperParameters, long stepHint) {
        this.params = Params.builder().add("w", ParameterType.OTHER,
                Nd4j.createFromArray(new float[] {(float) START[0], (float) START[1]})).build();
        this.gradients = Params.builder().add("w", ParameterType.OTHER, Nd4j.zeros(DataType.FLOAT, 2)).build();
        this.hyperParameters = hyperParameters;
        this.workload = new WorkloadInfo(List.of(new WorkloadInfo.ParameterSpec("w", ParameterType.OTHER,
                List.of(2L))), LossType.MEAN_SQUARED_ERROR, stepHint, 1);
    }

    /** The loss at the current parameters. */
    double loss() {
        double f = 0;
        for (int i = 0; i < 2; i++) {
            double d = params.value(0).getDouble(i) - MINIMUM[i];
            f += 0.5 * CURVATURE[i] * d * d;
        }
        return f;
    }

    /** The loss at the start. */
    static double startLoss() {
        double f = 0;
        for (int i = 0; i < 2; i++) {
            double d = START[i] - MINIMUM[i];
            f += 0.5 * CURVATURE[i] * d * d;
        }
        return f;
    }

    void setState(OptimizerState state) {
        this.state = state;
    }

    void setStep(long step) {
        this.step = step;
    }

    @Override
    public Batch batch() {
        throw new UnsupportedOperationException("the quadratic problem has no data");
    }

    @Override
    public LossAndGradients lossAndGradients() {
        for (int i = 0; i < 2; i++) {
            gradients.value(0).putScalar(i, CURVATURE[i] * (params.value(0).getDouble(i) - MINIMUM[i]));
        }
        return new LossAndGradients(loss(), gradients);
    }

    @Override
    public LossAndGradients lossAndGradients(Batch batch) {
        throw new UnsupportedOperationException("the quadratic problem has no data");
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends OptimizerState> S state() {
        return (S) state;
    }

    @Override
    public HyperParameters hyperParameters() {
        return hyperParameters;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public WorkloadInfo workload() {
        return workload;
    }

    @Override
    public Rng rng() {
        return Rng.of(0).split(step);
    }

    @Override
    public double submissionSeconds() {
        return 0;
    }

    @Override
    public double budgetSeconds() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public List<EvalResult> evaluations() {
        return List.of();
    }

    @Override
    public void markTrainingComplete() {
    }
}
