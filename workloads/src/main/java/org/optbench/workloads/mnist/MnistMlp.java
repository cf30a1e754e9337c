package org.optbench.workloads.mnist;

import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.optbench.api.BatchStream;
import org.optbench.api.LossType;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.MetricDirection;
import org.optbench.workloads.Model;
import org.optbench.workloads.Split;
import org.optbench.workloads.SpecifiedWorkload;
import org.optbench.workloads.WorkloadSpec;
import org.optbench.workloads.layers.Activation;
import org.optbench.workloads.layers.Mlp;
import org.optbench.workloads.layers.MlpNetwork;

/**
 * {@code mnist_mlp}: a 784-256-256-10 perceptron with ReLU, trained with softmax cross-entropy on handwritten
 * digits (inputs pixel / 255, targets one-hot). 269,322 parameters. Metric: validation accuracy. Evaluation runs
 * forward passes over the split in chunks of {@value #EVAL_BATCH} with its own buffers.
 */
public final class MnistMlp extends SpecifiedWorkload {
    /** The architecture. */
    public static final Mlp MLP = new Mlp(List.of(784, 256, 256, 10), Activation.RELU);
    /** The evaluation chunk size. */
    static final int EVAL_BATCH = 1000;

    private final Mlp mlp;
    private final MnistData data;
    private final DigitClassifierEvaluation evaluation;

    /**
     * @param spec the name and targets
     * @param mlp the architecture (784 inputs, 10 outputs)
     * @param data the digits and their splits
     * @param dataType FLOAT or DOUBLE
     */
    public MnistMlp(WorkloadSpec spec, Mlp mlp, MnistData data, DataType dataType) {
        super(spec, mlp.parameterSpecs(), data.train().length, dataType);
        if (mlp.inputs() != MnistData.PIXELS || mlp.outputs() != MnistData.CLASSES) {
            throw new IllegalArgumentException("an MNIST perceptron maps 784 pixels to 10 classes, got "
                    + mlp.widths());
        }
        this.mlp = mlp;
        this.data = data;
        this.evaluation = new DigitClassifierEvaluation(data, dataType, EVAL_BATCH, rows -> new MlpNetwork(mlp, rows, dataType));
    }

    /** The standard spec: targets calibrated as workloads/README.md describes. */
    public static WorkloadSpec standardSpec() {
        return new WorkloadSpec("mnist_mlp", null, "accuracy", MetricDirection.HIGHER,
                0.9836, 0.9847, 1.0, 10000, 128, LossType.SOFTMAX_CROSS_ENTROPY,
                "784-256-256-10 ReLU perceptron on handwritten digits, softmax cross-entropy");
    }

    /**
     * A variant's spec: the base's eval period and batch size, its own name, targets, step hint and
     * description (workloads/README.md says how the targets were set).
     */
    public static WorkloadSpec variantSpec(String name, double validationTarget, double testTarget,
                                           long stepHint, String description) {
        WorkloadSpec base = standardSpec();
        return new WorkloadSpec(name, base.name(), base.metric(), base.direction(), validationTarget, testTarget,
                base.evalPeriodSeconds(), stepHint, base.defaultBatchSize(),
                base.lossType(), description);
    }

    /** The data this workload trains and evaluates on. */
    public MnistData data() {
        return data;
    }

    @Override
    public Params initialParams(Rng rng) {
        return mlp.initialParams(rng, dataType);
    }

    @Override
    public BatchStream trainingStream(int batchSize, Rng rng) {
        return new MnistBatchStream(data, batchSize, rng, dataType);
    }

    @Override
    public Model model(int batchSize) {
        return new MlpNetwork(mlp, batchSize, dataType);
    }

    @Override
    public synchronized Map<String, Double> evaluate(Params params, Split split) {
        return evaluation.evaluate(params, split);
    }
}
