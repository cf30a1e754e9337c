package org.optbench.submissions.baselines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.optbench.api.HyperParameters;
import org.optbench.api.OptimizerState;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.StepContext;
import org.optbench.api.Submission;
import org.optbench.api.WorkloadInfo;
import org.optbench.submissions.ReferenceOptimizers;
import org.optbench.submissions.transform.Optimizer;

/**
 * A built-in submission over one {@link ReferenceOptimizers} entry of the same name: {@code init} builds the
 * optimizer with the workload's step hint, {@code update} puts the training point back (if an evaluation moved
 * it), takes one gradient and steps, {@code prepareForEval} puts the evaluation point in place (Schedule-Free's
 * average; nothing for the others). Its default search space is
 * the resource {@code /org/optbench/submissions/<name>/tuning_search_space.json}.
 */
public abstract class ReferenceSubmission implements Submission {
    private final String name;
    private Optimizer optimizer;

    /** @param name the submission's and the optimizer's name */
    protected ReferenceSubmission(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public OptimizerState init(WorkloadInfo workload, Params params, HyperParameters hyperParameters, Rng rng) {
        optimizer = ReferenceOptimizers.create(name, hyperParameters, workload.stepHint());
        return optimizer.init(params);
    }

    @Override
    public void update(StepContext context) {
        Optimizer.State state = context.state();
        // after prepareForEval the parameters hold the evaluation point; the gradient must be taken at y
        optimizer.restoreAfterEval(context.params(), state);
        optimizer.step(context.params(), context.lossAndGradients().gradients(), state);
    }

    @Override
    public void prepareForEval(StepContext context) {
        Optimizer.State state = context.state();
        optimizer.prepareForEval(context.params(), state);
    }

    @Override
    public Optional<String> searchSpaceJson() {
        String resource = "/org/optbench/submissions/" + name + "/tuning_search_space.json";
        try (InputStream in = ReferenceSubmission.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    /** Hyperparameters from alternating names and values, in order. */
    static HyperParameters point(Object... namesAndValues) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return HyperParameters.of(values);
    }
}
