package org.optbench.harness.budgets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.optbench.api.BadInputException;
import org.optbench.results.records.AtomicFiles;

/**
 * One hardware class: the submission-time budget of each workload on it, the clock they were calibrated on, and the
 * speed probe's figures of the machine they were calibrated on. Targets belong to the workloads; budgets belong here
 * and nowhere else ({@code optbench calibrate} writes them). The reference class, {@value #REFERENCE_CLASS}, ships
 * with optbench.
 *
 * <p>Format: {@code {"hardware_class": "cpu-2core", "clock": "cpu", "budgets": {"mnist_mlp": 16.7, ...},
 * "probe": {"mnist_mlp": 0.00207, ...}}}; {@code probe} holds, per workload, the median CPU seconds of a step of the
 * speed probe ({@code optbench probe}).
 *
 * @param hardwareClass the class's name, e.g. {@code cpu-2core}
 * @param clock the clock the budgets were calibrated on, {@code cpu} or {@code wall}
 * @param budgets workload name to budget seconds
 * @param probe workload name to the probe's median step seconds on the calibration machine
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BudgetTable(@JsonProperty("hardware_class") String hardwareClass, @JsonProperty("clock") String clock,
                          @JsonProperty("budgets") Map<String, Double> budgets,
                          @JsonProperty("probe") Map<String, Double> probe) {
    /** The class optbench's shipped budgets were measured on: 2 cores, one native thread. */
    public static final String REFERENCE_CLASS = "cpu-2core";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Validates and sorts the entries. */
    public BudgetTable {
        if (hardwareClass == null || hardwareClass.isBlank()) {
            throw new BadInputException("a budgets table needs a \"hardware_class\"");
        }
        budgets = positive(budgets, "budget");
        probe = positive(probe, "probe figure");
    }

    private static Map<String, Double> positive(Map<String, Double> values, String what) {
        Map<String, Double> sorted = values == null ? new TreeMap<>() : new TreeMap<>(values);
        for (Map.Entry<String, Double> e : sorted.entrySet()) {
            if (e.getValue() == null || !(e.getValue() > 0) || e.getValue().isInfinite()) {
                throw new BadInputException(what + " of '" + e.getKey() + "' must be a positive number of seconds, got "
                        + e.getValue());
            }
        }
        return Collections.unmodifiableMap(sorted);
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

    /** The budget of a workload in this class, if it has one. */
    public Optional<Double> budgetSeconds(String workload) {
        return Optional.ofNullable(budgets.get(workload));
    }

    /** This table with one workload's budget set. */
    public BudgetTable withBudget(String workload, double seconds) {
        Map<String, Double> updated = new TreeMap<>(budgets);
        updated.put(workload, seconds);
        return new BudgetTable(hardwareClass, clock, updated, probe);
    }

    /** This table with probe figures set (those given replace the old ones of their workloads). */
    public BudgetTable withProbe(Map<String, Double> figures) {
        Map<String, Double> updated = new TreeMap<>(probe);
        updated.putAll(figures);
        return new BudgetTable(hardwareClass, clock, budgets, updated);
    }

    /** This table with the clock its budgets were calibrated on. */
    public BudgetTable withClock(String calibratedClock) {
        return new BudgetTable(hardwareClass, calibratedClock, budgets, probe);
    }

    /** Writes the table atomically. */
    public void write(Path file) {
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(this) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
