package org.optbench.workloads.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DLRM's feature interaction: the dot products of every pair of the {@code F} feature vectors of an example.
 * The features are {@code z [batch, F * dim]} (vector {@code i} in columns {@code i*dim .. i*dim+dim-1}); the
 * output holds {@code <z_i, z_j>} for {@code i < j} in the order (0,1), (0,2), ..., (0,F-1), (1,2), ...:
 * {@code F (F - 1) / 2} columns. Backward: {@code dz_i += g_ij z_j} and {@code dz_j += g_ij z_i}.
 */
public final class DotInteraction {
    private DotInteraction() {
    }

    /** The number of pairs of {@code features} vectors. */
    public static int pairs(int features) {
        return features * (features - 1) / 2;
    }

    /** Writes the pairwise dot products of each row of {@code z} into {@code out[b, column + p]}. */
    public static void forward(INDArray z, int features, int dim, INDArray out, int column) {
        int width = features * dim;
        int outWidth = (int) out.size(1);
        int batch = (int) z.size(0);
        Values zv = Values.of(z);
        Values o = Values.of(out);
        for (int b = 0; b < batch; b++) {
            int row = b * width;
            int p = b * outWidth + column;
            for (int i = 0; i < features; i++) {
                for (int j = i + 1; j < features; j++) {
                    double s = 0;
                    int zi = row + i * dim;
                    int zj = row + j * dim;
                    for (int d = 0; d < dim; d++) {
                        s += zv.get(zi + d) * zv.get(zj + d);
                    }
                    o.set(p++, s);
                }
            }
        }
    }

    /** Adds the gradient with respect to {@code z} from {@code gradOut[b, column + p]} into {@code gradZ}. */
    public static void backward(INDArray z, int features, int dim, INDArray gradOut, int column, INDArray gradZ) {
        int width = features * dim;
        int outWidth = (int) gradOut.size(1);
        int batch = (int) z.size(0);
        Values zv = Values.of(z);
        Values g = Values.of(gradOut);
        Values dz = Values.of(gradZ);
        for (int b = 0; b < batch; b++) {
            int row = b * width;
            int p = b * outWidth + column;
            for (int i = 0; i < features; i++) {
                for (int j = i + 1; j < features; j++) {
                    double gp = g.get(p++);
                    if (gp == 0) {
                        continue;
                    }
                    int zi = row + i * dim;
                    int zj = row + j * dim;
                    for (int d = 0; d < dim; d++) {
                        dz.add(zi + d, gp * zv.get(zj + d));
                        dz.add(zj + d, gp * zv.get(zi + d));
                    }
                }
            }
        }
    }
}
