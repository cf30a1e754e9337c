package org.optbench.submissions.transform;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;

/**
 * Momentum on the incoming updates {@code d}, buffer {@code b} starting at 0:
 * <pre>
 *   heavy ball (PyTorch SGD, dampening 0):   b &lt;- mu b + d,          out = b
 *   Nesterov   (PyTorch SGD nesterov=True):  b &lt;- mu b + d,          out = d + mu b
 *   EMA heavy ball:                          b &lt;- mu b + (1 - mu) d,  out = b
 *   EMA Nesterov:                            b &lt;- mu b + (1 - mu) d,  out = (1 - mu) d + mu b
 * </pre>
 * PyTorch ({@code torch/optim/sgd.py}) sets {@code b = d} at the first step instead of starting from 0; with
 * dampening 0 that is the same value. The EMA form is Optax's {@code ema} trace and the {@code use_ema_momentum}
 * of Meta's Shampoo. State: {@code b}, shaped like the parameters ({@code n} entries); none when {@code mu = 0}.
 */
public final class Momentum implements ElementwiseLink {
    private final double mu;
    private final boolean nesterov;
    private final boolean ema;

    /**
     * @param mu the momentum, in [0, 1)
     * @param nesterov whether the output looks ahead ({@code d + mu b})
     * @param ema whether the buffer averages ({@code (1 - mu) d}) rather than sums
     */
    public Momentum(double mu, boolean nesterov, boolean ema) {
        if (!(mu >= 0 && mu < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + mu);
        }
        this.mu = mu;
        this.nesterov = nesterov;
        this.ema = ema;
    }

    /**
     * The momentum buffer.
     *
     * @param buffer {@code b}, or {@code null} when {@code mu = 0}
     */
    public record State(Params buffer) implements TransformState {
        /** The bytes of {@code b}. */
        @Override
        public long stateBytes() {
            return Elements.bytes(buffer);
        }
    }

    @Override
    public State init(Params params) {
        return new State(mu == 0 ? null : params.zerosLike());
    }

    @Override
    public void update(Params updates, TransformState state, Params params) {
        Params buffer = ((State) state).buffer();
        if (buffer == null) {
            return;
        }
        double inflow = ema ? 1 - mu : 1;
        for (int p = 0; p < updates.size(); p++) {
            INDArray uArr = updates.value(p);
            INDArray bArr = buffer.value(p);
            int uo = (int) uArr.offset();
            int bo = (int) bArr.offset();
            int n = (int) uArr.length();
            if (Elements.isDouble(uArr)) {
                DoubleBuffer u = Elements.doubles(uArr);
                DoubleBuffer b = Elements.doubles(bArr);
                for (int i = 0; i < n; i++) {
                    double d = u.get(uo + i);
                    double bi = mu * b.get(bo + i) + inflow * d;
                    b.put(bo + i, bi);
                    u.put(uo + i, nesterov ? inflow * d + mu * bi : bi);
                }
            } else {
                FloatBuffer u = Elements.floats(uArr);
                FloatBuffer b = Elements.floats(bArr);
                float[][] scratch = Elements.scratch();
                float[] uc = scratch[0];
                float[] bc = scratch[1];
                float muF = (float) mu;
                float inflowF = (float) inflow;
                for (int start = 0; start < n; start += Elements.CHUNK) {
                    int len = Math.min(Elements.CHUNK, n - start);
                    u.get(uo + start, uc, 0, len);
                    b.get(bo + start, bc, 0, len);
                    chunk(uc, bc, len, muF, inflowF, nesterov);
                    b.put(bo + start, bc, 0, len);
                    u.put(uo + start, uc, 0, len);
                }
            }
        }
    }

    /** The float kernel: {@code b <- mu b + inflow d}, {@code u <- inflow d + mu b} (Nesterov) or {@code b}. */
    private static void chunk(float[] uc, float[] bc, int len, float muF, float inflowF, boolean nesterov) {
        if (nesterov) {
            for (int i = 0; i < len; i++) {
                float d = uc[i];
                float bi = muF * bc[i] + inflowF * d;
                bc[i] = bi;
                uc[i] = inflowF * d + muF * bi;
            }
        } else {
            for (int i = 0; i < len; i++) {
                float bi = muF * bc[i] + inflowF * uc[i];
                bc[i] = bi;
                uc[i] = bi;
            }
        }
    }

    @Override
    public void beginFloat(TransformState state) {
    }

    @Override
    public void chunkFloat(TransformState state, int index, ParameterType type, int start, int len, float[] u,
                           float[] x) {
        Params buffer = ((State) state).buffer();
        if (buffer == null) {
            return;
        }
        INDArray bArr = buffer.value(index);
        FloatBuffer b = Elements.floats(bArr);
        int bo = (int) bArr.offset() + start;
        float[] bc = Elements.scratch()[0];
        b.get(bo, bc, 0, len);
        chunk(u, bc, len, (float) mu, (float) (ema ? 1 - mu : 1), nesterov);
        b.put(bo, bc, 0, len);
    }
}
