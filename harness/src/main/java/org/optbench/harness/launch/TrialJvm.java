package org.optbench.harness.launch;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.optbench.harness.confinement.ClassPathEntries;
import org.optbench.harness.confinement.ConfinedJvm;
import org.optbench.harness.sandbox.JavaCppCache;

/**
 * The command line of a trial JVM (and of the short-lived helper JVMs that inspect jars and probe the machine):
 * this installation's {@code java} and class path, with a trial's heap, native memory and garbage collector
 * settings and this JVM's JavaCPP cache, confined ({@link ConfinedJvm}: a submission reaches only what the api
 * hands it), up to the main class. Local and cluster trials start with it, so a trial runs the same code under the
 * same limits whoever starts it.
 */
public final class TrialJvm {
    /** The main class the trial JVM starts, inside its confined module layer. */
    static final String MAIN_CLASS = "org.optbench.harness.cli.Main";

    private TrialJvm() {
    }

    /** {@code java <limits> <confinement> ... --main org.optbench.harness.cli.Main}; append the subcommand. */
    public static List<String> command(Limits limits) {
        List<String> options = List.of(
                "-Xmx" + limits.maxHeap(),
                // A small young generation keeps the resident set flat: ND4J frees native buffers only when their
                // Java wrappers are collected.
                "-Xmn32m",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                // A fixed set of JIT compiler threads, which the CPU clock leaves out of a trial's time.
                "-XX:-UseDynamicNumberOfCompilerThreads",
                "-Dorg.bytedeco.javacpp.maxbytes=" + limits.maxNative(),
                // This JVM's JavaCPP cache (the launcher's OPTBENCH_JAVACPP_CACHE), which the sandbox shows the
                // trial: without it a trial looks in ~/.javacpp and unpacks the libraries again, into its /tmp.
                "-Dorg.bytedeco.javacpp.cachedir=" + JavaCppCache.directory());
        return new ArrayList<>(ConfinedJvm.command(ConfinedJvm.applicationClassPath(), options, MAIN_CLASS,
                List.of()));
    }

    /** This JVM's class path with every entry made absolute, so that it holds in another working directory. */
    public static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (Path entry : classPathEntries()) {
            entries.add(entry.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * Every entry of this JVM's class path, absolute, with the jars that a manifest {@code Class-Path} names
     * (as {@code java -jar optbench-harness.jar} has them) spelled out: what a trial's sandbox must show it.
     */
    public static List<Path> classPathEntries() {
        return ClassPathEntries.of(System.getProperty("java.class.path"));
    }
}
