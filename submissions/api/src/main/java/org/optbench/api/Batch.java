package org.optbench.api;

import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One minibatch: named arrays (at least {@code "inputs"} and {@code "targets"}; a workload may add more, such as
 * a graph's edges) and the number of examples. A submission passes batches on without looking inside; it may
 * reorder or pick them. A batch handed out by a {@link BatchStream} may reuse its arrays on the stream's next call:
 * copy what must outlive the step.
 *
 * @param arrays the arrays by name
 * @param size the number of examples
 */
public record Batch(Map<String, INDArray> arrays, int size) {
    /** The name of the input array. */
    public static final String INPUTS = "inputs";
    /** The name of the target array. */
    public static final String TARGETS = "targets";

    /** Copies the map so the record stays immutable. */
    public Batch {
        arrays = Map.copyOf(arrays);
    }

    /** A batch of inputs and targets. */
    public static Batch of(INDArray inputs, INDArray targets) {
        return new Batch(Map.of(INPUTS, inputs, TARGETS, targets), (int) inputs.size(0));
    }

    /** The inputs. */
    public INDArray inputs() {
        return get(INPUTS);
    }

    /** The targets. */
    public INDArray targets() {
        return get(TARGETS);
    }

    /** The array of this name. */
    public INDArray get(String name) {
        INDArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("batch has no array '" + name + "'; has " + arrays.keySet());
        }
        return a;
    }
}
