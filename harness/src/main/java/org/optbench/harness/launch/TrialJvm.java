package org.optbench.harness.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The command line of a trial JVM: this installation's {@code java} and class path, with a trial's heap, native
 * memory and garbage collector settings, up to the main class. Forked trials and cluster tasks both start with it,
 * so a trial runs the same code under the same limits whoever starts it.
 */
public final class TrialJvm {
    private TrialJvm() {
    }

    /** {@code java <limits> -cp <this class path, absolute> org.optbench.harness.cli.Main}; append the subcommand. */
    public static List<String> command(Limits limits) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + limits.maxHeap());
        // A small young generation keeps the resident set flat: ND4J frees native buffers only when their Java
        // wrappers are collected.
        command.add("-Xmn32m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:+ExitOnOutOfMemoryError");
        // A fixed set of JIT compiler threads, which the CPU clock leaves out of a trial's time (SystemClock).
        command.add("-XX:-UseDynamicNumberOfCompilerThreads");
        command.add("-Dorg.bytedeco.javacpp.maxbytes=" + limits.maxNative());
        command.add("-cp");
        command.add(absoluteClassPath());
        command.add("org.optbench.harness.cli.Main");
        return command;
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
     * Every entry of this JVM's class path, absolute, with the jars that a jar's manifest {@code Class-Path} names
     * (as {@code java -jar optbench-harness.jar} has them) spelled out: a trial JVM, and its sandbox, need them all.
     */
    public static List<Path> classPathEntries() {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.endsWith("*")) {
                Path dir = Path.of(entry.substring(0, entry.length() - 1)).toAbsolutePath().normalize();
                try (var jars = Files.list(dir)) {
                    jars.filter(j -> j.toString().endsWith(".jar")).sorted().forEach(entries::add);
                } catch (IOException e) {
                    // A wildcard over a missing directory adds nothing, as for the JVM itself.
                }
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            entries.add(path);
            entries.addAll(manifestClassPath(path));
        }
        return List.copyOf(entries);
    }

    private static List<Path> manifestClassPath(Path jar) {
        List<Path> more = new ArrayList<>();
        if (!Files.isRegularFile(jar)) {
            return more;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null
                    : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath != null) {
                for (String relative : classPath.trim().split("\\s+")) {
                    if (!relative.isEmpty()) {
                        more.add(jar.getParent().resolve(relative).normalize());
                    }
                }
            }
        } catch (IOException e) {
            // Not a readable jar: the JVM would not read its manifest either.
        }
        return more;
    }
}
