package org.optbench.harness.jar;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

import org.optbench.api.ApiVersion;
import org.optbench.api.BadInputException;
import org.optbench.api.Submission;

/**
 * A submission jar, opened and loaded: its manifest, its class files, and its class loader, whose parent shows it
 * only the JDK, the api and ND4J ({@link ApiOnlyClassLoader}). The submission class is found through
 * {@link ServiceLoader} ({@code META-INF/services/org.optbench.api.Submission}).
 *
 * <p>Its class files are every {@code .class} entry of the jar, wherever it lies: a multi-release jar's
 * {@code META-INF/versions/N/} copies are what its loader runs on Java N and later, and a class file no loader would
 * look for is still code the jar carries, so the check reads them all.
 *
 * <p>Every way a jar can be unusable (no such file, not a zip, no service entry, a provider that is missing, is not
 * a {@code Submission}, is compiled for a newer Java or needs a class the jar does not carry) is a one-line
 * {@link BadInputException} naming the jar.
 */
public final class SubmissionJar implements AutoCloseable {
    /** The service file a submission jar must carry. */
    public static final String SERVICE_FILE = "META-INF/services/" + Submission.class.getName();
    /** Where a multi-release jar keeps the classes for Java N: {@code META-INF/versions/N/}. */
    private static final Pattern VERSIONED_ENTRY = Pattern.compile("META-INF/versions/([0-9]{1,9})/(.+)");

    private final Path path;
    private final String apiVersion;
    private final Map<String, byte[]> classFiles;
    private final Set<String> loadableClasses;
    private final List<String> providerNames;
    private final URLClassLoader loader;

    private SubmissionJar(Path path, String apiVersion, Map<String, byte[]> classFiles, Set<String> loadableClasses,
                          List<String> providerNames, URLClassLoader loader) {
        this.path = path;
        this.apiVersion = apiVersion;
        this.classFiles = classFiles;
        this.loadableClasses = loadableClasses;
        this.providerNames = providerNames;
        this.loader = loader;
    }

    /** Whether a {@code --submission} value names a jar (it ends in {@code .jar}) rather than a built-in. */
    public static boolean isJarPath(String nameOrJar) {
        return nameOrJar.toLowerCase(java.util.Locale.ROOT).endsWith(".jar");
    }

    /** Opens a jar, reads its manifest, class files and service entry, and makes its class loader. */
    public static SubmissionJar open(Path jar) {
        Path path = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new BadInputException(jar + ": no such submission jar");
        }
        String apiVersion;
        Map<String, byte[]> classFiles = new LinkedHashMap<>();
        String services;
        boolean multiRelease;
        try (JarFile file = new JarFile(path.toFile(), false)) {
            // The same test the class loader's JarFile makes of the manifest.
            multiRelease = file.isMultiRelease();
            Manifest manifest = file.getManifest();
            apiVersion = manifest == null ? null
                    : manifest.getMainAttributes().getValue(ApiVersion.MANIFEST_ATTRIBUTE);
            JarEntry serviceEntry = file.getJarEntry(SERVICE_FILE);
            if (serviceEntry == null) {
                throw new BadInputException(jar + ": no " + SERVICE_FILE + " entry; a submission jar names its "
                        + "Submission class there");
            }
            try (InputStream in = file.getInputStream(serviceEntry)) {
                services = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.endsWith(".class") && !entry.isDirectory()) {
                    if (classFiles.containsKey(name)) {
                        throw new BadInputException(jar + ": two entries are named " + name + "; a loader would "
                                + "read only one of them");
                    }
                    try (InputStream in = file.getInputStream(entry)) {
                        classFiles.put(name, in.readAllBytes());
                    }
                }
            }
        } catch (ZipException e) {
            throw new BadInputException(jar + ": not a jar (zip) file (" + e.getMessage() + ")", e);
        } catch (IOException | SecurityException e) {
            throw new BadInputException(jar + ": cannot read the jar (" + e.getMessage() + ")", e);
        }
        List<String> providers = parseProviders(services, jar);
        Set<String> loadable = loadableClasses(classFiles.keySet(), multiRelease);
        for (String provider : providers) {
            if (!loadable.contains(provider.replace('.', '/'))) {
                throw new BadInputException(jar + ": " + SERVICE_FILE + " names " + provider
                        + ", which is not in the jar");
            }
        }
        checkClassVersions(jar, classFiles);
        URL url;
        try {
            url = path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("a file path is always a URL: " + path, e);
        }
        URLClassLoader loader = new URLClassLoader("submission:" + path.getFileName(), new URL[] {url},
                new ApiOnlyClassLoader(SubmissionJar.class.getClassLoader()));
        return new SubmissionJar(path, apiVersion, classFiles, loadable, providers, loader);
    }

    /**
     * The class (internal name) a loader finds at a jar entry: {@code com/example/Evil} for
     * {@code com/example/Evil.class} and for {@code META-INF/versions/17/com/example/Evil.class}; {@code null} for an
     * entry no loader looks up as a class (not a {@code .class} file, or elsewhere under {@code META-INF/}).
     */
    static String lookupName(String entryName) {
        if (!entryName.endsWith(".class")) {
            return null;
        }
        String name = entryName;
        Matcher versioned = VERSIONED_ENTRY.matcher(entryName);
        if (versioned.matches()) {
            name = versioned.group(2);
        }
        return name.startsWith("META-INF/") ? null : name.substring(0, name.length() - ".class".length());
    }

    /**
     * The classes (internal names) the jar's loader can find in the jar: those at their own path and, in a
     * multi-release jar, those in the {@code META-INF/versions/N/} of a Java from 9 up to this one.
     */
    private static Set<String> loadableClasses(Set<String> entryNames, boolean multiRelease) {
        int runtime = Runtime.version().feature();
        Set<String> names = new HashSet<>();
        for (String entry : entryNames) {
            String name = lookupName(entry);
            if (name == null) {
                continue;
            }
            Matcher versioned = VERSIONED_ENTRY.matcher(entry);
            if (!versioned.matches()) {
                names.add(name);
            } else if (multiRelease) {
                int version = Integer.parseInt(versioned.group(1));
                if (version >= 9 && version <= runtime) {
                    names.add(name);
                }
            }
        }
        return Set.copyOf(names);
    }

    private static List<String> parseProviders(String services, Path jar) {
        List<String> names = new ArrayList<>();
        for (String line : services.split("\\R")) {
            int hash = line.indexOf('#');
            String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!name.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.$]*")) {
                throw new BadInputException(jar + ": " + SERVICE_FILE + " has '" + name
                        + "', which is not a class name");
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new BadInputException(jar + ": " + SERVICE_FILE + " names no class");
        }
        return List.copyOf(names);
    }

    private static void checkClassVersions(Path jar, Map<String, byte[]> classFiles) {
        int supported = Runtime.version().feature() + 44;
        for (Map.Entry<String, byte[]> e : classFiles.entrySet()) {
            byte[] b = e.getValue();
            if (b.length < 10 || (b[0] & 0xff) != 0xCA || (b[1] & 0xff) != 0xFE || (b[2] & 0xff) != 0xBA
                    || (b[3] & 0xff) != 0xBE) {
                throw new BadInputException(jar + ": " + e.getKey() + " is not a class file");
            }
            int major = ((b[6] & 0xff) << 8) | (b[7] & 0xff);
            if (major > supported) {
                throw new BadInputException(jar + ": " + e.getKey() + " is compiled for Java " + (major - 44)
                        + " (class file version " + major + "); this JVM runs Java " + Runtime.version().feature()
                        + ": compile with --release " + Runtime.version().feature());
            }
        }
    }

    /** The jar's absolute path. */
    public Path path() {
        return path;
    }

    /** The api version in the manifest ({@link ApiVersion#MANIFEST_ATTRIBUTE}), if the jar names one. */
    public Optional<String> apiVersion() {
        return Optional.ofNullable(apiVersion);
    }

    /** The class names {@link #SERVICE_FILE} lists, in order. */
    public List<String> providerNames() {
        return providerNames;
    }

    /**
     * The jar's class files by entry name ({@code com/example/Lion.class},
     * {@code META-INF/versions/17/com/example/Lion.class}), every {@code .class} entry wherever it lies, in jar order.
     */
    public Map<String, byte[]> classFiles() {
        return classFiles;
    }

    /**
     * Whether the jar's loader can find the class (an internal name) in the jar: at its own path, or, in a
     * multi-release jar, in the {@code META-INF/versions/N/} of a Java from 9 up to this one.
     */
    boolean definesClass(String internalName) {
        return loadableClasses.contains(internalName);
    }

    /** The loader of the jar's classes. */
    public ClassLoader classLoader() {
        return loader;
    }

    /**
     * The submission classes that {@link ServiceLoader} finds in this jar, by name.
     *
     * @throws BadInputException when one cannot be loaded or is not a {@code Submission}
     */
    public Map<String, Class<? extends Submission>> submissionClasses() {
        Map<String, Class<? extends Submission>> byName = new LinkedHashMap<>();
        try {
            for (ServiceLoader.Provider<Submission> provider
                    : ServiceLoader.load(Submission.class, loader).stream().toList()) {
                Class<? extends Submission> type = provider.type();
                if (type.getClassLoader() == loader) {
                    byName.put(type.getName(), type);
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new BadInputException(path.getFileName() + ": " + describeLoadFailure(e), e);
        }
        return byName;
    }

    /**
     * A fresh instance of the jar's submission: its only one, or the one named by {@code submissionClass}.
     *
     * @param submissionClass the class to pick when the jar offers several, or {@code null}
     */
    public Submission instantiate(String submissionClass) {
        Class<? extends Submission> type = chooseClass(submissionClass);
        return newInstance(type);
    }

    /** The class {@link #instantiate} would make. */
    public Class<? extends Submission> chooseClass(String submissionClass) {
        Map<String, Class<? extends Submission>> classes = submissionClasses();
        if (submissionClass != null) {
            Class<? extends Submission> type = classes.get(submissionClass);
            if (type == null) {
                throw new BadInputException(path.getFileName() + " has no submission class '" + submissionClass
                        + "'; it offers " + String.join(", ", classes.keySet()));
            }
            return type;
        }
        if (classes.size() != 1) {
            throw new BadInputException(path.getFileName() + " offers " + classes.size() + " submissions ("
                    + String.join(", ", classes.keySet()) + "); choose one with --submission-class");
        }
        return classes.values().iterator().next();
    }

    /** A new instance through the public no-argument constructor; failures are one-line bad input. */
    public Submission newInstance(Class<? extends Submission> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new BadInputException(path.getFileName() + ": " + type.getName()
                    + " needs a public no-argument constructor");
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new BadInputException(path.getFileName() + ": the constructor of " + type.getName() + " threw "
                    + describeLoadFailure(cause), cause);
        } catch (ReflectiveOperationException e) {
            throw new BadInputException(path.getFileName() + ": cannot instantiate " + type.getName() + " ("
                    + e + ")", e);
        } catch (LinkageError e) {
            throw new BadInputException(path.getFileName() + ": " + describeLoadFailure(e), e);
        }
    }

    /** One line for a failure to load or link a class of the jar. */
    static String describeLoadFailure(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof NoClassDefFoundError || root instanceof ClassNotFoundException) {
            String missing = String.valueOf(root.getMessage()).replace('/', '.');
            return "needs class " + missing + ", which is neither in the jar nor in optbench-api, ND4J or its JavaCPP and OpenBLAS "
                    + "(bundle it in the jar)";
        }
        if (root instanceof UnsupportedClassVersionError) {
            return "a class is compiled for a newer Java: " + root.getMessage();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return (root.getClass().getSimpleName() + message).strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Closes the jar's class loader; classes already loaded stay usable. */
    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            // Nothing to do: the jar file handle is released when the loader is collected.
        }
    }
}
