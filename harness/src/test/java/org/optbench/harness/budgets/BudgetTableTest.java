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
    void shippedReferenceClassCoversEveryWorkloadAndEqualsTheSpecs() {
        BudgetTable reference = BudgetTable.bundled(BudgetTable.REFERENCE_CLASS).orElseThrow();
        for (String name : Workloads.names()) {
            WorkloadSpec spec = Workloads.create(name).spec();
            assertEquals(spec.budgetSeconds(), reference.budgets().get(name), name
                    + ": cpu-2core.json and the workload's spec disagree (update both after calibrating)");
        }
        assertEquals(Workloads.names().size(), reference.budgets().size(), "budgets for unknown workloads");
    }

    @Test
    void aClassFileOverridesOnlyTheWorkloadsItNames(@TempDir Path dir) {
        new BudgetTable("cpu-16core", Map.of("mnist_mlp", 3.5)).write(dir.resolve("cpu-16core.json"));
        Budgets budgets = Budgets.resolve("cpu-16core", dir);
        assertEquals(3.5, budgets.budgetSeconds(Workloads.create("mnist_mlp").spec()));
        WorkloadSpec quadratic = Workloads.create("quadratic").spec();
        assertEquals(quadratic.budgetSeconds(), budgets.budgetSeconds(quadratic));
        assertTrue(Budgets.resolve("cpu-64core", dir).table().isEmpty());
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
    }
}
