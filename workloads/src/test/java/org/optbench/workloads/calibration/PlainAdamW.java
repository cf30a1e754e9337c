package org.optbench.workloads.calibration;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.api.Params;

/**
 * A plain AdamW with PyTorch's semantics, for calibrating targets and for training tests (the reference
 * optimizers live in another module). Per step {@code t = 1, 2, ...} and learning rate {@code lr_t}:
 * <pre>
 *   m = b1 m + (1 - b1) g,   v = b2 v + (1 - b2) g^2
 *   p = p - lr_t wd p                                         (decoupled weight decay, all parameters)
 *   p = p - lr_t (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
 * </pre>
 * The schedule is a linear warm-up over {@code warmupSteps}, then a cosine decay to zero at {@code totalSteps}.
 */
public final class PlainAdamW {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final long warmupSteps;
    private final long totalSteps;
    private final Params m;
    private final Params v;
    private long t;

    public PlainAdamW(Params params, double lr, double beta1, double beta2, double eps, double weightDecay,
                      long warmupSteps, long totalSteps) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.warmupSteps = warmupSteps;
        this.totalSteps = totalSteps;
        this.m = params.zerosLike();
        this.v = params.zerosLike();
    }

    /** The learning rate of step {@code step} (0-based). */
    public double learningRate(long step) {
        if (step < warmupSteps) {
            return lr * (step + 1) / warmupSteps;
        }
        double progress = Math.min(1.0, (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps));
        return lr * 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    /** One update of {@code params} in place from {@code grads}. */
    public void step(Params params, Params grads) {
        double rate = learningRate(t);
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = Math.sqrt(1 - Math.pow(beta2, t));
        double decay = 1 - rate * weightDecay;
        for (int i = 0; i < params.size(); i++) {
            update(params.value(i), grads.value(i), m.value(i), v.value(i), rate, c1, c2, decay);
        }
    }

    private void update(INDArray p, INDArray g, INDArray mi, INDArray vi, double rate, double c1, double c2,
                        double decay) {
        int n = (int) p.length();
        int po = (int) p.offset();
        int go = (int) g.offset();
        int mo = (int) mi.offset();
        int vo = (int) vi.offset();
        if (p.dataType() == DataType.FLOAT) {
            FloatBuffer pb = p.data().asNioFloat();
            FloatBuffer gb = g.data().asNioFloat();
            FloatBuffer mb = mi.data().asNioFloat();
            FloatBuffer vb = vi.data().asNioFloat();
            float b1 = (float) beta1;
            float b2 = (float) beta2;
            float step = (float) (rate / c1);
            float ic2 = (float) (1 / c2);
            float e = (float) eps;
            float dec = (float) decay;
            for (int j = 0; j < n; j++) {
                float gj = gb.get(go + j);
                float mj = b1 * mb.get(mo + j) + (1 - b1) * gj;
                float vj = b2 * vb.get(vo + j) + (1 - b2) * gj * gj;
                mb.put(mo + j, mj);
                vb.put(vo + j, vj);
                float pj = pb.get(po + j) * dec;
                pb.put(po + j, pj - step * mj / ((float) Math.sqrt(vj) * ic2 + e));
            }
        } else {
            DoubleBuffer pb = p.data().asNioDouble();
            DoubleBuffer gb = g.data().asNioDouble();
            DoubleBuffer mb = mi.data().asNioDouble();
            DoubleBuffer vb = vi.data().asNioDouble();
            for (int j = 0; j < n; j++) {
                double gj = gb.get(go + j);
                double mj = beta1 * mb.get(mo + j) + (1 - beta1) * gj;
                double vj = beta2 * vb.get(vo + j) + (1 - beta2) * gj * gj;
                mb.put(mo + j, mj);
                vb.put(vo + j, vj);
                double pj = pb.get(po + j) * decay;
                pb.put(po + j, pj - rate / c1 * mj / (Math.sqrt(vj) / c2 + eps));
            }
        }
    }
}
