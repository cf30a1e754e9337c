package org.optbench.harness.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Where JavaCPP keeps ND4J's and OpenBLAS's native libraries, and how a confined JVM gets to use them without being
 * able to change them.
 *
 * <p>JavaCPP extracts the libraries from their jars into this cache on first use, one subdirectory per jar (with
 * absolute symbolic links between them), and reuses a file when its size and time stamp match the jar entry. What
 * running it inside bubblewrap showed (JavaCPP 1.5.7, ND4J 1.0.0-M2.1):
 * <ul>
 *   <li>A cache bound read-only is not used at all: {@code Loader.getCacheDir()} takes a directory only when it can
 *       write to it, so JavaCPP silently falls back to {@code java.io.tmpdir/.javacpp-USER/cache} and extracts all
 *       397 MB again, into the sandbox's tmpfs (memory), in every trial. Naming the cache with
 *       {@code -Dorg.bytedeco.javacpp.cachedir} changes nothing; {@code pathsFirst} with a library path still copies
 *       OpenBLAS (30 MB).</li>
 *   <li>A cache bound writable would let an untrusted trial replace a library that the parent and every later trial
 *       then load.</li>
 *   <li>Without {@code /etc/passwd} the JVM's {@code user.home} is {@code ?}, and JavaCPP creates its cache
 *       relative to the working directory, i.e. in the trial's staging directory.</li>
 * </ul>
 * So the sandbox mounts a private, empty, writable tmpfs on the cache directory (JavaCPP's write check passes, and
 * its {@code .lock} file, should it take one, is private) and binds each of the cache's entries read-only inside
 * it at its own path. Every library is then found extracted and loaded from the shared files; nothing is written.
 * A library missing from the cache would be extracted into that private tmpfs, bounded by
 * {@link ResourceLimits#maxTmpBytes()}, so the parent fills the cache first ({@link #fill()}).
 */
public final class JavaCppCache {
    private JavaCppCache() {
    }

    /** The cache of this JVM: {@code org.bytedeco.javacpp.cachedir} when set, else {@code ~/.javacpp/cache}. */
    public static Path directory() {
        String property = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (property == null || property.isBlank()) {
            property = System.getProperty("org.bytedeco.javacpp.cacheDir");
        }
        return property != null && !property.isBlank() ? Path.of(property).toAbsolutePath().normalize()
                : Path.of(System.getProperty("user.home"), ".javacpp", "cache").toAbsolutePath().normalize();
    }

    /**
     * Loads ND4J's CPU backend in this (trusted) JVM, which extracts every library a trial loads into the cache; a
     * no-op once the backend is loaded. Call it before computing a policy, whose view of the cache is its entries at
     * that moment.
     */
    public static void fill() {
        Nd4j.getBackend();
    }

    /** The entries of {@code cache} (one directory per jar), empty when there is no cache yet. */
    static List<Path> entries(Path cache) {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(cache)) {
            // The lock file is JavaCPP's, per extraction; a confined JVM extracts nothing and takes its own.
            return entries.filter(entry -> !entry.getFileName().toString().equals(".lock")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the JavaCPP cache " + cache, e);
        }
    }
}
