package org.optbench.boot;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The content of one module made of several class path entries, merged as a class path merges them: the first entry
 * that holds a name wins. Jars are read as the running Java sees them (a multi-release jar's entries for this Java
 * version replace the base ones); every {@code module-info.class} is ignored, since the module's descriptor is
 * built from the content, not taken from one of its jars. It is also the module's {@link ModuleReader}.
 */
final class ModuleContent implements ModuleReader {
    private static final String SERVICES = "META-INF/services/";
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_");

    /** Where a name's bytes come from. */
    private sealed interface Source {
        InputStream open() throws IOException;

        URI uri();
    }

    private record InJar(Path jarPath, JarFile jar, JarEntry entry) implements Source {
        @Override
        public InputStream open() throws IOException {
            return jar.getInputStream(entry);
        }

        @Override
        public URI uri() {
            try {
                return new URI("jar", jarPath.toUri() + "!/" + entry.getRealName(), null);
            } catch (URISyntaxException e) {
                throw new IllegalStateException("a jar entry is always a URI: " + entry.getRealName(), e);
            }
        }
    }

    private record InDirectory(Path file) implements Source {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public URI uri() {
            return file.toUri();
        }
    }

    private record InMemory(byte[] bytes, URI uri) implements Source {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }
    }

    private final URI location;
    private final Map<String, Source> sources;
    private final Map<String, List<Source>> serviceFiles;
    private final Set<String> classPackages;
    private final Set<String> resourcePackages;

    private ModuleContent(URI location, Map<String, Source> sources, Map<String, List<Source>> serviceFiles) {
        this.location = location;
        this.sources = sources;
        this.serviceFiles = serviceFiles;
        Set<String> classes = new TreeSet<>();
        Set<String> resources = new TreeSet<>();
        for (String name : sources.keySet()) {
            int slash = name.lastIndexOf('/');
            if (slash <= 0 || name.endsWith("/")) {
                continue; // the unnamed package and directories are no package of a named module
            }
            String pkg = name.substring(0, slash).replace('/', '.');
            if (!isQualifiedName(pkg)) {
                continue; // META-INF/..., org/bytedeco/openblas/linux-x86_64/...: not a package, never encapsulated
            }
            (name.endsWith(".class") ? classes : resources).add(pkg);
        }
        resources.removeAll(classes);
        this.classPackages = Collections.unmodifiableSet(classes);
        this.resourcePackages = Collections.unmodifiableSet(resources);
    }

    /**
     * Reads the names of {@code entries} (jars or class directories) and adds {@code extra} (name to where its
     * bytes are) after them. The jars stay open for the life of the JVM: their classes load lazily.
     */
    static ModuleContent of(Iterable<Path> entries, Map<String, URL> extra) {
        Map<String, Source> sources = new LinkedHashMap<>();
        Map<String, List<Source>> serviceFiles = new LinkedHashMap<>();
        URI location = null;
        for (Path entry : entries) {
            if (location == null) {
                location = entry.toUri();
            }
            if (Files.isDirectory(entry)) {
                addDirectory(entry, sources, serviceFiles);
            } else if (Files.isRegularFile(entry)) {
                addJar(entry, sources, serviceFiles);
            }
            // A class path entry that does not exist is skipped, as the JVM skips it.
        }
        for (Map.Entry<String, URL> e : extra.entrySet()) {
            try (InputStream in = e.getValue().openStream()) {
                sources.putIfAbsent(e.getKey(), new InMemory(in.readAllBytes(), e.getValue().toURI()));
            } catch (IOException | URISyntaxException ex) {
                throw new IllegalStateException("cannot read " + e.getValue(), ex);
            }
        }
        return new ModuleContent(location, sources, serviceFiles);
    }

    private static void add(String name, Source source, Map<String, Source> sources,
                            Map<String, List<Source>> serviceFiles) {
        if (isModuleInfo(name)) {
            return;
        }
        sources.putIfAbsent(name, source);
        if (name.startsWith(SERVICES) && name.indexOf('/', SERVICES.length()) < 0) {
            serviceFiles.computeIfAbsent(name, k -> new ArrayList<>()).add(source);
        }
    }

    private static void addJar(Path path, Map<String, Source> sources, Map<String, List<Source>> serviceFiles) {
        try {
            @SuppressWarnings("resource") // open for the life of the JVM
            JarFile jar = new JarFile(path.toFile(), false, ZipFile.OPEN_READ, Runtime.version());
            Iterator<JarEntry> entries = jar.versionedStream().iterator();
            while (entries.hasNext()) {
                JarEntry entry = entries.next();
                String name = entry.getName();
                if (!entry.isDirectory()) {
                    add(name, new InJar(path, jar, entry), sources, serviceFiles);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static void addDirectory(Path root, Map<String, Source> sources,
                                     Map<String, List<Source>> serviceFiles) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = root.relativize(file).toString().replace(File.separator, "/");
                add(name, new InDirectory(file), sources, serviceFiles);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
    }

    private static boolean isModuleInfo(String name) {
        return name.equals("module-info.class") || name.endsWith("/module-info.class");
    }

    /** Whether {@code name} is a package or class name the module system accepts: dotted Java identifiers. */
    static boolean isQualifiedName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty() || KEYWORDS.contains(part) || !Character.isJavaIdentifierStart(part.codePointAt(0))) {
                return false;
            }
            for (int i = Character.charCount(part.codePointAt(0)); i < part.length(); ) {
                int c = part.codePointAt(i);
                if (!Character.isJavaIdentifierPart(c)) {
                    return false;
                }
                i += Character.charCount(c);
            }
        }
        return true;
    }

    /** The package of a class name ({@code a.b.C} is in {@code a.b}), or "" for the unnamed package. */
    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    /** Where the module comes from: its first entry, or {@code null} when it has none. */
    URI location() {
        return location;
    }

    /** The packages that hold classes. */
    Set<String> classPackages() {
        return classPackages;
    }

    /** Directories with a package's name that hold resources only. */
    Set<String> resourcePackages() {
        return resourcePackages;
    }

    /** Whether the content holds the class of this binary name. */
    boolean hasClass(String binaryName) {
        return sources.containsKey(binaryName.replace('.', '/') + ".class");
    }

    /**
     * The service files: service type to provider class names, in entry order, every entry's file included (a
     * class path would read them all).
     */
    Map<String, Set<String>> services() {
        Map<String, Set<String>> services = new LinkedHashMap<>();
        for (Map.Entry<String, List<Source>> e : serviceFiles.entrySet()) {
            Set<String> providers = services.computeIfAbsent(e.getKey().substring(SERVICES.length()),
                    k -> new LinkedHashSet<>());
            for (Source source : e.getValue()) {
                try (InputStream in = source.open()) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                        int hash = line.indexOf('#');
                        String provider = (hash >= 0 ? line.substring(0, hash) : line).strip();
                        if (!provider.isEmpty()) {
                            providers.add(provider);
                        }
                    }
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot read " + source.uri(), ex);
                }
            }
        }
        return services;
    }

    @Override
    public Optional<URI> find(String name) {
        Source source = sources.get(name);
        return source == null ? Optional.empty() : Optional.of(source.uri());
    }

    @Override
    public Optional<InputStream> open(String name) throws IOException {
        Source source = sources.get(name);
        return source == null ? Optional.empty() : Optional.of(source.open());
    }

    @Override
    public Optional<ByteBuffer> read(String name) throws IOException {
        Source source = sources.get(name);
        if (source == null) {
            return Optional.empty();
        }
        try (InputStream in = source.open()) {
            return Optional.of(ByteBuffer.wrap(in.readAllBytes()));
        }
    }

    @Override
    public Stream<String> list() {
        return sources.keySet().stream();
    }

    @Override
    public void close() {
        // The jars stay open: the layer's loader reads them until the JVM exits.
    }
}
