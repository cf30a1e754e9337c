package org.optbench.harness.isolation;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.optbench.harness.trial.Software;

/**
 * The command line of a trial JVM: this installation's {@code java} and class path, with a trial's heap, native
 * memory and garbage collector settings, up to the main class. Forked trials and cluster tasks both start with it,
 * so a trial runs the same code under the same limits whoever starts it.
 */
public final class TrialJvm {
    private TrialJvm() {
    }

    /** {@code java <limits> -cp <this class path, absolute> org.optbench.harness.cli.Main}; append the subcommand. */
    public static List<String> command(ForkedTrial.Limits limits) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + limits.maxHeap());
        // A small young generation keeps the resident set flat: ND4J frees native buffers only when their Java
        // wrappers are collected.
        command.add("-Xmn32m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Dorg.bytedeco.javacpp.maxbytes=" + limits.maxNativeBytes());
        command.add("-Doptbench.gitCommit=" + Software.gitCommit());
        command.add("-cp");
        command.add(absoluteClassPath());
        command.add("org.optbench.harness.cli.Main");
        return command;
    }

    /** This JVM's class path with every entry made absolute, so that it holds in another working directory. */
    static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(entry.endsWith("*")
                        ? Path.of(entry.substring(0, entry.length() - 1)).toAbsolutePath() + File.separator + "*"
                        : Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
