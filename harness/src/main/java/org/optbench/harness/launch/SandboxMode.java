package org.optbench.harness.launch;

/**
 * Whether a trial JVM runs confined by the operating system (its own network, mount and process namespaces).
 * A submission jar needs the sandbox unless the user says {@code --no-sandbox}; built-in submissions use it where
 * the machine has it, so that every trial on a machine is timed the same way.
 */
public enum SandboxMode {
    /** Confined where the machine can, else not (built-in submissions). */
    AUTO,
    /** Confined, or not run at all (submission jars). */
    REQUIRED,
    /** Not confined: the user said {@code --no-sandbox}. */
    OFF
}
