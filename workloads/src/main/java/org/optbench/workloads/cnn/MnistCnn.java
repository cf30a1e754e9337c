package org.optbench.workloads.cnn;

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
import org.optbench.workloads.mnist.DigitClassifierEvaluation;
import org.optbench.workloads.mnist.MnistData;
import org.optbench.workloads.mnist.MnistStreams;

/**
 * {@code mnist_cnn} and its variants: a LeNet-sized convolutional network on handwritten digits, softmax
 * cross-entropy, metric validation accuracy. The base is 5x5 conv 16 - ReLU - 2x2 max pool - 5x5 conv 32 - ReLU -
 * 2x2 max pool - dense 128 - ReLU - dense 10 (80,202 parameters). Evaluation runs forward passes over the split in
 * chunks of {@value #EVAL_BATCH} with its own buffers. Targets: workloads/README.md.
 */
public final class MnistCnn extends SpecifiedWorkload {
    /** The base architecture. */
    public static final CnnArchitecture BASE = new CnnArchitecture(MnistData.SIDE, List.of(16, 32), 5, 128,
            MnistData.CLASSES, Activation.RELU, false);
    /** {@code mnist_cnn_tanh}: tanh in place of ReLU. */
    public static final CnnArchitecture TANH = new CnnArchitecture(MnistData.SIDE, List.of(16, 32), 5, 128,
            MnistData.CLASSES, Activation.TANH, false);
    /** {@code mnist_cnn_layernorm}: LayerNorm before every activation. */
    public static final CnnArchitecture LAYERNORM = new CnnArchitecture(MnistData.SIDE, List.of(16, 32), 5, 128,
            MnistData.CLASSES, Activation.RELU, true);
    /** The evaluation chunk size (the im2col buffer grows with it). */
    static final int EVAL_BATCH = 200;

    private final CnnArchitecture arch;
    private final MnistData data;
    private final DigitClassifierEvaluation evaluation;

    /**
     * @param spec the name and targets
     * @param arch the architecture (28 x 28 inputs, 10 classes)
     * @param data the digits and their splits
     * @param dataType FLOAT or DOUBLE
     */
    public MnistCnn(WorkloadSpec spec, CnnArchitecture arch, MnistData data, DataType dataType) {
        super(spec, arch.parameterSpecs(), data.train().length, dataType);
        if (arch.side() != MnistData.SIDE || arch.classes() != MnistData.CLASSES) {
            throw new IllegalArgumentException("an MNIST CNN maps 28 x 28 images to 10 classes, got " + arch);
        }
        this.arch = arch;
        this.data = data;
        this.evaluation = new DigitClassifierEvaluation(data, dataType, EVAL_BATCH, rows -> new CnnNetwork(arch, rows, dataType));
    }

    /** The spec of {@code mnist_cnn}: targets from optbench calibrate (workloads/README.md). */
    public static WorkloadSpec standardSpec() {
        return spec("mnist_cnn", null, 0.984, 0.9795, "5x5 conv 16-32 ReLU with 2x2 max pooling, dense 128, "
                + "on handwritten digits, softmax cross-entropy");
    }

    /** The spec of {@code mnist_cnn_tanh}; targets: workloads/README.md. */
    public static WorkloadSpec tanhSpec() {
        return spec("mnist_cnn_tanh", "mnist_cnn", 0.982, 0.979, "mnist_cnn with tanh in place of ReLU");
    }

    /** The spec of {@code mnist_cnn_layernorm}; targets: workloads/README.md. */
    public static WorkloadSpec layerNormSpec() {
        return spec("mnist_cnn_layernorm", "mnist_cnn", 0.984, 0.984,
                "mnist_cnn with LayerNorm (over channels) before every activation");
    }

    private static WorkloadSpec spec(String name, String base, double validationTarget, double testTarget,
                                     String description) {
        return new WorkloadSpec(name, base, "accuracy", MetricDirection.HIGHER, validationTarget,
                testTarget, 1.5, 2000, 64, LossType.SOFTMAX_CROSS_ENTROPY, description);
    }

    /** The architecture. */
    public CnnArchitecture architecture() {
        return arch;
    }

    @Override
    public Params initialParams(Rng rng) {
        return arch.initialParams(rng, dataType);
    }

    @Override
    public BatchStream trainingStream(int batchSize, Rng rng) {
        return MnistStreams.labelled(data, batchSize, rng, dataType);
    }

    @Override
    public Model model(int batchSize) {
        return new CnnNetwork(arch, batchSize, dataType);
    }

    @Override
    public synchronized Map<String, Double> evaluate(Params params, Split split) {
        return evaluation.evaluate(params, split);
    }
}
