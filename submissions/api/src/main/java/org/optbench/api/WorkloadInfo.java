package org.optbench.api;

import java.util.List;

/**
 * What a submission may know about the workload it trains: the shapes and types of the parameters, the loss, the
 * step hint and the size of the training set. Not its name, data or targets.
 *
 * @param parameters the parameter tensors' names, types and shapes, in the order of {@link Params}
 * @param lossType the training loss
 * @param stepHint AlgoPerf's step hint: about how many steps the baseline takes; schedules are laid out over it
 * @param trainExamples the number of examples in the training split
 */
public record WorkloadInfo(List<ParameterSpec> parameters, LossType lossType, long stepHint, long trainExamples) {

    /** Copies the list so the record stays immutable. */
    public WorkloadInfo {
        parameters = List.copyOf(parameters);
    }

    /**
     * The name, type and shape of one parameter tensor.
     *
     * @param name as in {@link Params}
     * @param type what the tensor is in its model
     * @param shape its dimensions
     */
    public record ParameterSpec(String name, ParameterType type, List<Long> shape) {
        /** Copies the shape so the record stays immutable. */
        public ParameterSpec {
            shape = List.copyOf(shape);
        }

        /** The number of scalar entries. */
        public long numElements() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }
    }

    /** The total number of scalar parameters. */
    public long numParameters() {
        long n = 0;
        for (ParameterSpec p : parameters) {
            n += p.numElements();
        }
        return n;
    }
}
