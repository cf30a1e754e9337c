package org.optbench.harness.budgets;

import java.nio.file.Path;
import java.util.Optional;

import org.optbench.harness.hardware.HardwareFingerprint;
import org.optbench.workloads.WorkloadSpec;

/**
 * The budgets a run uses: those of the named hardware class (or of this machine's class when none is named), from
 * a budgets directory or the shipped tables; a workload without a budget in that class keeps its reference-class
 * ({@value BudgetTable#REFERENCE_CLASS}) budget, and the record says which class it ran as.
 *
 * @param hardwareClass the class the run is recorded as
 * @param table that class's budgets, if any exist
 */
public record Budgets(String hardwareClass, Optional<BudgetTable> table) {

    /** Resolves the class and its table. */
    public static Budgets resolve(String hardwareClass, Path budgetsDir) {
        String name = hardwareClass != null ? hardwareClass : HardwareFingerprint.probe().hardwareClass();
        return new Budgets(name, BudgetTable.forClass(name, budgetsDir));
    }

    /** The budget of a workload in this class. */
    public double budgetSeconds(WorkloadSpec spec) {
        return table.map(t -> t.budgetSeconds(spec)).orElse(spec.budgetSeconds());
    }
}
