package org.optbench.harness.budgets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.optbench.api.BadInputException;
import org.optbench.harness.hardware.HardwareFingerprint;

/**
 * The budgets a study runs with: those of a hardware class, from a budgets directory ({@code --budgets-dir}, what
 * {@code optbench calibrate} writes) or the shipped tables. A machine is never silently given a class:
 * <ul>
 *   <li>a class named with {@code --hardware-class} must have a table, or it is a one-line error listing the known
 *       classes;</li>
 *   <li>otherwise the machine's own class ({@code cpu-<n>core}, or its accelerator) is used when it has a table;
 *       a CPU machine without one runs as the reference class {@value BudgetTable#REFERENCE_CLASS} (each trial
 *       uses one core, and the speed probe scales the budgets to the machine), and {@link #note()} says so.</li>
 * </ul>
 * A workload without a budget in the class is an error that names the class and how to calibrate it.
 *
 * @param hardwareClass the class the study's records name
 * @param table that class's budgets
 * @param note one line to show the user about how the class was chosen, or {@code null}
 */
public record Budgets(String hardwareClass, BudgetTable table, String note) {

    /**
     * Resolves the class and its table.
     *
     * @param hardwareClass the class the user named, or {@code null}
     * @param budgetsDir the user's budgets directory, or {@code null}
     */
    public static Budgets resolve(String hardwareClass, Path budgetsDir) {
        checkDirectory(budgetsDir);
        if (hardwareClass != null) {
            return new Budgets(hardwareClass, find(hardwareClass, budgetsDir).orElseThrow(() -> new BadInputException(
                    "unknown hardware class '" + hardwareClass + "'; known: " + String.join(", ", known(budgetsDir))
                            + " (a class's budgets come from 'optbench calibrate --hardware-class NAME')")), null);
        }
        String own = HardwareFingerprint.machineClass();
        Optional<BudgetTable> table = find(own, budgetsDir);
        if (table.isPresent()) {
            return new Budgets(own, table.get(), null);
        }
        if (HardwareFingerprint.machineHasAccelerator()) {
            throw new BadInputException("no budgets for this machine's class '" + own + "' (known: "
                    + String.join(", ", known(budgetsDir)) + "); calibrate it with 'optbench calibrate --workload W "
                    + "--hardware-class " + own + "', or name a class with --hardware-class");
        }
        return new Budgets(BudgetTable.REFERENCE_CLASS, find(BudgetTable.REFERENCE_CLASS, budgetsDir).orElseThrow(),
                "no budgets for this machine's class " + own + "; running as " + BudgetTable.REFERENCE_CLASS
                        + " (one trial per core), its budgets scaled by the speed probe");
    }

    /**
     * The table of a class that {@code optbench calibrate} is about to fill: the existing one (in the budgets
     * directory first), or an empty one for a new class.
     */
    public static BudgetTable forCalibration(String hardwareClass, Path budgetsDir) {
        return find(hardwareClass, budgetsDir).orElse(new BudgetTable(hardwareClass, null, null, null));
    }

    /** The budget of a workload in this class; none is an error naming the class and how to get one. */
    public double budgetSeconds(String workload) {
        return table.budgetSeconds(workload).orElseThrow(() -> new BadInputException("no budget for workload '"
                + workload + "' in hardware class " + hardwareClass + "; calibrate it with 'optbench calibrate "
                + "--workload " + workload + " --hardware-class " + hardwareClass + "', or give --budget-seconds"));
    }

    private static Optional<BudgetTable> find(String hardwareClass, Path budgetsDir) {
        if (budgetsDir != null) {
            Path file = budgetsDir.resolve(hardwareClass + ".json");
            if (Files.isRegularFile(file)) {
                return Optional.of(BudgetTable.read(file));
            }
        }
        return BudgetTable.bundled(hardwareClass);
    }

    private static List<String> known(Path budgetsDir) {
        List<String> names = new ArrayList<>();
        names.add(BudgetTable.REFERENCE_CLASS + " (shipped)");
        if (budgetsDir != null) {
            try (Stream<Path> files = Files.list(budgetsDir)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                        .forEach(n -> names.add(n.substring(0, n.length() - 5) + " (" + budgetsDir + ")"));
            } catch (IOException e) {
                // checkDirectory already said what is wrong with it.
            }
        }
        return names;
    }

    private static void checkDirectory(Path budgetsDir) {
        if (budgetsDir != null && !Files.isDirectory(budgetsDir)) {
            throw new BadInputException("--budgets-dir " + budgetsDir + " is not a directory; it holds the "
                    + "<hardware-class>.json files 'optbench calibrate' writes");
        }
    }
}
