package org.optbench.workloads.quadratic;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.LossAndGradients;
import org.optbench.api.LossType;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.WorkloadInfo.ParameterSpec;
import org.optbench.api.MetricDirection;
import org.optbench.workloads.Model;
import org.optbench.workloads.Split;
import org.optbench.workloads.ShuffledEpochs;
import org.optbench.workloads.SpecifiedWorkload;
import org.optbench.workloads.WorkloadSpec;
import org.optbench.workloads.layers.Dense;
import org.optbench.workloads.layers.MeanSquaredError;

/**
 * Least squares on a {@link QuadraticProblem}: a linear map {@code p = x W + b} with {@code W [d, 1]}
 * ({@code "linear/kernel"}, WEIGHT) and {@code b [1]} ({@code "linear/bias"}, BIAS), loss and metric the mean
 * squared error. Its Hessian is {@code 2 E[[x;1][x;1]^T]}, whose condition number is the problem's.
 */
public final class QuadraticWorkload extends SpecifiedWorkload {
    /** The kernel's name. */
    public static final String KERNEL = "linear/kernel";
    /** The bias's name. */
    public static final String BIAS = "linear/bias";

    private final QuadraticData data;
    private final int dimension;
    private final Map<Split, INDArray[]> evalArrays = new LinkedHashMap<>();
    private final Map<Integer, Network> evalNetworks = new LinkedHashMap<>();

    /**
     * @param spec the name and targets
     * @param problem the regression problem; its data are drawn here
     * @param dataType FLOAT or DOUBLE
     */
    public QuadraticWorkload(WorkloadSpec spec, QuadraticProblem problem, DataType dataType) {
        super(spec, List.of(
                new ParameterSpec(KERNEL, ParameterType.WEIGHT, List.of((long) problem.dimension(), 1L)),
                new ParameterSpec(BIAS, ParameterType.BIAS, List.of(1L))), problem.trainExamples(), dataType);
        this.data = problem.generate();
        this.dimension = problem.dimension();
    }

    /**
     * The spec of {@code quadratic} (condition number 1e4) or one of its variants at another condition number;
     * targets calibrated as workloads/README.md describes.
     *
     * @param name the workload's name
     * @param base the base workload for a variant, or {@code null}
     * @param validationTarget the validation mse that counts as trained
     * @param testTarget the test mse reported alongside
     * @param stepHint the steps of the calibration schedule
     * @param conditionNumber for the description
     */
    public static WorkloadSpec spec(String name, String base, double validationTarget, double testTarget,
                                    long stepHint, double conditionNumber) {
        // Evaluation costs microseconds here, so it can run often enough to time a 2-second budget finely.
        return new WorkloadSpec(name, base, "mse", MetricDirection.LOWER, validationTarget, testTarget,
                0.1, stepHint, 128, LossType.MEAN_SQUARED_ERROR,
                String.format("least squares, d=64, feature covariance condition number %.0e", conditionNumber));
    }

    /** The drawn data. */
    public QuadraticData data() {
        return data;
    }

    /** Kernel LeCun normal (standard deviation {@code 1 / sqrt(d)}), bias zero. */
    @Override
    public Params initialParams(Rng rng) {
        Params params = Params.builder()
                .add(KERNEL, ParameterType.WEIGHT, Nd4j.zeros(dataType, dimension, 1))
                .add(BIAS, ParameterType.BIAS, Nd4j.zeros(dataType, 1))
                .build()
                .viewsOf(Nd4j.zeros(dataType, dimension + 1));
        INDArray kernel = params.get(KERNEL);
        int o = (int) kernel.offset();
        double std = 1 / Math.sqrt(dimension);
        if (dataType == DataType.FLOAT) {
            FloatBuffer k = kernel.data().asNioFloat();
            for (int i = 0; i < dimension; i++) {
                k.put(o + i, (float) (std * rng.nextGaussian()));
            }
        } else {
            DoubleBuffer k = kernel.data().asNioDouble();
            for (int i = 0; i < dimension; i++) {
                k.put(o + i, std * rng.nextGaussian());
            }
        }
        return params;
    }

    @Override
    public BatchStream trainingStream(int batchSize, Rng rng) {
        ShuffledEpochs epochs = new ShuffledEpochs(ShuffledEpochs.range(data.trainX().length), batchSize, rng);
        INDArray inputs = Nd4j.zeros(dataType, batchSize, dimension);
        INDArray targets = Nd4j.zeros(dataType, batchSize, 1);
        Batch batch = Batch.of(inputs, targets);
        return new BatchStream() {
            @Override
            public Batch next() {
                QuadraticData.copyRows(data.trainX(), data.trainY(), epochs.order(), epochs.nextStart(), inputs,
                        targets);
                return batch;
            }

            @Override
            public int batchSize() {
                return batchSize;
            }
        };
    }

    @Override
    public Model model(int batchSize) {
        Network network = new Network(batchSize);
        return network::lossAndGradients;
    }

    @Override
    public synchronized Map<String, Double> evaluate(Params params, Split split) {
        INDArray[] arrays = evalArrays.computeIfAbsent(split, s -> switch (s) {
            case TRAIN -> QuadraticData.toArrays(data.trainX(), data.trainY(), data.validationX().length, dataType);
            case VALIDATION -> QuadraticData.toArrays(data.validationX(), data.validationY(),
                    data.validationX().length, dataType);
            case TEST -> QuadraticData.toArrays(data.testX(), data.testY(), data.testX().length, dataType);
        });
        int rows = (int) arrays[0].size(0);
        Network network = evalNetworks.computeIfAbsent(rows, Network::new);
        Dense.forward(arrays[0], params.get(KERNEL), params.get(BIAS), network.predictions);
        double mse = MeanSquaredError.sumOfSquares(network.predictions, arrays[1]) / rows;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", mse);
        metrics.put("mse", mse);
        return metrics;
    }

    /** The buffers of one batch size. */
    private final class Network {
        private final int batchSize;
        private final INDArray predictions;
        private final INDArray gradPredictions;
        private final Params gradients;

        Network(int batchSize) {
            this.batchSize = batchSize;
            this.predictions = Nd4j.zeros(dataType, batchSize, 1);
            this.gradPredictions = Nd4j.zeros(dataType, batchSize, 1);
            this.gradients = initialParams(Rng.of(0)).zerosLike();
        }

        LossAndGradients lossAndGradients(Params params, Batch batch) {
            INDArray inputs = batch.inputs();
            if (inputs.size(0) != batchSize) {
                throw new IllegalArgumentException("this model has buffers for batches of " + batchSize + ", got "
                        + inputs.size(0) + " examples");
            }
            INDArray kernel = params.value(0);
            Dense.forward(inputs, kernel, params.value(1), predictions);
            double loss = MeanSquaredError.lossAndGradient(predictions, batch.targets(), gradPredictions);
            Dense.backward(inputs, kernel, gradPredictions, gradients.value(0), gradients.value(1), null);
            return new LossAndGradients(loss, gradients);
        }
    }
}
