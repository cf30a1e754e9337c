package org.optbench.harness.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel resource limits of a confined process, set as soft and hard limit alike so that it cannot raise them
 * again. Core dumps are always off: a core of a trial JVM is its whole heap, written into the staging directory.
 *
 * @param maxFileBytes the largest file it may write ({@code RLIMIT_FSIZE}); a write past it fails with
 *     {@code EFBIG}, or kills a process that does not ignore {@code SIGXFSZ} (the JVM ignores it)
 * @param maxOpenFiles how many descriptors it may hold open ({@code RLIMIT_NOFILE}); the JVM raises its soft limit
 *     to the hard one at start, so both are set
 * @param maxProcesses how many processes and threads its user may run ({@code RLIMIT_NPROC}), or {@code null} for no
 *     limit. The kernel counts every process of the user on the machine, not only the sandbox's, and does not apply
 *     the limit to root at all, so it is a fork-bomb guard for a dedicated non-root user only.
 * @param maxTmpBytes the size of each private tmpfs it gets ({@code /tmp} and scratch directories): tmpfs pages live
 *     in memory but not in the process's resident set, which the trial launcher's watchdog reads
 */
public record ResourceLimits(long maxFileBytes, int maxOpenFiles, Integer maxProcesses, long maxTmpBytes) {
    /** Files up to 2 GiB, 4096 descriptors, no process limit, 512 MiB of {@code /tmp}. */
    public static ResourceLimits defaults() {
        return new ResourceLimits(2L << 30, 4096, null, 512L << 20);
    }

    /** Checks that every limit is positive. */
    public ResourceLimits {
        if (maxFileBytes <= 0 || maxOpenFiles <= 0 || maxTmpBytes <= 0 || (maxProcesses != null && maxProcesses <= 0)) {
            throw new IllegalArgumentException("resource limits must be positive: " + maxFileBytes + " bytes, "
                    + maxOpenFiles + " files, " + maxProcesses + " processes, " + maxTmpBytes + " tmp bytes");
        }
    }

    /** These limits with another largest file size. */
    public ResourceLimits withMaxFileBytes(long bytes) {
        return new ResourceLimits(bytes, maxOpenFiles, maxProcesses, maxTmpBytes);
    }

    /** These limits with a process limit ({@code null} for none). */
    public ResourceLimits withMaxProcesses(Integer processes) {
        return new ResourceLimits(maxFileBytes, maxOpenFiles, processes, maxTmpBytes);
    }

    /** {@code prlimit}'s options for these limits (util-linux; one value sets soft and hard limit). */
    List<String> prlimitOptions() {
        List<String> options = new ArrayList<>(List.of("--core=0", "--fsize=" + maxFileBytes,
                "--nofile=" + maxOpenFiles));
        if (maxProcesses != null) {
            options.add("--nproc=" + maxProcesses);
        }
        return options;
    }
}
