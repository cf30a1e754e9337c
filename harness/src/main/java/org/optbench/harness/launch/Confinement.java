package org.optbench.harness.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.optbench.api.BadInputException;
import org.optbench.harness.sandbox.JavaCppCache;
import org.optbench.harness.sandbox.Sandbox;
import org.optbench.harness.sandbox.SandboxPolicy;

/**
 * How a trial's (or a helper's) JVM is confined by the operating system: in the {@link Sandbox} (bubblewrap: no
 * network, a filesystem view where only its scratch directory is writable and the study's other records are absent,
 * its own process tree, resource limits), or not at all when the user said {@code --no-sandbox}, or, for optbench's
 * own built-in submissions only, when the machine has no sandbox. A jar never runs unconfined unasked.
 */
final class Confinement {
    /**
     * Environment variables that tune the native math libraries, passed into the sandbox (which clears the rest):
     * without {@code OPENBLAS_CORETYPE}, OpenBLAS on a virtual CPU that hides its model falls back to a generic
     * kernel, and a step took 1.8x as long (benchmarks/README.md). None of them carries a credential.
     */
    static final List<String> PASSED_PREFIXES = List.of("OMP_", "GOMP_", "KMP_", "OPENBLAS_", "GOTO", "MKL_",
            "ND4J_", "BLIS_");

    private final Sandbox sandbox;
    private final List<Path> readOnly;

    private Confinement(Sandbox sandbox, List<Path> readOnly) {
        this.sandbox = sandbox;
        this.readOnly = readOnly;
    }

    /** The confinement of a trial: it reads its jar and its data directory, if any. */
    static Confinement forTrial(TrialSettings settings) {
        List<Path> readOnly = new ArrayList<>();
        if (settings.submissionJar() != null) {
            readOnly.add(Path.of(settings.submissionJar()));
        }
        if (settings.dataDir() != null) {
            readOnly.add(Path.of(settings.dataDir()));
        }
        return of(settings.sandbox(), readOnly);
    }

    /** The confinement of a helper JVM that reads {@code readOnly}. */
    static Confinement forHelper(TrialSettings settings, List<Path> readOnly) {
        return of(settings.sandbox(), readOnly);
    }

    private static Confinement of(SandboxMode mode, List<Path> readOnly) {
        if (mode == SandboxMode.OFF) {
            return new Confinement(null, readOnly);
        }
        Sandbox sandbox = Sandbox.detect();
        if (sandbox.available()) {
            return new Confinement(sandbox, readOnly);
        }
        if (mode == SandboxMode.REQUIRED) {
            throw new BadInputException(sandbox.unavailableReason() + " (a submission jar runs only confined)");
        }
        return new Confinement(null, readOnly);
    }

    /** {@code command} confined, its working directory and only writable place {@code scratch}. */
    List<String> wrap(List<String> command, Path scratch) {
        if (sandbox == null) {
            return new ArrayList<>(command);
        }
        JavaCppCache.fill();
        SandboxPolicy policy = SandboxPolicy.forJvm(Path.of(System.getProperty("java.home")),
                TrialJvm.classPathEntries(), JavaCppCache.directory(), scratch, readOnly);
        for (Map.Entry<String, String> e : new TreeMap<>(System.getenv()).entrySet()) {
            if (PASSED_PREFIXES.stream().anyMatch(e.getKey()::startsWith)) {
                policy = policy.withEnvironmentVariable(e.getKey(), e.getValue());
            }
        }
        // The sandbox clears the environment: one native thread, as every trial runs (steadier, deterministic).
        policy = policy.withEnvironmentVariable("OMP_NUM_THREADS",
                System.getenv().getOrDefault("OMP_NUM_THREADS", "1"));
        return new ArrayList<>(sandbox.wrap(command, policy));
    }

    /** Whether the command runs in a PID namespace of its own, in which every process is its doing. */
    boolean ownsPidNamespace() {
        return sandbox != null;
    }

    /** {@code "bwrap"} or {@code "none"}. */
    String name() {
        return sandbox == null ? "none" : sandbox.name();
    }
}
