package org.optbench.workloads.autoencoder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.BatchStream;
import org.optbench.api.LossType;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.MetricDirection;
import org.optbench.workloads.Model;
import org.optbench.workloads.Split;
import org.optbench.workloads.SpecifiedWorkload;
import org.optbench.workloads.WorkloadSpec;
import org.optbench.workloads.layers.SigmoidCrossEntropy;
import org.optbench.workloads.mnist.MnistData;
import org.optbench.workloads.mnist.MnistStreams;

/**
 * {@code mnist_autoencoder} and its variants: a deep autoencoder of handwritten digits (pixel / 255 in, the same
 * out), trained with sigmoid cross-entropy as the classic optimizer benchmark of Hinton and Salakhutdinov (2006),
 * Martens (2010) and K-FAC, scaled down to 784-512-256-64-256-512-784 (1,100,112 parameters) for two cores. Metric:
 * {@code reconstruction_mse}, the mean over pixels and examples of {@code (s(logit) - pixel)^2}, lower is better.
 * Evaluation also reports the sigmoid cross-entropy as {@code loss}. Targets: workloads/README.md.
 */
public final class MnistAutoencoder extends SpecifiedWorkload {
    /** The metric's name. */
    public static final String METRIC = "reconstruction_mse";
    /** The base architecture: tanh hidden units, a linear 64-wide code. */
    public static final AutoencoderArchitecture BASE = new AutoencoderArchitecture(
            List.of(784, 512, 256, 64, 256, 512, 784), HiddenUnits.TANH);
    /** {@code mnist_autoencoder_sigmoid}: sigmoid hidden units. */
    public static final AutoencoderArchitecture SIGMOID = new AutoencoderArchitecture(
            List.of(784, 512, 256, 64, 256, 512, 784), HiddenUnits.SIGMOID);
    /** {@code mnist_autoencoder_narrow}: a 16-wide code. */
    public static final AutoencoderArchitecture NARROW = new AutoencoderArchitecture(
            List.of(784, 512, 256, 16, 256, 512, 784), HiddenUnits.TANH);
    /** The evaluation chunk size. */
    static final int EVAL_BATCH = 500;

    private final AutoencoderArchitecture arch;
    private final MnistData data;
    private AutoencoderNetwork evalNetwork;
    private INDArray evalInputs;
    private INDArray evalLabels;

    /**
     * @param spec the name and targets
     * @param arch the architecture (784 wide at both ends)
     * @param data the digits and their splits (labels unused)
     * @param dataType FLOAT or DOUBLE
     */
    public MnistAutoencoder(WorkloadSpec spec, AutoencoderArchitecture arch, MnistData data, DataType dataType) {
        super(spec, arch.parameterSpecs(), data.train().length, dataType);
        if (arch.fanIn(0) != MnistData.PIXELS) {
            throw new IllegalArgumentException("an MNIST autoencoder is 784 wide at both ends, got " + arch.widths());
        }
        this.arch = arch;
        this.data = data;
    }

    /** The spec of {@code mnist_autoencoder}; targets: workloads/README.md. */
    public static WorkloadSpec standardSpec() {
        return spec("mnist_autoencoder", null, 0.0076923, 0.0077471,
                "784-512-256-64-256-512-784 tanh autoencoder of handwritten digits, sigmoid cross-entropy");
    }

    /** The spec of {@code mnist_autoencoder_sigmoid}; targets: workloads/README.md. */
    public static WorkloadSpec sigmoidSpec() {
        return spec("mnist_autoencoder_sigmoid", "mnist_autoencoder", 0.013452, 0.013536,
                "mnist_autoencoder with sigmoid hidden units");
    }

    /** The spec of {@code mnist_autoencoder_narrow}; targets: workloads/README.md. */
    public static WorkloadSpec narrowSpec() {
        return spec("mnist_autoencoder_narrow", "mnist_autoencoder", 0.012151, 0.012404,
                "mnist_autoencoder with a 16-wide code");
    }

    private static WorkloadSpec spec(String name, String base, double validationTarget, double testTarget,
                                     String description) {
        return new WorkloadSpec(name, base, METRIC, MetricDirection.LOWER, validationTarget, testTarget,
                2.5, 2000, 128, LossType.SIGMOID_CROSS_ENTROPY, description);
    }

    /** The architecture. */
    public AutoencoderArchitecture architecture() {
        return arch;
    }

    @Override
    public Params initialParams(Rng rng) {
        return arch.initialParams(rng, dataType);
    }

    @Override
    public BatchStream trainingStream(int batchSize, Rng rng) {
        return new AutoencoderBatchStream(MnistStreams.labelled(data, batchSize, rng, dataType));
    }

    @Override
    public Model model(int batchSize) {
        return new AutoencoderNetwork(arch, batchSize, dataType);
    }

    @Override
    public synchronized Map<String, Double> evaluate(Params params, Split split) {
        int[] indices = data.indices(split);
        double lossSum = 0;
        double squaredSum = 0;
        double[] squared = new double[1];
        for (int from = 0; from < indices.length; from += EVAL_BATCH) {
            int rows = Math.min(EVAL_BATCH, indices.length - from);
            ensureEvalBuffers(rows);
            data.copyExamples(indices, from, evalInputs, evalLabels);
            INDArray logits = evalNetwork.forward(params, evalInputs);
            lossSum += SigmoidCrossEntropy.summedLossAndSquaredError(logits, evalInputs, squared);
            squaredSum += squared[0];
        }
        double entries = (double) indices.length * MnistData.PIXELS;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", lossSum / entries);
        metrics.put(METRIC, squaredSum / entries);
        return metrics;
    }

    private void ensureEvalBuffers(int rows) {
        if (evalNetwork == null || evalNetwork.batchSize() != rows) {
            if (evalNetwork != null) {
                evalNetwork.close();
            }
            evalNetwork = new AutoencoderNetwork(arch, rows, dataType);
            evalInputs = Nd4j.zeros(dataType, rows, MnistData.PIXELS);
            evalLabels = Nd4j.zeros(dataType, rows, MnistData.CLASSES);
        }
    }
}
