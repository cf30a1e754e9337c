package org.optbench.harness.isolation;

import java.nio.file.Path;
import java.util.List;

import org.optbench.harness.confinement.ConfinedJvm;
import org.optbench.harness.trial.Software;

/**
 * The command line of a trial JVM: this installation's {@code java} and class path, with a trial's heap, native
 * memory and garbage collector settings, confined ({@link ConfinedJvm}: a submission reaches only what the api
 * hands it), up to the main class. Forked trials and cluster tasks both start with it, so a trial runs the same
 * code under the same limits whoever starts it.
 */
public final class TrialJvm {
    /** The main class the trial JVM starts, inside its confined module layer. */
    static final String MAIN_CLASS = "org.optbench.harness.cli.Main";

    private TrialJvm() {
    }

    /**
     * {@code java <limits> <confinement> ... --main org.optbench.harness.cli.Main}; append the subcommand, which
     * the main class receives.
     */
    public static List<String> command(ForkedTrial.Limits limits) {
        return command(limits, ConfinedJvm.applicationClassPath());
    }

    /** The same, for a given application class path (tests, an installation other than this JVM's). */
    public static List<String> command(ForkedTrial.Limits limits, List<Path> applicationClassPath) {
        List<String> options = List.of(
                "-Xmx" + limits.maxHeap(),
                // A small young generation keeps the resident set flat: ND4J frees native buffers only when their
                // Java wrappers are collected.
                "-Xmn32m",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dorg.bytedeco.javacpp.maxbytes=" + limits.maxNativeBytes(),
                "-Doptbench.gitCommit=" + Software.gitCommit());
        return ConfinedJvm.command(applicationClassPath, options, MAIN_CLASS, List.of());
    }
}
