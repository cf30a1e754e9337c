package org.optbench.workloads.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layer normalisation over the last axis of {@code x [rows, width]} (Ba, Kiros and Hinton 2016):
 * <pre>
 *   mu = mean_c x[r,c],  sigma^2 = mean_c (x[r,c] - mu)^2,  rstd = 1 / sqrt(sigma^2 + eps)
 *   xhat = (x - mu) rstd,  y = xhat * gamma + beta
 * </pre>
 * Backward, with {@code g = dy * gamma}:
 * {@code dx = rstd (g - mean_c g - xhat mean_c (g xhat))}, {@code dgamma = sum_r dy xhat}, {@code dbeta = sum_r dy}.
 * Stateless: the caller keeps {@code xhat [rows, width]} and {@code rstd [rows]} between the passes. Sums are in
 * double.
 */
public final class TransformerLayerNorm {
    /** The variance floor, as in PyTorch's default. */
    public static final double EPSILON = 1e-5;

    private TransformerLayerNorm() {
    }

    /** Writes {@code y}, {@code xhat} and {@code rstd}; {@code y} may not be {@code x}. */
    public static void forward(INDArray x, INDArray gamma, INDArray beta, INDArray y, INDArray xhat, INDArray rstd) {
        int rows = (int) x.size(0);
        int width = (int) x.size(1);
        FlatArray xs = FlatArray.of(x);
        FlatArray g = FlatArray.of(gamma);
        FlatArray b = FlatArray.of(beta);
        FlatArray ys = FlatArray.of(y);
        FlatArray hs = FlatArray.of(xhat);
        FlatArray rs = FlatArray.of(rstd);
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            double mean = 0;
            for (int c = 0; c < width; c++) {
                mean += xs.get(base + c);
            }
            mean /= width;
            double var = 0;
            for (int c = 0; c < width; c++) {
                double d = xs.get(base + c) - mean;
                var += d * d;
            }
            var /= width;
            double inv = 1.0 / Math.sqrt(var + EPSILON);
            rs.set(r, inv);
            for (int c = 0; c < width; c++) {
                double h = (xs.get(base + c) - mean) * inv;
                hs.set(base + c, h);
                ys.set(base + c, h * g.get(c) + b.get(c));
            }
        }
    }

    /**
     * From {@code dy [rows, width]}: writes {@code dx} (may not be {@code dy}) and overwrites {@code dgamma} and
     * {@code dbeta}.
     */
    public static void backward(INDArray dy, INDArray xhat, INDArray rstd, INDArray gamma, INDArray dgamma,
                                INDArray dbeta, INDArray dx) {
        int rows = (int) dy.size(0);
        int width = (int) dy.size(1);
        FlatArray gy = FlatArray.of(dy);
        FlatArray hs = FlatArray.of(xhat);
        FlatArray rs = FlatArray.of(rstd);
        FlatArray g = FlatArray.of(gamma);
        FlatArray dg = FlatArray.of(dgamma);
        FlatArray db = FlatArray.of(dbeta);
        FlatArray gx = FlatArray.of(dx);
        dg.zero();
        db.zero();
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            double meanG = 0;
            double meanGh = 0;
            for (int c = 0; c < width; c++) {
                double d = gy.get(base + c);
                double h = hs.get(base + c);
                double gc = d * g.get(c);
                meanG += gc;
                meanGh += gc * h;
                dg.add(c, d * h);
                db.add(c, d);
            }
            meanG /= width;
            meanGh /= width;
            double inv = rs.get(r);
            for (int c = 0; c < width; c++) {
                double h = hs.get(base + c);
                gx.set(base + c, inv * (gy.get(base + c) * g.get(c) - meanG - h * meanGh));
            }
        }
    }
}
