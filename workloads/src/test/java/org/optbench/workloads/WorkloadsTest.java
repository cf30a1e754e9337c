package org.optbench.workloads;

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
        assertEquals(List.of("mnist_mlp", "quadratic", "quadratic_cond1e2", "sotu_lm", "sotu_lm_postln",
                "sotu_lm_relu"), Workloads.names());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> Workloads.create("foo", WorkloadOptions.defaults()));
        assertEquals("unknown workload 'foo'; known: mnist_mlp, quadratic, quadratic_cond1e2, sotu_lm, "
                + "sotu_lm_postln, sotu_lm_relu", e.getMessage());
    }

    @Test
    void specsAreConsistent() {
        for (String name : Workloads.names()) {
            Workload w = Workloads.create(name, WorkloadOptions.defaults());
            WorkloadSpec spec = w.spec();
            assertEquals(name, spec.name());
            assertEquals(spec.lossType(), w.info().lossType());
            assertEquals(spec.stepHint(), w.info().stepHint());
            assertTrue(spec.budgetSeconds() > 0 && spec.evalPeriodSeconds() < spec.budgetSeconds(), name);
            assertTrue(spec.validationTarget() > 0, name + " has a target");
            assertEquals(spec.isVariant(), !java.util.Set.of("mnist_mlp", "quadratic", "sotu_lm").contains(name), name);
        }
        assertEquals(LossType.MEAN_SQUARED_ERROR, Workloads.create("quadratic").spec().lossType());
        assertEquals(MetricDirection.LOWER_IS_BETTER, Workloads.create("quadratic").spec().direction());
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
