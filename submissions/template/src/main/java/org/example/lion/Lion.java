package org.example.lion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.api.BadInputException;
import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.Candidates;
import org.optbench.api.HyperParameters;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.StepContext;
import org.optbench.api.Submission;
import org.optbench.api.WorkloadInfo;

/**
 * Lion, "EvoLved Sign Momentum" (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms", Algorithm 2),
 * with a linear warm-up and cosine decay of the learning rate over the workload's step hint. For each parameter
 * {@code theta} with gradient {@code g} and momentum {@code m}:
 * <pre>
 *   c     = beta1 * m + (1 - beta1) * g              (interpolate momentum and gradient)
 *   theta = theta - lr_t * (sign(c) + lambda * theta)  (sign update, decoupled weight decay)
 *   m     = beta2 * m + (1 - beta2) * g              (then update the momentum)
 * </pre>
 * Weight decay applies to weight matrices, convolution kernels and embeddings, not to biases or norm parameters.
 * The step walks the data buffers directly and allocates nothing.
 *
 * <p>Hyperparameters: {@code learning_rate}, {@code one_minus_beta1}, {@code beta2}, {@code weight_decay},
 * {@code warmup_factor} (the warm-up's share of the step hint); optional {@code data_selection_pool} (1 when absent)
 * for {@link #selectData}.
 */
public final class Lion implements Submission {
    /** Candidates per batch slot for {@link #selectData}; 1 takes the stream's batches as they come. */
    private int pool = 1;
    /** Candidate indices, reordered in place each step so that the first ones are the highest scored. */
    private int[] order;
    /** The chosen candidates, handed to {@link Candidates#select}. */
    private int[] chosen;

    /** A public no-argument constructor: optbench makes one instance per trial. */
    public Lion() {
    }

    @Override
    public String name() {
        return "lion";
    }

    @Override
    public LionState init(WorkloadInfo workload, Params params, HyperParameters hp, Rng rng) {
        long stepHint = Math.max(1, workload.stepHint());
        long warmup = (long) Math.ceil(hp.getDouble("warmup_factor") * stepHint);
        pool = hp.getInt("data_selection_pool", 1);
        if (pool < 1) {
            throw new BadInputException("data_selection_pool must be at least 1, got " + pool);
        }
        return new LionState(params.zerosLike(), hp.getDouble("learning_rate"), 1 - hp.getDouble("one_minus_beta1"),
                hp.getDouble("beta2"), hp.getDouble("weight_decay"), warmup, stepHint);
    }

    /**
     * The data-selection hook. Where the workload scores its examples ({@code sotu_lm_slm}: its small language
     * model's loss on each window), draw {@code data_selection_pool} batches' worth of candidates and train on the
     * batch of the highest scores, the examples the small model finds hardest. Anywhere else, or with a pool of 1,
     * the stream's next batch, as the default hook.
     */
    @Override
    public Batch selectData(BatchStream stream, StepContext context) {
        if (pool == 1 || !stream.scoresExamples()) {
            return stream.next();
        }
        int k = stream.batchSize();
        Candidates candidates = stream.candidates(pool * k);
        if (order == null || order.length != candidates.size()) {
            order = new int[candidates.size()];
            chosen = new int[k];
        }
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // A partial selection sort: after pass r, order[0..r] hold the r + 1 highest scores.
        for (int r = 0; r < k; r++) {
            int best = r;
            for (int i = r + 1; i < order.length; i++) {
                if (candidates.score(order[i]) > candidates.score(order[best])) {
                    best = i;
                }
            }
            int swap = order[r];
            order[r] = order[best];
            order[best] = swap;
            chosen[r] = order[r];
        }
        return candidates.select(chosen);
    }

    @Override
    public void update(StepContext context) {
        LionState s = context.state();
        Params gradients = context.lossAndGradients().gradients();
        Params params = context.params();
        double lr = s.learningRate() * schedule(context.step(), s.warmupSteps(), s.decaySteps());
        for (int i = 0; i < params.size(); i++) {
            double decay = decays(params.get(i).type()) ? 1 - lr * s.weightDecay() : 1;
            INDArray theta = params.value(i);
            INDArray g = gradients.value(i);
            INDArray m = s.momentum().value(i);
            if (theta.dataType() == DataType.DOUBLE) {
                stepDouble(theta, g, m, lr, decay, s.beta1(), s.beta2());
            } else {
                stepFloat(theta, g, m, lr, decay, s.beta1(), s.beta2());
            }
        }
    }

    /** Linear warm-up from 0 to 1 over {@code warmup} steps, then cosine decay to 0 at {@code decaySteps}. */
    static double schedule(long step, long warmup, long decaySteps) {
        if (step < warmup) {
            return (step + 1) / (double) warmup;
        }
        if (step >= decaySteps) {
            return 0;
        }
        double progress = (step - warmup) / (double) Math.max(1, decaySteps - warmup);
        return 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    private static boolean decays(ParameterType type) {
        return type == ParameterType.WEIGHT || type == ParameterType.CONV_WEIGHT || type == ParameterType.EMBEDDING;
    }

    private static void stepFloat(INDArray theta, INDArray g, INDArray m, double lr, double decay, double beta1,
                                  double beta2) {
        FloatBuffer t = theta.data().asNioFloat();
        FloatBuffer gb = g.data().asNioFloat();
        FloatBuffer mb = m.data().asNioFloat();
        int to = (int) theta.offset();
        int go = (int) g.offset();
        int mo = (int) m.offset();
        for (int k = 0, n = (int) theta.length(); k < n; k++) {
            double gk = gb.get(go + k);
            double mk = mb.get(mo + k);
            double c = beta1 * mk + (1 - beta1) * gk;
            t.put(to + k, (float) (decay * t.get(to + k) - lr * Math.signum(c)));
            mb.put(mo + k, (float) (beta2 * mk + (1 - beta2) * gk));
        }
    }

    private static void stepDouble(INDArray theta, INDArray g, INDArray m, double lr, double decay, double beta1,
                                   double beta2) {
        DoubleBuffer t = theta.data().asNioDouble();
        DoubleBuffer gb = g.data().asNioDouble();
        DoubleBuffer mb = m.data().asNioDouble();
        int to = (int) theta.offset();
        int go = (int) g.offset();
        int mo = (int) m.offset();
        for (int k = 0, n = (int) theta.length(); k < n; k++) {
            double gk = gb.get(go + k);
            double mk = mb.get(mo + k);
            double c = beta1 * mk + (1 - beta1) * gk;
            t.put(to + k, decay * t.get(to + k) - lr * Math.signum(c));
            mb.put(mo + k, beta2 * mk + (1 - beta2) * gk);
        }
    }

    /** The hyperparameter {@link #selectData} reads, which the default point leaves out (1 when absent). */
    @Override
    public Set<String> optionalHyperParameters() {
        return Set.of("data_selection_pool");
    }

    /** Lion's suggested defaults (beta1 0.9, beta2 0.99), a learning rate and decay for small models. */
    @Override
    public HyperParameters defaultHyperParameters() {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("learning_rate", 1e-3);
        point.put("one_minus_beta1", 0.1);
        point.put("beta2", 0.99);
        point.put("weight_decay", 0.1);
        point.put("warmup_factor", 0.05);
        return HyperParameters.of(point);
    }

    /** The external-tuning search space, from {@code tuning_search_space.json} beside this class. */
    @Override
    public Optional<String> searchSpaceJson() {
        try (InputStream in = Lion.class.getResourceAsStream("tuning_search_space.json")) {
            if (in == null) {
                throw new IllegalStateException("tuning_search_space.json is missing from the jar");
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
