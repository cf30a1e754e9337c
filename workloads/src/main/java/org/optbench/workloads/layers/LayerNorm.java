package org.optbench.workloads.layers;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layer normalisation of each row of {@code x [rows, features]} (Ba, Kiros and Hinton 2016): {@code xhat = (x -
 * mean) / sqrt(var + eps)} over the row's features (biased variance), then {@code y = scale * xhat + shift}. On
 * NHWC convolution outputs {@code [batch * positions, channels]} it normalises each position over its channels,
 * as ConvNeXt's LayerNorm; on a transformer's residual stream {@code [tokens, width]} it normalises each token.
 * Statistics are accumulated in double; in FLOAT each row runs over heap copies (one bulk copy in and out per row).
 * The caller keeps {@code xhat} and {@code 1 / sigma} per row between the passes; the output may be the input and
 * the input gradient the output gradient (in place, as the CNN uses it) or separate arrays (as the transformer).
 *
 * <p>Backward, per row, with {@code g = dy * scale}: {@code dx = (g - mean(g) - xhat * mean(g * xhat)) / sigma},
 * {@code dscale = sum over rows of dy * xhat}, {@code dshift = sum over rows of dy}.
 */
public final class LayerNorm {
    /** Added to the variance, as PyTorch's default. */
    public static final double EPSILON = 1e-5;

    private LayerNorm() {
    }

    /**
     * Normalises {@code x} into {@code normalized} ({@code xhat}, kept for the backward pass) and writes
     * {@code scale * xhat + shift} into {@code out} (may be {@code x} itself); {@code invStd[r]} receives
     * {@code 1 / sigma} of row {@code r}.
     */
    public static void forward(INDArray x, INDArray scale, INDArray shift, INDArray normalized, double[] invStd,
                               INDArray out) {
        int rows = (int) x.size(0);
        int f = (int) (x.length() / rows);
        int xo = (int) x.offset();
        int no = (int) normalized.offset();
        int oo = (int) out.offset();
        int so = (int) scale.offset();
        int ho = (int) shift.offset();
        if (x.dataType() == DataType.FLOAT) {
            // Row by row over heap copies; scale and shift copied once.
            FloatBuffer xb = x.data().asNioFloat();
            FloatBuffer nb = normalized.data().asNioFloat();
            FloatBuffer ob = out.data().asNioFloat();
            float[] sa = Scratch.floats(0, f);
            float[] ha = Scratch.floats(1, f);
            float[] xa = Scratch.floats(2, f);
            float[] na = Scratch.floats(3, f);
            scale.data().asNioFloat().get(so, sa, 0, f);
            shift.data().asNioFloat().get(ho, ha, 0, f);
            for (int r = 0; r < rows; r++) {
                int base = r * f;
                xb.get(xo + base, xa, 0, f);
                double sum = 0;
                for (int j = 0; j < f; j++) {
                    sum += xa[j];
                }
                double mean = sum / f;
                double sq = 0;
                for (int j = 0; j < f; j++) {
                    double d = xa[j] - mean;
                    sq += d * d;
                }
                double inv = 1.0 / Math.sqrt(sq / f + EPSILON);
                invStd[r] = inv;
                float m = (float) mean;
                float fi = (float) inv;
                for (int j = 0; j < f; j++) {
                    float h = (xa[j] - m) * fi;
                    na[j] = h;
                    xa[j] = sa[j] * h + ha[j];
                }
                nb.put(no + base, na, 0, f);
                ob.put(oo + base, xa, 0, f);
            }
        } else {
            DoubleBuffer xb = x.data().asNioDouble();
            DoubleBuffer nb = normalized.data().asNioDouble();
            DoubleBuffer ob = out.data().asNioDouble();
            DoubleBuffer sb = scale.data().asNioDouble();
            DoubleBuffer hb = shift.data().asNioDouble();
            for (int r = 0; r < rows; r++) {
                int base = r * f;
                double sum = 0;
                for (int j = 0; j < f; j++) {
                    sum += xb.get(xo + base + j);
                }
                double mean = sum / f;
                double sq = 0;
                for (int j = 0; j < f; j++) {
                    double d = xb.get(xo + base + j) - mean;
                    sq += d * d;
                }
                double inv = 1.0 / Math.sqrt(sq / f + EPSILON);
                invStd[r] = inv;
                for (int j = 0; j < f; j++) {
                    double h = (xb.get(xo + base + j) - mean) * inv;
                    nb.put(no + base + j, h);
                    ob.put(oo + base + j, sb.get(so + j) * h + hb.get(ho + j));
                }
            }
        }
    }

    /**
     * The backward pass: {@code gradScale} and {@code gradShift} are overwritten with their sums over rows, and
     * {@code gradIn} (may be {@code gradOut} itself) receives {@code dL/dx}.
     */
    public static void backward(INDArray normalized, double[] invStd, INDArray scale, INDArray gradOut,
                                INDArray gradScale, INDArray gradShift, INDArray gradIn) {
        int rows = (int) normalized.size(0);
        int f = (int) (normalized.length() / rows);
        int no = (int) normalized.offset();
        int so = (int) scale.offset();
        int go = (int) gradOut.offset();
        int gso = (int) gradScale.offset();
        int gho = (int) gradShift.offset();
        int gio = (int) gradIn.offset();
        if (normalized.dataType() == DataType.FLOAT) {
            FloatBuffer nb = normalized.data().asNioFloat();
            FloatBuffer gb = gradOut.data().asNioFloat();
            FloatBuffer gib = gradIn.data().asNioFloat();
            float[] sa = Scratch.floats(0, f);
            float[] gsa = Scratch.floats(1, f);
            float[] gha = Scratch.floats(2, f);
            float[] ga = Scratch.floats(3, f);
            float[] na = Scratch.floats(4, f);
            scale.data().asNioFloat().get(so, sa, 0, f);
            java.util.Arrays.fill(gsa, 0, f, 0f);
            java.util.Arrays.fill(gha, 0, f, 0f);
            for (int r = 0; r < rows; r++) {
                int base = r * f;
                gb.get(go + base, ga, 0, f);
                nb.get(no + base, na, 0, f);
                double meanG = 0;
                double meanGH = 0;
                for (int j = 0; j < f; j++) {
                    float dy = ga[j];
                    float h = na[j];
                    gsa[j] += dy * h;
                    gha[j] += dy;
                    double g = (double) dy * sa[j];
                    meanG += g;
                    meanGH += g * h;
                }
                float mg = (float) (meanG / f);
                float mgh = (float) (meanGH / f);
                float inv = (float) invStd[r];
                for (int j = 0; j < f; j++) {
                    ga[j] = (ga[j] * sa[j] - mg - na[j] * mgh) * inv;
                }
                gib.put(gio + base, ga, 0, f);
            }
            gradScale.data().asNioFloat().put(gso, gsa, 0, f);
            gradShift.data().asNioFloat().put(gho, gha, 0, f);
        } else {
            DoubleBuffer nb = normalized.data().asNioDouble();
            DoubleBuffer sb = scale.data().asNioDouble();
            DoubleBuffer gb = gradOut.data().asNioDouble();
            DoubleBuffer gsb = gradScale.data().asNioDouble();
            DoubleBuffer ghb = gradShift.data().asNioDouble();
            DoubleBuffer gib = gradIn.data().asNioDouble();
            for (int j = 0; j < f; j++) {
                gsb.put(gso + j, 0.0);
                ghb.put(gho + j, 0.0);
            }
            for (int r = 0; r < rows; r++) {
                int base = r * f;
                double meanG = 0;
                double meanGH = 0;
                for (int j = 0; j < f; j++) {
                    double dy = gb.get(go + base + j);
                    double h = nb.get(no + base + j);
                    gsb.put(gso + j, gsb.get(gso + j) + dy * h);
                    ghb.put(gho + j, ghb.get(gho + j) + dy);
                    double g = dy * sb.get(so + j);
                    meanG += g;
                    meanGH += g * h;
                }
                meanG /= f;
                meanGH /= f;
                for (int j = 0; j < f; j++) {
                    double g = gb.get(go + base + j) * sb.get(so + j);
                    gib.put(gio + base + j, (g - meanG - nb.get(no + base + j) * meanGH) * invStd[r]);
                }
            }
        }
    }
}
