package org.optbench.harness.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;

import org.optbench.harness.hardware.HardwareFingerprint;
import org.optbench.results.records.AtomicFiles;
import org.optbench.results.records.RecordJson;

/**
 * The speed probe's figures of this machine, kept in an output directory ({@code probe.json}) so that every trial
 * written there, in this run and when a study is resumed, has its budget scaled by the same factor. Figures are
 * reused only on the same machine (CPU model and count); delete the file to probe again.
 *
 * @param cpuModel the machine's CPU model
 * @param logicalCpus its processors
 * @param figures median step seconds by workload
 */
public record ProbeRecord(@JsonProperty("cpu_model") String cpuModel, @JsonProperty("logical_cpus") int logicalCpus,
                          @JsonProperty("figures") Map<String, Double> figures) {
    /** The file in an output directory. */
    public static final String FILE = "probe.json";

    /**
     * This machine's figures for {@code workloads}: those kept in {@code dir} when they are this machine's and cover
     * them, else measured now (and kept, with the others).
     */
    public static Map<String, Double> figures(Path dir, List<String> workloads, HardwareFingerprint machine,
                                              java.util.function.Function<List<String>, Map<String, Double>> measure) {
        Path file = dir.resolve(FILE);
        ProbeRecord kept = read(file);
        Map<String, Double> all = new LinkedHashMap<>();
        if (kept != null && kept.cpuModel().equals(machine.cpuModel()) && kept.logicalCpus() == machine.logicalCpus()) {
            all.putAll(kept.figures());
        }
        List<String> missing = workloads.stream().filter(w -> !all.containsKey(w)).toList();
        if (!missing.isEmpty()) {
            all.putAll(measure.apply(missing));
            try {
                AtomicFiles.writeString(file, RecordJson.mapper().writeValueAsString(
                        new ProbeRecord(machine.cpuModel(), machine.logicalCpus(), all)) + "\n");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        Map<String, Double> wanted = new LinkedHashMap<>();
        for (String w : workloads) {
            wanted.put(w, all.get(w));
        }
        return wanted;
    }

    private static ProbeRecord read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            ProbeRecord r = RecordJson.mapper().readValue(file.toFile(), ProbeRecord.class);
            return r.cpuModel() == null || r.figures() == null ? null : r;
        } catch (IOException e) {
            return null; // a damaged file is measured again and replaced
        }
    }
}
