package org.optbench.harness.budgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.api.BadInputException;
import org.optbench.workloads.WorkloadSpec;
import org.optbench.workloads.Workloads;

class BudgetTableTest {

    @Test
    void shippedReferenceClassHasABudgetForEveryWorkloadAndAProbeFigureForEveryBase() {
        BudgetTable reference = BudgetTable.bundled(BudgetTable.REFERENCE_CLASS).orElseThrow();
        assertEquals("cpu", reference.clock(), "the shipped budgets are for the CPU clock");
        for (WorkloadSpec spec : Workloads.specs()) {
            assertTrue(reference.budgets().get(spec.name()) > spec.evalPeriodSeconds(), spec.name()
                    + ": no budget in cpu-2core.json, or one shorter than an eval period");
            if (!spec.isVariant()) {
                assertTrue(reference.probe().get(spec.name()) > 0, spec.name() + ": no speed-probe figure");
            }
        }
        assertEquals(Workloads.names().size(), reference.budgets().size(), "budgets for unknown workloads");
    }

    @Test
    void aClassFileInTheBudgetsDirectoryIsUsedAndAWorkloadItLacksIsAnErrorSayingHowToCalibrateIt(
            @TempDir Path dir) {
        new BudgetTable("cpu-16core", "cpu", Map.of("mnist_mlp", 3.5), Map.of()).write(dir.resolve("cpu-16core.json"));
        Budgets budgets = Budgets.resolve("cpu-16core", dir);
        assertEquals("cpu-16core", budgets.hardwareClass());
        assertEquals(3.5, budgets.budgetSeconds("mnist_mlp"));
        BadInputException e = assertThrows(BadInputException.class, () -> budgets.budgetSeconds("quadratic"));
        assertEquals("no budget for workload 'quadratic' in hardware class cpu-16core; calibrate it with 'optbench "
                + "calibrate --workload quadratic --hardware-class cpu-16core', or give --budget-seconds",
                e.getMessage());
    }

    @Test
    void anUnknownClassOrAMissingBudgetsDirectoryIsAnErrorListingTheKnownClasses(@TempDir Path dir) {
        new BudgetTable("gpu-a100", "wall", Map.of("mnist_mlp", 3.5), Map.of()).write(dir.resolve("gpu-a100.json"));
        BadInputException unknown = assertThrows(BadInputException.class, () -> Budgets.resolve("foo", dir));
        assertEquals("unknown hardware class 'foo'; known: cpu-2core (shipped), gpu-a100 (" + dir + ") (a class's "
                + "budgets come from 'optbench calibrate --hardware-class NAME')", unknown.getMessage());
        Path missing = dir.resolve("nonexistent");
        BadInputException noDir = assertThrows(BadInputException.class, () -> Budgets.resolve(null, missing));
        assertTrue(noDir.getMessage().startsWith("--budgets-dir " + missing + " is not a directory"),
                noDir.getMessage());
    }

    @Test
    void malformedFilesAreOneLineErrorsNamingTheFileAndField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"hardware_class\": \"x\", \"budgets\": {\"mnist_mlp\": -1}}");
        BadInputException e = assertThrows(BadInputException.class, () -> BudgetTable.read(file));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("mnist_mlp"), e.getMessage());
        Files.writeString(file, "{\"budgets\": {\"mnist_mlp\": 1}}");
        e = assertThrows(BadInputException.class, () -> BudgetTable.read(file));
        assertTrue(e.getMessage().contains("hardware_class"), e.getMessage());
        Files.writeString(file, "{\"hardware_class\": \"x\", \"budget\": {}}");
        e = assertThrows(BadInputException.class, () -> BudgetTable.read(file));
        assertTrue(e.getMessage().contains("budget"), "a misspelt field is an error: " + e.getMessage());
    }
}
