package org.optbench.harness.confinement;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A class path as the JVM reads it, entry by entry: {@code dir/*} is the jars in {@code dir}, and a jar's manifest
 * {@code Class-Path} adds its entries after it ({@code java -jar optbench-harness.jar} has one entry whose manifest
 * names {@code lib/*.jar}). Every entry is absolute and appears once, at its first place.
 */
public final class ClassPathEntries {
    private ClassPathEntries() {
    }

    /** The entries of a class path string ({@code java.class.path}'s form). */
    public static List<Path> of(String classPath) {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*") || entry.endsWith(File.separator + "*")) {
                for (Path jar : jarsIn(Path.of(entry.substring(0, entry.length() - 1)))) {
                    add(jar, entries);
                }
            } else {
                add(Path.of(entry), entries);
            }
        }
        return List.copyOf(entries);
    }

    private static void add(Path entry, Set<Path> entries) {
        Path absolute = entry.toAbsolutePath().normalize();
        if (!entries.add(absolute) || !Files.isRegularFile(absolute)) {
            return;
        }
        for (Path referenced : manifestClassPath(absolute)) {
            add(referenced, entries);
        }
    }

    private static List<Path> jarsIn(Path dir) {
        List<Path> jars = new ArrayList<>();
        Path directory = dir.toString().isEmpty() ? Path.of(".") : dir;
        if (!Files.isDirectory(directory)) {
            return jars;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path p : stream) {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".jar") && Files.isRegularFile(p)) {
                    jars.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        jars.sort(null); // the JVM's order is the directory's; sorted is at least the same every time
        return jars;
    }

    /** The entries a jar's manifest {@code Class-Path} names, resolved against the jar's directory. */
    private static List<Path> manifestClassPath(Path jar) {
        List<Path> referenced = new ArrayList<>();
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            manifest = file.getManifest();
        } catch (IOException e) {
            return referenced; // not a jar: the JVM skips it too
        }
        String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
        if (classPath == null) {
            return referenced;
        }
        URI base = jar.getParent().toUri();
        for (String url : classPath.strip().split("\\s+")) {
            try {
                URI resolved = base.resolve(URI.create(url)); // manifest entries are relative URLs
                if ("file".equals(resolved.getScheme())) {
                    referenced.add(Path.of(resolved));
                }
            } catch (IllegalArgumentException e) {
                // An entry the JVM could not read either.
            }
        }
        return referenced;
    }
}
