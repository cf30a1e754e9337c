package org.optbench.workloads.lm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.workloads.layers.CausalSelfAttention;
import org.optbench.workloads.layers.Dense;
import org.optbench.workloads.layers.Embedding;
import org.optbench.workloads.layers.FlatArray;
import org.optbench.workloads.layers.MixedSoftmaxCrossEntropy;
import org.optbench.workloads.layers.SparseSoftmaxCrossEntropy;
import org.optbench.workloads.layers.LayerNorm;
import org.optbench.workloads.layers.Values;

/**
 * A {@link TransformerLm} at one batch size ({@code batch} sequences of the model's context, {@code N = batch *
 * context} token rows), with every activation, attention and gradient buffer allocated once here; {@link
 * #lossAndGradients} allocates no arrays. Not thread-safe; the gradient tensors are reused by the next call.
 *
 * <p>Forward: {@code x_0 = E_tok[ids] + E_pos[t]}; per block (pre-LN) {@code m = x + attn(LN1(x)) W_o + b_o},
 * {@code x' = m + f(LN2(m) W_1 + b_1) W_2 + b_2}, or (post-LN) {@code m = LN1(x + attn(x) W_o + b_o)},
 * {@code x' = LN2(m + f(m W_1 + b_1) W_2 + b_2)}; then {@code logits = LN_f(x_L) W_head + b_head} and the mean
 * softmax cross-entropy of the next symbols over all {@code N} positions. The backward pass runs the same steps in
 * reverse with each layer's explicit gradient; the residual stream's gradient is accumulated in place.
 */
public final class TransformerNetwork implements AutoCloseable {
    private final TransformerLm lm;
    private final int batch;
    private final int rows;
    private final DataType dataType;
    private final int[] tokens;
    private final int[] positions;
    private final int[] targets;
    /** stream[i]: the residual stream entering block i; stream[layers] leaves the last block. */
    private final INDArray[] stream;
    private final INDArray[] norm1;
    private final INDArray[] xhat1;
    private final double[][] rstd1;
    private final INDArray[] qkv;
    private final CausalSelfAttention[] attention;
    private final INDArray[] context;
    private final INDArray[] attended;
    private final INDArray[] middle;
    private final INDArray[] norm2;
    private final INDArray[] xhat2;
    private final double[][] rstd2;
    private final INDArray[] hiddenIn;
    private final INDArray[] hiddenOut;
    private final INDArray[] mlpOut;
    private final INDArray[] sum2;
    private final INDArray finalNorm;
    private final INDArray finalXhat;
    private final double[] finalRstd;
    private final INDArray logits;
    private final INDArray gradLogits;
    private final INDArray gradStream;
    private final INDArray gradA;
    private final INDArray gradB;
    private final INDArray gradHidden;
    private final INDArray gradQkv;
    private final INDArray gradContext;
    private final Params gradients;

    /** Buffers for {@code lm} at {@code batch} sequences in {@code dataType}. */
    public TransformerNetwork(TransformerLm lm, int batch, DataType dataType) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batch);
        }
        this.lm = lm;
        this.batch = batch;
        this.rows = batch * lm.context();
        this.dataType = dataType;
        int d = lm.width();
        int layers = lm.layers();
        tokens = new int[rows];
        positions = new int[rows];
        targets = new int[rows];
        for (int n = 0; n < rows; n++) {
            positions[n] = n % lm.context();
        }
        stream = new INDArray[layers + 1];
        for (int i = 0; i <= layers; i++) {
            stream[i] = zeros(d);
        }
        norm1 = new INDArray[layers];
        xhat1 = new INDArray[layers];
        rstd1 = new double[layers][];
        qkv = new INDArray[layers];
        attention = new CausalSelfAttention[layers];
        context = new INDArray[layers];
        attended = new INDArray[layers];
        middle = new INDArray[layers];
        norm2 = new INDArray[layers];
        xhat2 = new INDArray[layers];
        rstd2 = new double[layers][];
        hiddenIn = new INDArray[layers];
        hiddenOut = new INDArray[layers];
        mlpOut = new INDArray[layers];
        sum2 = new INDArray[layers];
        double scale = 1.0 / Math.sqrt((double) d / lm.heads());
        for (int i = 0; i < layers; i++) {
            norm1[i] = zeros(d);
            xhat1[i] = zeros(d);
            rstd1[i] = new double[rows];
            qkv[i] = zeros(3 * d);
            attention[i] = new CausalSelfAttention(batch, lm.context(), d, lm.heads(), scale, dataType);
            context[i] = zeros(d);
            attended[i] = zeros(d);
            middle[i] = zeros(d);
            norm2[i] = zeros(d);
            xhat2[i] = zeros(d);
            rstd2[i] = new double[rows];
            hiddenIn[i] = zeros(lm.hidden());
            hiddenOut[i] = zeros(lm.hidden());
            mlpOut[i] = zeros(d);
            sum2[i] = zeros(d);
        }
        finalNorm = zeros(d);
        finalXhat = zeros(d);
        finalRstd = new double[rows];
        logits = zeros(lm.vocabulary());
        gradLogits = zeros(lm.vocabulary());
        gradStream = zeros(d);
        gradA = zeros(d);
        gradB = zeros(d);
        gradHidden = zeros(lm.hidden());
        gradQkv = zeros(3 * d);
        gradContext = zeros(d);
        gradients = lm.zeros(dataType);
    }

    private INDArray zeros(int columns) {
        return Nd4j.zeros(dataType, rows, columns);
    }

    /** The number of sequences these buffers are for. */
    public int batchSize() {
        return batch;
    }

    /**
     * The forward pass on symbol ids {@code inputs [batch, context]} (integral values in the network's type);
     * returns the logits buffer {@code [batch * context, vocabulary]}, row {@code b * context + t}, valid until the
     * next call.
     */
    public INDArray forward(Params params, INDArray inputs) {
        readIds(inputs, tokens, "inputs");
        checkParams(params);
        Embedding.lookup(params.value(0), tokens, stream[0], 0);
        Embedding.lookupAdd(params.value(1), positions, stream[0], 0);
        for (int i = 0; i < lm.layers(); i++) {
            block(params, i);
        }
        int f = lm.finalBase();
        LayerNorm.forward(stream[lm.layers()], params.value(f), params.value(f + 1), finalXhat, finalRstd, finalNorm);
        Dense.forward(finalNorm, params.value(f + 2), params.value(f + 3), logits);
        return logits;
    }

    private void block(Params params, int i) {
        int p = TransformerLm.blockBase(i);
        INDArray x = stream[i];
        if (lm.norm() == NormPlacement.PRE) {
            LayerNorm.forward(x, params.value(p), params.value(p + 1), xhat1[i], rstd1[i], norm1[i]);
            Dense.forward(norm1[i], params.value(p + 2), params.value(p + 3), qkv[i]);
            attention[i].forward(qkv[i], context[i]);
            Dense.forward(context[i], params.value(p + 4), params.value(p + 5), attended[i]);
            sum(x, attended[i], middle[i]);
            LayerNorm.forward(middle[i], params.value(p + 6), params.value(p + 7), xhat2[i], rstd2[i], norm2[i]);
            Dense.forward(norm2[i], params.value(p + 8), params.value(p + 9), hiddenIn[i]);
            lm.activation().forward(hiddenIn[i], hiddenOut[i]);
            Dense.forward(hiddenOut[i], params.value(p + 10), params.value(p + 11), mlpOut[i]);
            sum(middle[i], mlpOut[i], stream[i + 1]);
        } else {
            Dense.forward(x, params.value(p + 2), params.value(p + 3), qkv[i]);
            attention[i].forward(qkv[i], context[i]);
            Dense.forward(context[i], params.value(p + 4), params.value(p + 5), attended[i]);
            sum(x, attended[i], middle[i]);
            LayerNorm.forward(middle[i], params.value(p), params.value(p + 1), xhat1[i], rstd1[i], norm1[i]);
            Dense.forward(norm1[i], params.value(p + 8), params.value(p + 9), hiddenIn[i]);
            lm.activation().forward(hiddenIn[i], hiddenOut[i]);
            Dense.forward(hiddenOut[i], params.value(p + 10), params.value(p + 11), mlpOut[i]);
            sum(norm1[i], mlpOut[i], sum2[i]);
            LayerNorm.forward(sum2[i], params.value(p + 6), params.value(p + 7), xhat2[i], rstd2[i], stream[i + 1]);
        }
    }

    /** The summed (not mean) cross-entropy over all {@code batch * context} next-symbol predictions. */
    public double summedLoss(Params params, INDArray inputs, INDArray targetIds) {
        forward(params, inputs);
        readIds(targetIds, targets, "targets");
        return SparseSoftmaxCrossEntropy.summedLoss(logits, targets);
    }

    /** The mean cross-entropy per predicted symbol and its gradient (the mean over all predictions). */
    public LossAndGradients lossAndGradients(Params params, INDArray inputs, INDArray targetIds) {
        forward(params, inputs);
        readIds(targetIds, targets, "targets");
        return backward(params, SparseSoftmaxCrossEntropy.lossAndGradient(logits, targets, gradLogits));
    }

    /**
     * The mean of {@code (1 - weight)} cross-entropy and {@code weight} KL divergence to {@code soft} (row-major
     * {@code [batch * context, vocabulary]}, one distribution per prediction), and its gradient
     * ({@link MixedSoftmaxCrossEntropy}); weight 0 is {@link #lossAndGradients(Params, INDArray, INDArray)} exactly.
     */
    public LossAndGradients lossAndGradients(Params params, INDArray inputs, INDArray targetIds, double[] soft,
                                             double weight) {
        forward(params, inputs);
        readIds(targetIds, targets, "targets");
        return backward(params, MixedSoftmaxCrossEntropy.lossAndGradient(logits, targets, soft, weight, gradLogits));
    }

    /** Back from dL/dlogits (in gradLogits) to every parameter's gradient. */
    private LossAndGradients backward(Params params, double loss) {
        int f = lm.finalBase();
        Dense.backward(finalNorm, params.value(f + 2), gradLogits, gradients.value(f + 2), gradients.value(f + 3),
                gradA);
        LayerNorm.backward(finalXhat, finalRstd, params.value(f), gradA, gradients.value(f),
                gradients.value(f + 1), gradStream);
        for (int i = lm.layers() - 1; i >= 0; i--) {
            if (lm.norm() == NormPlacement.PRE) {
                preNormBlockBackward(params, i);
            } else {
                postNormBlockBackward(params, i);
            }
        }
        Embedding.backward(gradStream, 0, tokens, gradients.value(0));
        Embedding.backward(gradStream, 0, positions, gradients.value(1));
        return new LossAndGradients(loss, gradients);
    }

    /** gradStream holds dL/dx_{i+1} on entry and dL/dx_i on exit. */
    private void preNormBlockBackward(Params params, int i) {
        int p = TransformerLm.blockBase(i);
        Dense.backward(hiddenOut[i], params.value(p + 10), gradStream, gradients.value(p + 10),
                gradients.value(p + 11), gradHidden);
        lm.activation().backwardInPlace(hiddenIn[i], gradHidden);
        Dense.backward(norm2[i], params.value(p + 8), gradHidden, gradients.value(p + 8), gradients.value(p + 9),
                gradA);
        LayerNorm.backward(xhat2[i], rstd2[i], params.value(p + 6), gradA, gradients.value(p + 6),
                gradients.value(p + 7), gradB);
        addInPlace(gradStream, gradB); // dL/dm
        Dense.backward(context[i], params.value(p + 4), gradStream, gradients.value(p + 4), gradients.value(p + 5),
                gradContext);
        attention[i].backward(gradContext, gradQkv);
        Dense.backward(norm1[i], params.value(p + 2), gradQkv, gradients.value(p + 2), gradients.value(p + 3),
                gradA);
        LayerNorm.backward(xhat1[i], rstd1[i], params.value(p), gradA, gradients.value(p),
                gradients.value(p + 1), gradB);
        addInPlace(gradStream, gradB); // dL/dx
    }

    /** gradStream holds dL/dx_{i+1} on entry and dL/dx_i on exit. */
    private void postNormBlockBackward(Params params, int i) {
        int p = TransformerLm.blockBase(i);
        LayerNorm.backward(xhat2[i], rstd2[i], params.value(p + 6), gradStream, gradients.value(p + 6),
                gradients.value(p + 7), gradB); // dL/d(m + mlp(m))
        Dense.backward(hiddenOut[i], params.value(p + 10), gradB, gradients.value(p + 10), gradients.value(p + 11),
                gradHidden);
        lm.activation().backwardInPlace(hiddenIn[i], gradHidden);
        Dense.backward(norm1[i], params.value(p + 8), gradHidden, gradients.value(p + 8), gradients.value(p + 9),
                gradA);
        addInPlace(gradB, gradA); // dL/dm
        LayerNorm.backward(xhat1[i], rstd1[i], params.value(p), gradB, gradients.value(p),
                gradients.value(p + 1), gradStream); // dL/d(x + attn(x))
        Dense.backward(context[i], params.value(p + 4), gradStream, gradients.value(p + 4), gradients.value(p + 5),
                gradContext);
        attention[i].backward(gradContext, gradQkv);
        Dense.backward(stream[i], params.value(p + 2), gradQkv, gradients.value(p + 2), gradients.value(p + 3),
                gradA);
        addInPlace(gradStream, gradA); // dL/dx
    }

    private static void sum(INDArray a, INDArray b, INDArray out) {
        Values.sum(a, b, out);
    }

    private static void addInPlace(INDArray target, INDArray addend) {
        Values.sum(target, addend, target);
    }

    private void readIds(INDArray ids, int[] out, String what) {
        if (ids.length() != rows || ids.size(0) != batch) {
            throw new IllegalArgumentException("this network has buffers for " + batch + " sequences of "
                    + lm.context() + ", got " + what + " of shape " + java.util.Arrays.toString(ids.shape()));
        }
        FlatArray v = FlatArray.of(ids);
        for (int n = 0; n < rows; n++) {
            out[n] = (int) v.get(n);
        }
    }

    private void checkParams(Params params) {
        if (params.dataType() != dataType) {
            throw new IllegalArgumentException("this network is " + dataType + ", got params " + params.dataType());
        }
    }

    @Override
    public void close() {
        for (CausalSelfAttention a : attention) {
            a.close();
        }
    }
}
