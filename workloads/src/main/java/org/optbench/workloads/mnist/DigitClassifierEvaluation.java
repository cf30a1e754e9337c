package org.optbench.workloads.mnist;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Params;
import org.optbench.workloads.Split;
import org.optbench.workloads.layers.ForwardNetwork;
import org.optbench.workloads.layers.SoftmaxCrossEntropy;

/**
 * Evaluates a digit classifier on a split: mean softmax cross-entropy ({@code "loss"}) and {@code "accuracy"},
 * by forward passes over chunks of a fixed size, with a network and input buffers of its own (kept between calls,
 * rebuilt only for the last, shorter chunk's size). Not thread-safe: callers synchronise.
 */
public final class DigitClassifierEvaluation {
    private final MnistData data;
    private final DataType dataType;
    private final int chunk;
    private final IntFunction<? extends ForwardNetwork> networkForRows;
    private ForwardNetwork network;
    private INDArray inputs;
    private INDArray targets;

    /**
     * @param data the digits
     * @param dataType FLOAT or DOUBLE
     * @param chunk rows per forward pass
     * @param networkForRows builds the network with buffers for that many rows
     */
    public DigitClassifierEvaluation(MnistData data, DataType dataType, int chunk,
                                     IntFunction<? extends ForwardNetwork> networkForRows) {
        this.data = data;
        this.dataType = dataType;
        this.chunk = chunk;
        this.networkForRows = networkForRows;
    }

    /** {@code "loss"} and {@code "accuracy"} of {@code params} on {@code split}. */
    public Map<String, Double> evaluate(Params params, Split split) {
        int[] indices = data.indices(split);
        double lossSum = 0;
        long correct = 0;
        long[] hits = new long[1];
        for (int from = 0; from < indices.length; from += chunk) {
            int rows = Math.min(chunk, indices.length - from);
            ensureBuffers(rows);
            data.copyExamples(indices, from, inputs, targets);
            lossSum += SoftmaxCrossEntropy.summedLossAndCorrect(network.forward(params, inputs), targets, hits);
            correct += hits[0];
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", lossSum / indices.length);
        metrics.put("accuracy", (double) correct / indices.length);
        return metrics;
    }

    private void ensureBuffers(int rows) {
        if (network == null || network.batchSize() != rows) {
            if (network != null) {
                network.close();
            }
            network = networkForRows.apply(rows);
            inputs = Nd4j.zeros(dataType, rows, MnistData.PIXELS);
            targets = Nd4j.zeros(dataType, rows, MnistData.CLASSES);
        }
    }
}
