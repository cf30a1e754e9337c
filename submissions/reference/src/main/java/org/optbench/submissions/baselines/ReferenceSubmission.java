package org.optbench.submissions.baselines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.optbench.api.BadInputException;
import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.HyperParameters;
import org.optbench.api.OptimizerState;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.StepContext;
import org.optbench.api.Submission;
import org.optbench.api.WorkloadInfo;
import org.optbench.submissions.ReferenceOptimizers;
import org.optbench.submissions.selection.TopScoreSelection;
import org.optbench.submissions.transform.Optimizer;

/**
 * A built-in submission over one {@link ReferenceOptimizers} entry of the same name: {@code init} builds the
 * optimizer with the workload's step hint, {@code update} puts the training point back (if an evaluation moved
 * it), takes one gradient and steps, {@code prepareForEval} puts the evaluation point in place (Schedule-Free's
 * average; nothing for the others). {@code selectData} keeps the batch of the highest example scores out of
 * {@value #DATA_SELECTION_POOL} batches' worth of candidates where that is given above 1 and the workload scores
 * its examples ({@link TopScoreSelection}), and takes the stream's next batch otherwise. Its default search space is
 * the resource {@code /org/optbench/submissions/<name>/tuning_search_space.json}.
 */
public abstract class ReferenceSubmission implements Submission {
    /**
     * The optional hyperparameter of every built-in: candidates per batch slot for the baseline data selection
     * ({@link TopScoreSelection}); absent or 1, the stream's batches as they come.
     */
    public static final String DATA_SELECTION_POOL = "data_selection_pool";

    private final String name;
    private Optimizer optimizer;
    private TopScoreSelection selection;

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
        selection = new TopScoreSelection(dataSelectionPool(hyperParameters));
        return optimizer.init(params);
    }

    /** The optional {@value #DATA_SELECTION_POOL}: a whole number from 1 to 1024; 1 when absent. */
    static int dataSelectionPool(HyperParameters hp) {
        int pool = hp.getInt(DATA_SELECTION_POOL, 1);
        if (pool < 1 || pool > 1024) {
            throw new BadInputException("hyperparameter '" + DATA_SELECTION_POOL + "' must be from 1 to 1024, got "
                    + pool);
        }
        return pool;
    }

    /** {@value #DATA_SELECTION_POOL}. */
    @Override
    public Set<String> optionalHyperParameters() {
        return Set.of(DATA_SELECTION_POOL);
    }

    /** Top-k by the workload's example scores from a pool of candidates, or the stream's batches as they come. */
    @Override
    public Batch selectData(BatchStream stream, StepContext context) {
        return selection.select(stream);
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
