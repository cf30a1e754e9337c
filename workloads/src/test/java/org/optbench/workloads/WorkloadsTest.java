package org.optbench.workloads;

import org.optbench.api.MetricDirection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.optbench.api.BadInputException;
import org.optbench.api.LossType;

/** The registry. */
class WorkloadsTest {
    @Test
    void namesAreTheBaseWorkloadsThenVariants() {
        List<String> names = Workloads.names();
        assertTrue(names.containsAll(List.of("mnist_mlp", "mnist_mlp_tanh", "mnist_mlp_deep", "mnist_cnn",
                "mnist_cnn_tanh", "mnist_cnn_layernorm", "mnist_autoencoder", "mnist_autoencoder_sigmoid",
                "mnist_autoencoder_narrow", "sotu_lm", "sotu_lm_postln", "sotu_lm_relu", "ctr_dlrm", "ctr_dlrm_wide", "ctr_dlrm_concat", "graph_gnn", "graph_gnn_mean",
                "graph_gnn_deep", "quadratic", "quadratic_cond1e2", "quadratic_cond1e3", "mnist_mlp_delay8",
                "sotu_lm_stragglers", "sotu_lm_slm")), names.toString());
        boolean seenVariant = false;
        for (String name : names) {
            String base = Workloads.create(name, WorkloadOptions.defaults()).spec().base();
            if (base == null) {
                assertTrue(!seenVariant, "base workload " + name + " listed after a variant: " + names);
            } else {
                seenVariant = true;
                assertTrue(names.contains(base), name + "'s base " + base + " is not registered");
            }
        }
    }

    @Test
    void delayedVariantsKeepOneParameterCopyPerStepOfDelayAndThisStepsAndFormOneHeldOutFamily() {
        assertEquals(9, Workloads.parameterCopies("mnist_mlp_delay8"));
        assertEquals(33, Workloads.parameterCopies("sotu_lm_stragglers"));
        assertEquals(0, Workloads.parameterCopies("mnist_mlp"));
        assertEquals(Workloads.DELAYED_GRADIENTS, Workloads.family("sotu_lm_stragglers"));
        assertEquals("mnist_mlp", Workloads.family("mnist_mlp_deep"));
        assertEquals(null, Workloads.family("mnist_mlp"));
        assertEquals("mnist_mlp", Workloads.spec("mnist_mlp_delay8").base());
        assertEquals(Workloads.spec("mnist_mlp").stepHint(), Workloads.spec("mnist_mlp_delay8").stepHint());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> Workloads.create("foo", WorkloadOptions.defaults()));
        assertEquals("unknown workload 'foo'; known: " + String.join(", ", Workloads.names()), e.getMessage());
    }

    @Test
    void specsAreConsistent() {
        for (String name : Workloads.names()) {
            Workload w = Workloads.create(name, WorkloadOptions.defaults());
            WorkloadSpec spec = w.spec();
            assertEquals(name, spec.name());
            assertEquals(Workloads.spec(name), spec, name + ": the catalogue's spec is the built workload's");
            assertEquals(spec.lossType(), w.info().lossType());
            assertEquals(spec.stepHint(), w.info().stepHint());
            assertTrue(spec.evalPeriodSeconds() > 0, name);
            assertTrue(spec.validationTarget() > 0, name + " has a target");
            if (spec.isVariant()) {
                WorkloadSpec base = Workloads.create(spec.base(), WorkloadOptions.defaults()).spec();
                assertTrue(!base.isVariant(), name + "'s base " + spec.base() + " is itself a variant");
                assertEquals(base.metric(), spec.metric(), name + " measures what its base measures");
                assertEquals(base.direction(), spec.direction(), name);
            }
        }
        assertEquals(Workloads.names(), Workloads.specs().stream().map(WorkloadSpec::name).toList());
        assertEquals(LossType.MEAN_SQUARED_ERROR, Workloads.create("quadratic").spec().lossType());
        assertEquals(MetricDirection.LOWER, Workloads.create("quadratic").spec().direction());
        assertEquals("accuracy", Workloads.create("mnist_mlp").spec().metric());
    }

    @Test
    void optionsDefaultToBundledFloat() {
        assertEquals(DataType.FLOAT, WorkloadOptions.defaults().dataType());
        assertEquals(null, WorkloadOptions.defaults().dataDir());
        assertEquals(DataType.DOUBLE,
                Workloads.create("quadratic", WorkloadOptions.defaults().withDataType(DataType.DOUBLE))
                        .initialParams(org.optbench.api.Rng.of(1)).dataType());
        assertThrows(IllegalArgumentException.class, () -> new WorkloadOptions(null, DataType.HALF));
    }

    @Test
    void aMissingDataDirectoryIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class, () -> Workloads.create("mnist_mlp",
                WorkloadOptions.defaults().withDataDir(java.nio.file.Path.of("/nonexistent/mnist"))));
        assertTrue(e.getMessage().contains("/nonexistent/mnist"), e.getMessage());
    }
}
