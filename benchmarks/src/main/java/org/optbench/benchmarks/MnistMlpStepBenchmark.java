package org.optbench.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.HyperParameters;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.submissions.ReferenceOptimizers;
import org.optbench.submissions.transform.Optimizer;
import org.optbench.workloads.Model;
import org.optbench.workloads.Workload;
import org.optbench.workloads.Workloads;

/**
 * One training step of a workload, as the harness times it: the next batch, forward and backward, and an AdamW
 * update. Compare with benchmarks/pytorch/step.py on the same machine (benchmarks/compare-pytorch).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xmn32m", "-XX:+UseSerialGC"})
public class MnistMlpStepBenchmark {
    @Param({"mnist_mlp"})
    public String workloadName;

    @Param({"128"})
    public int batchSize;

    private BatchStream stream;
    private Model model;
    private Params params;
    private Optimizer optimizer;
    private Optimizer.State state;

    @Setup(Level.Trial)
    public void setUp() {
        Workload workload = Workloads.create(workloadName);
        Rng rng = Rng.of(0);
        params = workload.initialParams(rng.split(1));
        stream = workload.trainingStream(batchSize, rng.split(2));
        model = workload.model(batchSize);
        optimizer = ReferenceOptimizers.create("adamw", HyperParameters.of(Map.of("learning_rate", 1e-3,
                "one_minus_beta1", 0.1, "beta2", 0.999, "weight_decay", 0.01, "warmup_factor", 0.05)),
                workload.spec().stepHint());
        state = optimizer.init(params);
    }

    /** selectData + forward + backward + AdamW. */
    @Benchmark
    public void step(Blackhole blackhole) {
        Batch batch = stream.next();
        LossAndGradients lg = model.lossAndGradients(params, batch);
        optimizer.step(params, lg.gradients(), state);
        blackhole.consume(lg.loss());
    }

    /** Forward and backward alone. */
    @Benchmark
    public double forwardBackward() {
        return model.lossAndGradients(params, stream.next()).loss();
    }
}
