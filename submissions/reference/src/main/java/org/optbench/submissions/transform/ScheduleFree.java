package org.optbench.submissions.transform;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.api.Params;

/**
 * Schedule-Free averaging around a base step (Defazio, Yang, Mehta, Mishchenko, Khaled and Cutkosky, "The Road
 * Less Scheduled", NeurIPS 2024; facebookresearch/schedule_free {@code schedulefree/adamw_schedulefree_reference.py};
 * the same wrapping as Optax's {@code contrib.schedule_free}). The parameters hold {@code y}, where gradients are
 * taken; the state holds {@code z} (the base iterate) and {@code x} (the average, to evaluate on), both starting at
 * the initial parameters. At the update with 0-based index {@code k}, with {@code lr = schedule(k)}:
 * <pre>
 *   dz = base(g)                                   (for AdamW: -lr (g / (sqrt(v / (1 - b2^(k+1))) + eps) + lambda y))
 *   lr_max = max(lr_max, lr)
 *   w = (k + 1)^r * lr_max^weightLrPower,  W &lt;- W + w,  c = w / W   (c = 0 while W = 0)
 *   z &lt;- z + dz
 *   x &lt;- (1 - c) x + c z
 *   y &lt;- b1 x + (1 - b1) z                        (the chain outputs y_new - y, added to the parameters)
 * </pre>
 * {@link #toEvaluation} puts {@code x} into the parameters; {@link #toTraining} puts back
 * {@code y = b1 x + (1 - b1) z}. The base must read the learning rate from the same schedule.
 *
 * <p>State: {@code z} and {@code x} shaped like the parameters ({@code 2n}, the reference form; the memory-saving
 * form rebuilds {@code x} from {@code y} and {@code z}), the base's state, and the scalars {@code k},
 * {@code lr_max}, {@code W}.
 */
public final class ScheduleFree implements GradientTransformation, EvaluationSwap {
    private final GradientTransformation base;
    private final Schedule schedule;
    private final double b1;
    private final double r;
    private final double weightLrPower;

    /**
     * @param base the step on {@code z}, including its learning rate (sign: the change to add)
     * @param schedule the learning rate the base uses, by 0-based update index, for the averaging weights
     * @param b1 the interpolation between {@code x} and {@code z}, in [0, 1)
     * @param r the power of {@code (k + 1)} in the averaging weight, at least 0
     * @param weightLrPower the power of {@code lr_max} in the averaging weight, at least 0
     */
    public ScheduleFree(GradientTransformation base, Schedule schedule, double b1, double r, double weightLrPower) {
        if (!(b1 >= 0 && b1 < 1) || !(r >= 0) || !(weightLrPower >= 0)) {
            throw new IllegalArgumentException("need 0 <= b1 < 1, r >= 0, weightLrPower >= 0; got b1=" + b1 + " r="
                    + r + " weightLrPower=" + weightLrPower);
        }
        this.base = base;
        this.schedule = schedule;
        this.b1 = b1;
        this.r = r;
        this.weightLrPower = weightLrPower;
    }

    /** The iterates, the base's state and the averaging scalars. */
    public static final class State implements TransformState {
        private final TransformState base;
        private final Params z;
        private final Params x;
        private long count;
        private double lrMax;
        private double weightSum;
        private boolean evaluating;

        State(TransformState base, Params z, Params x) {
            this.base = base;
            this.z = z;
            this.x = x;
        }

        /** The base iterate {@code z}. */
        public Params z() {
            return z;
        }

        /** The averaged iterate {@code x}, the one to evaluate. */
        public Params x() {
            return x;
        }

        /** The number of updates done. */
        public long count() {
            return count;
        }

        /** Whether the parameters hold {@code x} (after {@link ScheduleFree#toEvaluation}). */
        public boolean evaluating() {
            return evaluating;
        }

        /** {@code z}, {@code x} and the base's tensors (the scalars are not counted). */
        @Override
        public long stateBytes() {
            return Elements.bytes(z) + Elements.bytes(x) + base.stateBytes();
        }
    }

    @Override
    public State init(Params params) {
        return new State(base.init(params), params.copy(), params.copy());
    }

    @Override
    public void update(Params updates, TransformState state, Params params) {
        State s = (State) state;
        if (s.evaluating) {
            throw new IllegalStateException("schedule-free update while the parameters hold the averaged iterate; "
                    + "call toTraining first");
        }
        base.update(updates, s.base, params);
        double lr = schedule.at(s.count);
        s.lrMax = Math.max(s.lrMax, lr);
        double weight = Math.pow(s.count + 1, r) * Math.pow(s.lrMax, weightLrPower);
        s.weightSum += weight;
        double c = s.weightSum > 0 ? weight / s.weightSum : 0;
        s.count++;
        for (int p = 0; p < updates.size(); p++) {
            average(updates.value(p), s.z.value(p), s.x.value(p), params.value(p), c);
        }
    }

    /** z += dz; x = (1-c) x + c z; out = (b1 x + (1-b1) z) - y, with dz arriving in, and out leaving, {@code u}. */
    private void average(INDArray uArr, INDArray zArr, INDArray xArr, INDArray yArr, double c) {
        int uo = (int) uArr.offset();
        int zo = (int) zArr.offset();
        int xo = (int) xArr.offset();
        int yo = (int) yArr.offset();
        int n = (int) uArr.length();
        if (Elements.isDouble(uArr)) {
            DoubleBuffer u = Elements.doubles(uArr);
            DoubleBuffer z = Elements.doubles(zArr);
            DoubleBuffer x = Elements.doubles(xArr);
            DoubleBuffer y = Elements.doubles(yArr);
            for (int i = 0; i < n; i++) {
                double zi = z.get(zo + i) + u.get(uo + i);
                double xi = (1 - c) * x.get(xo + i) + c * zi;
                z.put(zo + i, zi);
                x.put(xo + i, xi);
                u.put(uo + i, b1 * xi + (1 - b1) * zi - y.get(yo + i));
            }
        } else {
            FloatBuffer u = Elements.floats(uArr);
            FloatBuffer z = Elements.floats(zArr);
            FloatBuffer x = Elements.floats(xArr);
            FloatBuffer y = Elements.floats(yArr);
            float[][] scratch = Elements.scratch();
            float[] uc = scratch[0];
            float[] zc = scratch[1];
            float[] xc = scratch[2];
            float[] yc = scratch[3];
            float cF = (float) c;
            float oneMinusC = (float) (1 - c);
            float b1F = (float) b1;
            float oneMinusB1 = (float) (1 - b1);
            for (int start = 0; start < n; start += Elements.CHUNK) {
                int len = Math.min(Elements.CHUNK, n - start);
                u.get(uo + start, uc, 0, len);
                z.get(zo + start, zc, 0, len);
                x.get(xo + start, xc, 0, len);
                y.get(yo + start, yc, 0, len);
                for (int i = 0; i < len; i++) {
                    float zi = zc[i] + uc[i];
                    float xi = oneMinusC * xc[i] + cF * zi;
                    zc[i] = zi;
                    xc[i] = xi;
                    uc[i] = b1F * xi + oneMinusB1 * zi - yc[i];
                }
                z.put(zo + start, zc, 0, len);
                x.put(xo + start, xc, 0, len);
                u.put(uo + start, uc, 0, len);
            }
        }
    }

    @Override
    public void toEvaluation(Params params, TransformState state) {
        State s = (State) state;
        if (s.evaluating) {
            return;
        }
        for (int p = 0; p < params.size(); p++) {
            Elements.copy(s.x.value(p), params.value(p));
        }
        s.evaluating = true;
    }

    @Override
    public void toTraining(Params params, TransformState state) {
        State s = (State) state;
        if (!s.evaluating) {
            return;
        }
        for (int p = 0; p < params.size(); p++) {
            Elements.combine(params.value(p), b1, s.x.value(p), 1 - b1, s.z.value(p));
        }
        s.evaluating = false;
    }
}
