package org.optbench.workloads.layers;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mean squared error, averaged over outputs and the batch: {@code L = (1/n) sum_i (p_i - y_i)^2} with {@code n}
 * the number of entries; gradient {@code dL/dp = 2 (p - y) / n}. Sums are accumulated in double.
 */
public final class MeanSquaredError {
    private MeanSquaredError() {
    }

    /** The mean loss; writes {@code dL/dpredictions} into {@code grad} (may be {@code predictions} itself). */
    public static double lossAndGradient(INDArray predictions, INDArray targets, INDArray grad) {
        return run(predictions, targets, grad) / predictions.length();
    }

    /** The sum of squared errors, for evaluation over several batches. */
    public static double sumOfSquares(INDArray predictions, INDArray targets) {
        return run(predictions, targets, null);
    }

    private static double run(INDArray predictions, INDArray targets, INDArray grad) {
        int n = (int) predictions.length();
        int po = (int) predictions.offset();
        int to = (int) targets.offset();
        int go = grad == null ? 0 : (int) grad.offset();
        double scale = 2.0 / n;
        double sum = 0;
        if (predictions.dataType() == DataType.FLOAT) {
            FloatBuffer p = predictions.data().asNioFloat();
            FloatBuffer t = targets.data().asNioFloat();
            FloatBuffer g = grad == null ? null : grad.data().asNioFloat();
            for (int i = 0; i < n; i++) {
                double r = (double) p.get(po + i) - t.get(to + i);
                sum += r * r;
                if (g != null) {
                    g.put(go + i, (float) (scale * r));
                }
            }
        } else {
            DoubleBuffer p = predictions.data().asNioDouble();
            DoubleBuffer t = targets.data().asNioDouble();
            DoubleBuffer g = grad == null ? null : grad.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                double r = p.get(po + i) - t.get(to + i);
                sum += r * r;
                if (g != null) {
                    g.put(go + i, scale * r);
                }
            }
        }
        return sum;
    }
}
