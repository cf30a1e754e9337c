package org.optbench.benchmarks;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.submissions.ReferenceOptimizers;
import org.optbench.submissions.baselines.AdamW;
import org.optbench.submissions.transform.Optimizer;
import org.optbench.workloads.Model;
import org.optbench.workloads.Workload;
import org.optbench.workloads.Workloads;

/**
 * One training step of each base workload exactly as a trial takes it (harness TrialLoop with the {@code adamw}
 * submission): the next batch of the workload's training stream, forward and backward through its {@link Model},
 * and an AdamW update at the {@code adamw} submission's default point; the workload's default batch size, float32,
 * one native thread. Its PyTorch peers are benchmarks/pytorch/&lt;workload&gt;.py; benchmarks/compare-workloads
 * runs both alternately.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xmn32m", "-XX:+UseSerialGC"})
public class WorkloadStepBenchmark {
    @Param({"mnist_mlp", "mnist_cnn", "mnist_autoencoder", "sotu_lm", "ctr_dlrm", "graph_gnn"})
    public String workload;

    private BatchStream stream;
    private Model model;
    private Params params;
    private Optimizer optimizer;
    private Optimizer.State state;

    /** Builds what a trial builds before its clock starts, with the trial loop's seed splits. */
    @Setup(Level.Trial)
    public void setUp() {
        Workload w = Workloads.create(workload);
        Rng rng = Rng.of(0);
        int batchSize = w.spec().defaultBatchSize();
        params = w.initialParams(rng.split(1));
        stream = w.trainingStream(batchSize, rng.split(2));
        model = w.model(batchSize);
        optimizer = ReferenceOptimizers.create("adamw", new AdamW().defaultHyperParameters(), w.spec().stepHint());
        state = optimizer.init(params);
    }

    /** Frees the model's native buffers. */
    @TearDown(Level.Trial)
    public void tearDown() {
        model.close();
    }

    /** selectData + forward + backward + AdamW: what a trial's clock measures per step. */
    @Benchmark
    public void step(Blackhole blackhole) {
        Batch batch = stream.next();
        LossAndGradients lg = model.lossAndGradients(params, batch);
        optimizer.step(params, lg.gradients(), state);
        blackhole.consume(lg.loss());
    }

    /** Forward and backward alone: {@link #step} without the optimizer. */
    @Benchmark
    public double forwardBackward() {
        return model.lossAndGradients(params, stream.next()).loss();
    }

    /** The next batch alone: what data loading costs of {@link #step}. */
    @Benchmark
    public Batch nextBatch() {
        return stream.next();
    }
}
