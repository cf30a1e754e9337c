package org.optbench.submissions.precondition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;

/**
 * Google {@code distributed_shampoo} steps 3–7 ({@code OPTIMIZERS.md} 4b) on a 3-vector, worked by hand: graft only
 * at step 0 (start_preconditioning_step 1), the Shampoo momentum at step 1, coupled weight decay, Nesterov. Roots
 * are computed at step 0 only (compute steps 100), so the step-1 direction uses R₀ = β2·εI + (1−β2)·g₀g₀ᵀ.
 */
class ShampooDirectionTest {
    private static final double BETA1 = 0.8;
    private static final double BETA2 = 0.9;
    private static final double EPSILON_M = 1e-2;
    private static final double EPSILON_D = 1e-8;
    private static final double DECAY = 0.1;

    @ParameterizedTest
    @CsvSource({"DOUBLE, 1e-12", "FLOAT, 1e-5"})
    void grafThenShampooMomentumWithNesterov(DataType type, double tolerance) {
        double[] x = {1.0, -2.0, 0.5};
        double[][] gradients = {{0.3, -0.4, 1.2}, {-0.5, 0.25, 0.75}};
        ShampooDirection shampoo = new ShampooDirection(new ShampooPreconditioner(BETA2, EPSILON_M, 0, 0, 100),
                BETA1, BETA2, EPSILON_D, DECAY, 1, true);
        Params params = Params.builder().add("v", ParameterType.BIAS, Nd4j.createFromArray(x).castTo(type)).build();
        ShampooDirection.State state = shampoo.init(params);

        double w = 1 - BETA1;
        double[] d = new double[3];
        double[] mom = new double[3];
        double[] dmom = new double[3];
        double[][] root = null;
        for (int step = 0; step < 2; step++) {
            double[] g = gradients[step];
            Params updates = Params.builder().add("v", ParameterType.BIAS, Nd4j.createFromArray(g.clone()).castTo(type))
                    .build();
            shampoo.update(updates, state, params);

            if (step == 0) {
                double[][] column = {{g[0]}, {g[1]}, {g[2]}};
                double[][] r = Dense.combine(BETA2 * EPSILON_M, Dense.identity(3), 1 - BETA2,
                        Dense.multiply(column, Dense.transpose(column)));
                double ridge = EPSILON_M * Dense.maxEigenvalue(r);
                root = Dense.function(r, e -> Math.pow(e + ridge, -0.5));
            }
            double norm = Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
            double[] graft = new double[3];
            double[] pg = new double[3];
            double graftNorm = 0;
            double pgNorm = 0;
            for (int i = 0; i < 3; i++) {
                double gHat = g[i] / (norm + 1e-25);
                d[i] = BETA2 * d[i] + (1 - BETA2) * gHat * gHat;
                graft[i] = gHat / (Math.sqrt(d[i]) + EPSILON_D);
                graftNorm += graft[i] * graft[i];
                for (int j = 0; j < 3; j++) {
                    pg[i] += root[i][j] * g[j];
                }
            }
            for (double v : pg) {
                pgNorm += v * v;
            }
            double multiplier = Math.sqrt(graftNorm) / (Math.sqrt(pgNorm) + 1e-25);
            for (int i = 0; i < 3; i++) {
                double s = pg[i] * multiplier + DECAY * x[i];
                double r = graft[i] + DECAY * x[i];
                mom[i] = BETA1 * mom[i] + w * s;
                dmom[i] = BETA1 * dmom[i] + w * r;
                double expected = step == 0 ? w * r + BETA1 * dmom[i] : w * s + BETA1 * mom[i];
                assertEquals(expected, updates.value(0).getDouble(i), tolerance, "step " + step + " entry " + i);
            }
        }
    }

    /**
     * The float32 path (bulk block copies, sgemm, chunked graft and momentum) against the float64 path checked by
     * hand above, through blocking, root recomputation, the switch from graft to Shampoo, weight decay and a tensor
     * that is not preconditioned: twelve steps of random gradients on a 5x3 matrix in 2x2 blocks, a 4-vector and
     * a scalar-like 1x1 matrix.
     */
    @Test
    void float32FollowsFloat64() {
        long[][] shapes = {{5, 3}, {4}, {1, 1}};
        ShampooDirection shampoo = new ShampooDirection(new ShampooPreconditioner(BETA2, EPSILON_M, 2, 0, 3),
                BETA1, BETA2, EPSILON_D, DECAY, 4, true);
        java.util.Random random = new java.util.Random(3);
        Params.Builder doubles = Params.builder();
        for (int i = 0; i < shapes.length; i++) {
            org.nd4j.linalg.api.ndarray.INDArray x = Nd4j.zeros(DataType.DOUBLE, shapes[i]);
            for (int k = 0; k < x.length(); k++) {
                x.putScalar(k, (float) random.nextGaussian());
            }
            doubles.add("p" + i, ParameterType.WEIGHT, x);
        }
        Params xd = doubles.build();
        Params.Builder floats = Params.builder();
        for (int i = 0; i < shapes.length; i++) {
            floats.add("p" + i, ParameterType.WEIGHT, xd.value(i).castTo(DataType.FLOAT));
        }
        Params xf = floats.build();
        ShampooDirection.State sd = shampoo.init(xd);
        ShampooDirection.State sf = shampoo.init(xf);
        assertEquals(sd.stateBytes() / 2, sf.stateBytes());
        for (int step = 0; step < 12; step++) {
            Params gd = xd.zerosLike();
            for (int i = 0; i < gd.size(); i++) {
                for (int k = 0; k < gd.value(i).length(); k++) {
                    gd.value(i).putScalar(k, (float) random.nextGaussian());
                }
            }
            Params gf = xf.zerosLike();
            for (int i = 0; i < gf.size(); i++) {
                gf.value(i).assign(gd.value(i).castTo(DataType.FLOAT));
            }
            shampoo.update(gd, sd, xd);
            shampoo.update(gf, sf, xf);
            for (int i = 0; i < gd.size(); i++) {
                for (int k = 0; k < gd.value(i).length(); k++) {
                    double expected = gd.value(i).getDouble(k);
                    assertEquals(expected, gf.value(i).getDouble(k), 1e-4 * Math.max(1, Math.abs(expected)),
                            "step " + step + " tensor " + i + " entry " + k);
                }
            }
        }
    }
}
