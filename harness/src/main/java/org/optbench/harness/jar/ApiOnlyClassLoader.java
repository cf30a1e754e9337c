package org.optbench.harness.jar;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of a submission jar's class loader: it shows the jar the JDK (through the platform class loader), the
 * api ({@code org.optbench.api}) and ND4J ({@code org.nd4j}, with JavaCPP and OpenBLAS, the native layer of its CPU
 * backend: ND4J's own API hands out JavaCPP pointers, and a fast optimizer may call the BLAS and LAPACK that ND4J
 * runs on), and nothing else of optbench's class path, so a jar's own copies of libraries never clash with
 * optbench's and a jar that names a class of the harness does not link.
 *
 * <p>The classes it hands out are the harness's own (in a trial JVM, those of the confined module layer), so the jar
 * and the harness share one {@code Submission} and one {@code INDArray}. Which of their members the jar may use is
 * not this loader's business but the modules': in a trial JVM ({@link org.optbench.harness.confinement.ConfinedJvm})
 * only the exported packages are accessible, whatever the jar loads by name or through another loader.
 */
final class ApiOnlyClassLoader extends ClassLoader {
    /** Package prefixes (binary names) a submission may link against besides the JDK. */
    static final List<String> VISIBLE_PACKAGES = List.of("org.optbench.api.", "org.nd4j.",
            "org.bytedeco.javacpp.", "org.bytedeco.openblas.");

    private final ClassLoader application;

    ApiOnlyClassLoader(ClassLoader application) {
        super("optbench-api-only", ClassLoader.getPlatformClassLoader());
        this.application = application;
    }

    /** Whether a class of this binary name is visible to submissions through this loader. */
    static boolean visible(String binaryName) {
        for (String prefix : VISIBLE_PACKAGES) {
            if (binaryName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a resource name is in a visible package. A name with a {@code ..} or {@code .} segment, or an empty
     * one, is refused outright: a directory class path would resolve {@code org/nd4j/../optbench/...} to a package
     * the prefix check never saw.
     */
    private static boolean visibleResource(String path) {
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return visible(path.replace('/', '.'));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (visible(name)) {
            return application.loadClass(name);
        }
        // The platform loader knows the JDK's classes only; anything else is not found.
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return visibleResource(name) ? application.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (visibleResource(name)) {
            return application.getResources(name);
        }
        return name.startsWith("META-INF/") ? Collections.emptyEnumeration() : super.getResources(name);
    }
}
