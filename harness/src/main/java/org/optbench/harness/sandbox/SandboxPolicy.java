package org.optbench.harness.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a confined process may see and do beyond the system directories that {@link Sandbox} always shows read-only
 * ({@code /usr} and its merged-/usr links, a few files of {@code /etc}): every other path is absent.
 *
 * @param readOnlyPaths files and directories it may read, each at its own path
 * @param writablePaths directories it may write, each at its own path (a trial's staging directory)
 * @param scratchPaths directories it gets as a fresh, empty, private tmpfs, discarded when it ends (see
 *     {@link JavaCppCache} for why the JavaCPP cache is one)
 * @param workingDirectory where it starts; must be one of the paths above or inside one
 * @param limits its kernel resource limits
 * @param environment its whole environment: nothing of the parent's is passed on, which may hold credentials
 */
public record SandboxPolicy(List<Path> readOnlyPaths, List<Path> writablePaths, List<Path> scratchPaths,
                            Path workingDirectory, ResourceLimits limits, Map<String, String> environment) {

    /** Checks that every path is absolute and none is the root, and copies the lists. */
    public SandboxPolicy {
        readOnlyPaths = checked(readOnlyPaths);
        writablePaths = checked(writablePaths);
        scratchPaths = checked(scratchPaths);
        workingDirectory = checked(List.of(workingDirectory)).get(0);
        if (limits == null) {
            throw new IllegalArgumentException("a sandbox policy needs resource limits");
        }
        environment = Map.copyOf(environment);
    }

    /** A search path, a UTF-8 locale and a home in the private {@code /tmp}. */
    public static Map<String, String> defaultEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.put("LANG", "C.UTF-8");
        environment.put("HOME", "/tmp");
        return environment;
    }

    /**
     * The policy of a trial JVM started like this one ({@code java.home}, {@code java.class.path}): fills the JavaCPP
     * cache first ({@link JavaCppCache#fill()}), then as {@link #forJvm}.
     */
    public static SandboxPolicy forThisJvm(Path stagingDir, List<Path> dataDirs) {
        JavaCppCache.fill();
        List<Path> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                // A "dir/*" entry names the jars in dir.
                classPath.add(Path.of(entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry));
            }
        }
        return forJvm(Path.of(System.getProperty("java.home")), classPath, JavaCppCache.directory(), stagingDir,
                dataDirs);
    }

    /**
     * The policy of a JVM that runs our code and ND4J, writes only into {@code stagingDir} and starts there.
     *
     * @param javaHome the JDK, with whatever its symbolic links point at outside it (Debian's JDK links its
     *     {@code conf} files into {@code /etc/java-17-openjdk})
     * @param classPath the class path's jars and directories; entries that do not exist are left out
     * @param javaCppCache the JavaCPP cache, shown as {@link JavaCppCache} explains
     * @param stagingDir the one directory it may write
     * @param dataDirs data it may read
     */
    public static SandboxPolicy forJvm(Path javaHome, List<Path> classPath, Path javaCppCache, Path stagingDir,
                                       List<Path> dataDirs) {
        Set<Path> readOnly = new LinkedHashSet<>();
        Path home = javaHome.toAbsolutePath().normalize();
        readOnly.add(home);
        readOnly.addAll(linkTargetsOutside(home));
        for (Path entry : classPath) {
            if (Files.exists(entry)) {
                readOnly.add(entry.toAbsolutePath().normalize());
            }
        }
        Path cache = javaCppCache.toAbsolutePath().normalize();
        List<Path> cacheEntries = JavaCppCache.entries(cache);
        readOnly.addAll(cacheEntries);
        for (Path dir : dataDirs) {
            readOnly.add(dir.toAbsolutePath().normalize());
        }
        Path staging = stagingDir.toAbsolutePath().normalize();
        return new SandboxPolicy(List.copyOf(readOnly), List.of(staging),
                cacheEntries.isEmpty() ? List.of() : List.of(cache), staging, ResourceLimits.defaults(),
                defaultEnvironment());
    }

    /** This policy with other resource limits. */
    public SandboxPolicy withLimits(ResourceLimits other) {
        return new SandboxPolicy(readOnlyPaths, writablePaths, scratchPaths, workingDirectory, other, environment);
    }

    /** This policy with one more environment variable (or another value for one it has). */
    public SandboxPolicy withEnvironmentVariable(String name, String value) {
        Map<String, String> other = new LinkedHashMap<>(environment);
        other.put(name, value);
        return new SandboxPolicy(readOnlyPaths, writablePaths, scratchPaths, workingDirectory, limits, other);
    }

    /** This policy with more read-only paths. */
    public SandboxPolicy withReadOnlyPaths(List<Path> more) {
        List<Path> paths = new ArrayList<>(readOnlyPaths);
        paths.addAll(more);
        return new SandboxPolicy(paths, writablePaths, scratchPaths, workingDirectory, limits, environment);
    }

    /**
     * The real paths that symbolic links inside {@code dir} point at outside it, so that they resolve in a sandbox
     * that shows {@code dir}; links that point nowhere are left out.
     */
    static List<Path> linkTargetsOutside(Path dir) {
        Set<Path> targets = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isSymbolicLink).forEach(link -> {
                try {
                    Path target = link.toRealPath();
                    if (!target.startsWith(dir)) {
                        targets.add(target);
                    }
                } catch (IOException e) {
                    // A dangling link (Debian's docs link when the docs are not installed) needs nothing.
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JDK at " + dir, e);
        }
        return List.copyOf(targets);
    }

    private static List<Path> checked(List<Path> paths) {
        List<Path> normalized = new ArrayList<>();
        for (Path path : paths) {
            if (path == null || !path.isAbsolute()) {
                throw new IllegalArgumentException("a sandbox path must be absolute: " + path);
            }
            Path clean = path.normalize();
            if (clean.getNameCount() == 0) {
                throw new IllegalArgumentException("a sandbox may not show the whole file system (/)");
            }
            normalized.add(clean);
        }
        return List.copyOf(normalized);
    }
}
