package org.optbench.workloads;

import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.optbench.api.WorkloadInfo;
import org.optbench.api.WorkloadInfo.ParameterSpec;

/**
 * What every built-in workload fixes when it is built: its spec, what a submission sees of it (the parameters, the
 * spec's loss and step hint, the number of training examples), and the data type it trains in.
 */
public abstract class SpecifiedWorkload implements Workload {
    private final WorkloadSpec spec;
    private final WorkloadInfo info;
    /** FLOAT or DOUBLE: the type of the parameters, batches and activations. */
    protected final DataType dataType;

    /**
     * @param spec the name, targets and budget
     * @param parameters the parameter tensors, in order
     * @param trainExamples the size of the training split
     * @param dataType FLOAT or DOUBLE
     */
    protected SpecifiedWorkload(WorkloadSpec spec, List<ParameterSpec> parameters, int trainExamples,
                                DataType dataType) {
        this.spec = spec;
        this.info = new WorkloadInfo(parameters, spec.lossType(), spec.stepHint(), trainExamples);
        this.dataType = dataType;
    }

    @Override
    public final WorkloadSpec spec() {
        return spec;
    }

    @Override
    public final WorkloadInfo info() {
        return info;
    }
}
