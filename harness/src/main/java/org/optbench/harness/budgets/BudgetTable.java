package org.optbench.harness.budgets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.optbench.api.BadInputException;
import org.optbench.results.records.AtomicFiles;
import org.optbench.workloads.WorkloadSpec;

/**
 * Submission-time budgets of one hardware class: workload name to seconds. Targets belong to the workload; budgets
 * belong to the hardware they were calibrated on ({@code optbench calibrate}). The reference class,
 * {@value #REFERENCE_CLASS}, ships with optbench and equals the budgets in the workloads' specs (a test keeps
 * them equal); calibration writes a file for any other class.
 *
 * <p>Format: {@code {"hardware_class": "cpu-2core", "budgets": {"mnist_mlp": 10.0, ...}}}.
 *
 * @param hardwareClass the class's name, e.g. {@code cpu-2core}
 * @param budgets workload name to budget seconds
 */
public record BudgetTable(@JsonProperty("hardware_class") String hardwareClass,
                          @JsonProperty("budgets") Map<String, Double> budgets) {
    /** The class optbench's shipped budgets were measured on: 2 cores, one native thread. */
    public static final String REFERENCE_CLASS = "cpu-2core";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Validates and sorts the entries. */
    public BudgetTable {
        if (hardwareClass == null || hardwareClass.isBlank()) {
            throw new BadInputException("a budgets table needs a \"hardware_class\"");
        }
        budgets = budgets == null ? Map.of() : new TreeMap<>(budgets);
        for (Map.Entry<String, Double> e : budgets.entrySet()) {
            if (e.getValue() == null || !(e.getValue() > 0) || e.getValue().isInfinite()) {
                throw new BadInputException("budget of '" + e.getKey() + "' must be a positive number of seconds, got "
                        + e.getValue());
            }
        }
        budgets = java.util.Collections.unmodifiableMap(budgets);
    }

    /** The table optbench ships for a class, if any. */
    public static Optional<BudgetTable> bundled(String hardwareClass) {
        String resource = hardwareClass + ".json";
        try (InputStream in = BudgetTable.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(JSON.readValue(in, BudgetTable.class));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled budgets " + resource, e);
        }
    }

    /** Reads a budgets file; a malformed one is a one-line {@link BadInputException}. */
    public static BudgetTable read(Path file) {
        try {
            return JSON.readValue(file.toFile(), BudgetTable.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new BadInputException("budgets file " + file + " does not exist");
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof BadInputException bad ? bad : e;
            throw new BadInputException("budgets file " + file + ": " + (cause instanceof BadInputException
                    ? cause.getMessage() : e.getOriginalMessage()));
        } catch (IOException e) {
            throw new BadInputException("budgets file " + file + " is not readable: " + e.getMessage());
        }
    }

    /**
     * The budgets of a class: the file in {@code budgetsDir} named {@code <class>.json} when there is one, else the
     * bundled table, else none (the specs' reference-class budgets apply).
     */
    public static Optional<BudgetTable> forClass(String hardwareClass, Path budgetsDir) {
        if (budgetsDir != null) {
            Path file = budgetsDir.resolve(hardwareClass + ".json");
            if (java.nio.file.Files.isRegularFile(file)) {
                return Optional.of(read(file));
            }
        }
        return bundled(hardwareClass);
    }

    /** The budget of a workload in this class, or the spec's own (reference-class) budget when it has none. */
    public double budgetSeconds(WorkloadSpec spec) {
        Double seconds = budgets.get(spec.name());
        return seconds != null ? seconds : spec.budgetSeconds();
    }

    /** This table with one workload's budget set. */
    public BudgetTable with(String workload, double seconds) {
        Map<String, Double> updated = new TreeMap<>(budgets);
        updated.put(workload, seconds);
        return new BudgetTable(hardwareClass, updated);
    }

    /** Writes the table atomically. */
    public void write(Path file) {
        try {
            AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
