package org.optbench.harness.confinement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Which class path entries go into which module of a confined JVM, and which packages a submission may use: the
 * policy {@link ConfinedJvm} hands the boot launcher.
 *
 * <ul>
 * <li>The application module ({@code optbench.trial}) holds every entry with a class of optbench, Jackson or
 * picocli: optbench's own code, and the two libraries that reflect on its private members (records and options).
 * Its only export is {@value #API}.</li>
 * <li>The libraries module ({@code optbench.libraries}) holds everything else, ND4J first among it. It exports, to
 * every module, the packages of ND4J's api jars (nd4j-api, nd4j-common: arrays, factories, ops, data types) but
 * the {@link #CONCEALED} ones, and JavaCPP's and OpenBLAS's that a fast optimizer calls; not ND4J's CPU backend, its native
 * bindings, the shaded libraries it carries, or any other library.</li>
 * </ul>
 *
 * @param application the entries of the application module, in class path order
 * @param libraries the entries of the libraries module, in class path order
 * @param exports the packages a submission may read
 */
record LayerPlan(List<Path> application, List<Path> libraries, SortedSet<String> exports) {
    /** The one package of optbench a submission sees. */
    static final String API = "org.optbench.api";
    /** Package prefixes of the entries that go into the application module. */
    static final List<String> APPLICATION_PREFIXES = List.of("org/optbench/", "com/fasterxml/jackson/", "picocli/");
    /** A class of each jar whose packages are ND4J's api. */
    static final List<String> ND4J_API_MARKERS = List.of("org/nd4j/linalg/factory/Nd4j.class",
            "org/nd4j/common/base/Preconditions.class");
    /** Packages of JavaCPP and OpenBLAS exported beside ND4J's: pointers, indexers, BLAS and LAPACK. */
    static final List<String> NATIVE_API = List.of("org.bytedeco.javacpp", "org.bytedeco.javacpp.indexer",
            "org.bytedeco.openblas.global");
    /**
     * Packages of ND4J's api jars that no optimizer needs and that would lend a submission ND4J's own powers or a
     * view of the harness's computations: {@code org.nd4j.common.io} has Spring's {@code ReflectionUtils}
     * ({@code makeAccessible}, {@code getField} on any member of the libraries module: ND4J's deallocator keeps
     * every live buffer, the validation data's too) and a class path resource reader; {@code org.nd4j.common.config}
     * lets a caller replace the class loader ND4J loads its classes by name with; {@code org.nd4j.linalg.profiler}
     * registers listeners that receive every op ND4J executes, with its input arrays, evaluation on the validation
     * set included.
     */
    static final Set<String> CONCEALED = Set.of("org.nd4j.common.io", "org.nd4j.common.config",
            "org.nd4j.linalg.profiler", "org.nd4j.linalg.profiler.data", "org.nd4j.linalg.profiler.data.primitives");

    /**
     * Services the libraries load that no service file on the class path names ({@code ServiceLoader.load} with a
     * class constant, found by a scan of the libraries' bytecode): a named module must declare {@code uses} for
     * each, or loading throws {@code ServiceConfigurationError}. The ones a service file names are declared by
     * the launcher itself. A type no module can see is dropped there.
     */
    static final List<String> EXTRA_USES = List.of("java.nio.file.spi.FileSystemProvider",
            "org.threeten.bp.chrono.Chronology", "org.apache.commons.compress.archivers.ArchiveStreamProvider",
            "org.apache.commons.compress.compressors.CompressorStreamProvider");

    private static final Map<List<Path>, LayerPlan> PLANS = new ConcurrentHashMap<>();

    LayerPlan {
        application = List.copyOf(application);
        libraries = List.copyOf(libraries);
        exports = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(exports));
    }

    /** The plan for these entries; made once per entry list in this JVM (it reads every entry's index). */
    static LayerPlan of(List<Path> entries) {
        return PLANS.computeIfAbsent(List.copyOf(entries), LayerPlan::make);
    }

    private static LayerPlan make(List<Path> entries) {
        List<Path> application = new ArrayList<>();
        List<Path> libraries = new ArrayList<>();
        SortedSet<String> exports = new TreeSet<>();
        for (Path entry : entries) {
            List<String> classes = classFiles(entry);
            boolean isApplication = classes.stream().anyMatch(c -> APPLICATION_PREFIXES.stream().anyMatch(c::startsWith));
            (isApplication ? application : libraries).add(entry);
            SortedSet<String> packages = new TreeSet<>();
            for (String c : classes) {
                int slash = c.lastIndexOf('/');
                if (slash > 0) {
                    packages.add(c.substring(0, slash).replace('/', '.'));
                }
            }
            if (packages.contains(API)) {
                exports.add(API);
            }
            if (!isApplication && classes.stream().anyMatch(ND4J_API_MARKERS::contains)) {
                packages.stream().filter(p -> !CONCEALED.contains(p)).forEach(exports::add);
            }
            if (!isApplication) {
                NATIVE_API.stream().filter(packages::contains).forEach(exports::add);
            }
        }
        return new LayerPlan(application, libraries, exports);
    }

    /** The class files of a jar (as this Java reads a multi-release one) or class directory, by entry name. */
    private static List<String> classFiles(Path entry) {
        List<String> classes = new ArrayList<>();
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    files.filter(Files::isRegularFile)
                            .map(f -> entry.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                            .filter(LayerPlan::isClassFile).forEach(classes::add);
                }
            } else if (Files.isRegularFile(entry)) {
                try (JarFile jar = new JarFile(entry.toFile(), false, ZipFile.OPEN_READ, Runtime.version())) {
                    Iterator<JarEntry> it = jar.versionedStream().iterator();
                    while (it.hasNext()) {
                        String name = it.next().getName();
                        if (isClassFile(name)) {
                            classes.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class path entry " + entry, e);
        }
        return classes;
    }

    private static boolean isClassFile(String name) {
        return name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class");
    }
}
