package org.optbench.benchmarks;

import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
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
import org.optbench.api.HyperParameters;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;
import org.optbench.api.Submission;
import org.optbench.submissions.ReferenceOptimizers;
import org.optbench.submissions.transform.Optimizer;

/**
 * One optimizer step on a fixed gradient: on the mnist_mlp parameter set (269,322 floats) and on one 1024x1024
 * matrix. The gradient is random and fixed, so the cost measured is the optimizer's alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Xmn32m", "-XX:+UseSerialGC"})
public class OptimizerStepBenchmark {
    @Param({"adamw", "nadamw", "sgd_momentum", "sgd_nesterov", "schedule_free_adamw", "shampoo", "sonew",
        "sonew_banded", "sketchy"})
    public String optimizerName;

    @Param({"mnist_mlp", "matrix1024"})
    public String parameterSet;

    /**
     * Hyperparameters to set on top of the default point, {@code name=value[,name=value…]} with integer values
     * (e.g. {@code block_size=128}); empty for the default point itself.
     */
    @Param({""})
    public String overrides;

    /**
     * Whether all-elementwise chains step in one pass ({@code Optimizer.fuses()}, what trials run); {@code false}
     * runs the same optimizer link by link, to measure what fusing gains ({@code -p fused=true,false}).
     */
    @Param({"true"})
    public boolean fused;

    private Params params;
    private Params gradients;
    private Optimizer optimizer;
    private Optimizer.State state;

    @Setup(Level.Trial)
    public void setUp() {
        Nd4j.getRandom().setSeed(0);
        Params.Builder builder = Params.builder();
        if (parameterSet.equals("mnist_mlp")) {
            int[] widths = {784, 256, 256, 10};
            for (int i = 0; i + 1 < widths.length; i++) {
                builder.add("dense_" + i + "/kernel", ParameterType.WEIGHT,
                        Nd4j.randn(DataType.FLOAT, widths[i], widths[i + 1]).muli(0.05));
                builder.add("dense_" + i + "/bias", ParameterType.BIAS, Nd4j.zeros(DataType.FLOAT, widths[i + 1]));
            }
        } else {
            builder.add("matrix/kernel", ParameterType.WEIGHT, Nd4j.randn(DataType.FLOAT, 1024, 1024).muli(0.05));
        }
        Params shape = builder.build();
        params = shape.copy();
        gradients = shape.zerosLike();
        for (int i = 0; i < gradients.size(); i++) {
            gradients.value(i).assign(Nd4j.randn(DataType.FLOAT, gradients.value(i).shape()).muli(1e-3));
        }
        HyperParameters point = defaultPoint(optimizerName);
        if (!overrides.isEmpty()) {
            java.util.Map<String, Object> values = new java.util.HashMap<>();
            for (String pair : overrides.split(",")) {
                String[] nameValue = pair.split("=", 2);
                values.put(nameValue[0].trim(), Integer.parseInt(nameValue[1].trim()));
            }
            point = point.with(values);
        }
        optimizer = ReferenceOptimizers.create(optimizerName, point, 10_000);
        if (!fused) {
            optimizer = optimizer.unfused();
        }
        state = optimizer.init(params);
    }

    /** The built-in submission's self-tuning default point: the configuration the leaderboard runs. */
    static HyperParameters defaultPoint(String name) {
        for (Submission s : ServiceLoader.load(Submission.class)) {
            if (s.name().equals(name)) {
                return s.defaultHyperParameters();
            }
        }
        throw new IllegalArgumentException("no built-in submission named " + name);
    }

    @Benchmark
    public Params step() {
        optimizer.step(params, gradients, state);
        return params;
    }
}
