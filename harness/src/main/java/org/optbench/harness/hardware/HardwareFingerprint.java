package org.optbench.harness.hardware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nd4j.linalg.factory.Nd4j;

/**
 * What a trial ran on, for {@code meta_data.json}: CPU model and counts, memory, accelerator, ND4J backend and
 * BLAS, JVM. Results are only scored against results of the same {@link #hardwareClass()}.
 *
 * @param cpuModel the CPU's model name from /proc/cpuinfo
 * @param logicalCpus processors the JVM may use
 * @param memoryBytes physical memory
 * @param accelerator the accelerator's model, or "none"
 * @param nd4jBackend ND4J's backend class
 * @param blasVendor the BLAS ND4J calls
 * @param ompThreads OMP_NUM_THREADS as set for the process, or "unset"
 * @param jvm the JVM's name and version
 * @param os the operating system and architecture
 * @param cudaVisibleDevices CUDA_VISIBLE_DEVICES as set for the process (the GPUs a scheduler gave it), or "unset"
 */
public record HardwareFingerprint(String cpuModel, int logicalCpus, long memoryBytes, String accelerator,
                                  String nd4jBackend, String blasVendor, String ompThreads, String jvm, String os,
                                  String cudaVisibleDevices) {

    /** Reads this machine. Loads ND4J's backend if it is not loaded yet. */
    public static HardwareFingerprint probe() {
        return new HardwareFingerprint(readCpuModel(), Runtime.getRuntime().availableProcessors(), readMemoryBytes(),
                readAccelerator(), Nd4j.getBackend().getClass().getSimpleName(), readBlasVendor(),
                System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getenv().getOrDefault("CUDA_VISIBLE_DEVICES", "unset"));
    }

    /**
     * The hardware class budgets are set for: {@code cpu-<n>core} on a CPU, {@code <accelerator>} otherwise,
     * unless the user names one.
     */
    public String hardwareClass() {
        return classOf(accelerator, logicalCpus);
    }

    /**
     * This machine's hardware class, read without loading ND4J (listing workloads and resolving budgets need it,
     * and should take no longer than reading two files).
     */
    public static String machineClass() {
        return classOf(readAccelerator(), Runtime.getRuntime().availableProcessors());
    }

    /** Whether this machine has an accelerator, read without loading ND4J. */
    public static boolean machineHasAccelerator() {
        return !"none".equals(readAccelerator());
    }

    private static String classOf(String accelerator, int logicalCpus) {
        if (!"none".equals(accelerator)) {
            return accelerator.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }
        return "cpu-" + logicalCpus + "core";
    }

    /** As a JSON-ready map. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu_model", cpuModel);
        m.put("logical_cpus", logicalCpus);
        m.put("memory_bytes", memoryBytes);
        m.put("accelerator", accelerator);
        m.put("nd4j_backend", nd4jBackend);
        m.put("blas_vendor", blasVendor);
        m.put("omp_num_threads", ompThreads);
        m.put("jvm", jvm);
        m.put("os", os);
        m.put("cuda_visible_devices", cudaVisibleDevices);
        m.put("hardware_class", hardwareClass());
        return m;
    }

    private static String readCpuModel() {
        for (String line : readLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return System.getProperty("os.arch");
    }

    private static long readMemoryBytes() {
        for (String line : readLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.split("\\s+");
                return Long.parseLong(parts[1]) * 1024;
            }
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static String readAccelerator() {
        Path gpus = Path.of("/proc/driver/nvidia/gpus");
        if (Files.isDirectory(gpus)) {
            try (var dirs = Files.list(gpus)) {
                for (Path gpu : dirs.toList()) {
                    for (String line : readLines(gpu.resolve("information"))) {
                        if (line.startsWith("Model:")) {
                            return line.substring(line.indexOf(':') + 1).trim();
                        }
                    }
                }
            } catch (IOException e) {
                return "none";
            }
        }
        return "none";
    }

    private static String readBlasVendor() {
        try {
            return String.valueOf(Nd4j.factory().blas().getBlasVendor());
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private static List<String> readLines(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            return List.of();
        }
    }
}
