package org.optbench.harness.jar;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.optbench.api.ApiVersion;

/**
 * Builds submission jars in tests: compiles Java sources with {@link JavaCompiler} against the test class path
 * (which holds optbench-api and ND4J, as the template's {@code provided} dependencies) and packs them with
 * {@code java.util.jar}, as the template's Maven build would.
 */
public final class JarFixtures {
    /** The template project, relative to the harness module (surefire's working directory). */
    public static final Path TEMPLATE = Path.of("..", "submissions", "template");

    private JarFixtures() {
    }

    /**
     * The source of a submission {@code pkg.Name} whose {@code update} runs {@code updateBody}; {@code members}
     * adds fields, methods or nested classes.
     */
    public static String submission(String qualifiedName, String updateBody, String members) {
        int dot = qualifiedName.lastIndexOf('.');
        String pkg = qualifiedName.substring(0, dot);
        String simple = qualifiedName.substring(dot + 1);
        return "package " + pkg + ";\n"
                + "import org.optbench.api.*;\n"
                + "public final class " + simple + " implements Submission {\n"
                + "  public String name() { return \"" + simple.toLowerCase(java.util.Locale.ROOT) + "\"; }\n"
                + "  public OptimizerState init(WorkloadInfo w, Params p, HyperParameters h, Rng r) {"
                + " return OptimizerState.NONE; }\n"
                + "  public void update(StepContext context) {\n" + updateBody + "\n  }\n"
                + members + "\n}\n";
    }

    /**
     * Compiles {@code sources} (qualified class name to source) for Java 17 and packs the classes, the text
     * {@code resources} (jar path to content) and a manifest naming {@code apiVersion} (none when {@code null}).
     */
    public static Path build(Path work, String jarName, Map<String, String> sources, Map<String, String> resources,
                             String apiVersion) {
        try {
            Path root = Files.createDirectories(work.resolve(jarName + ".build"));
            Path classes = Files.createDirectories(root.resolve("classes"));
            compile(writeSources(root.resolve("src"), sources), classes);
            for (Map.Entry<String, String> r : resources.entrySet()) {
                Path file = classes.resolve(r.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, r.getValue());
            }
            return pack(classes, work.resolve(jarName), apiVersion);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A multi-release jar ({@code Multi-Release: true}): {@code base} compiled at the jar's root, and
     * {@code versioned} (the same class names, other bodies) compiled apart and packed under
     * {@code META-INF/versions/17/}, which is what a Java 17 loader runs. The classes are left in
     * {@code work/jarName.build/classes} for a test to alter and {@link #pack} again.
     */
    public static Path multiReleaseJar(Path work, String jarName, Map<String, String> base,
                                       Map<String, String> versioned, Map<String, String> resources,
                                       String apiVersion) {
        try {
            Path root = Files.createDirectories(work.resolve(jarName + ".build"));
            Path classes = Files.createDirectories(root.resolve("classes"));
            compile(writeSources(root.resolve("src"), base), classes);
            Path versionedClasses = Files.createDirectories(classes.resolve("META-INF/versions/17"));
            compile(writeSources(root.resolve("src-17"), versioned), versionedClasses);
            for (Map.Entry<String, String> r : resources.entrySet()) {
                Path file = classes.resolve(r.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, r.getValue());
            }
            return pack(classes, work.resolve(jarName), apiVersion, Map.of("Multi-Release", "true"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> writeSources(Path src, Map<String, String> sources) throws IOException {
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Path file = src.resolve(s.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, s.getValue());
            files.add(file.toString());
        }
        return files;
    }

    /** A jar of one submission class whose {@code update} runs {@code updateBody}, with the current api version. */
    public static Path submissionJar(Path work, String jarName, String qualifiedName, String updateBody,
                                     String members) {
        return build(work, jarName, Map.of(qualifiedName, submission(qualifiedName, updateBody, members)),
                Map.of("META-INF/services/org.optbench.api.Submission", qualifiedName + "\n"), ApiVersion.CURRENT);
    }

    /** The template project built into {@code work/optbench-lion.jar}, as {@code mvn package} would build it. */
    public static Path templateJar(Path work) {
        try {
            Path classes = Files.createDirectories(work.resolve("template.build/classes"));
            Path sources = TEMPLATE.resolve("src/main/java");
            List<String> files;
            try (Stream<Path> walk = Files.walk(sources)) {
                files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
            }
            compile(files, classes);
            Path resources = TEMPLATE.resolve("src/main/resources");
            try (Stream<Path> walk = Files.walk(resources)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    Path target = classes.resolve(resources.relativize(p).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
            return pack(classes, work.resolve("optbench-lion.jar"), templateApiVersion());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The api version the template's pom writes into its manifest. */
    public static String templateApiVersion() throws IOException {
        String pom = Files.readString(TEMPLATE.resolve("pom.xml"));
        Matcher m = Pattern.compile("<optbench\\.api\\.version>([^<]+)</optbench\\.api\\.version>").matcher(pom);
        if (!m.find()) {
            throw new IllegalStateException("the template pom names no optbench.api.version");
        }
        return m.group(1).strip();
    }

    private static void compile(List<String> files, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-nowarn", "-classpath",
                System.getProperty("java.class.path"), "-d", classes.toString()));
        args.addAll(files);
        StringWriter diagnostics = new StringWriter();
        int code = javac.run(null, new OutputStream() {
            @Override
            public void write(int b) {
                diagnostics.write(b);
            }
        }, new OutputStream() {
            @Override
            public void write(int b) {
                diagnostics.write(b);
            }
        }, args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("javac failed: " + diagnostics);
        }
    }

    /** Packs a directory into a jar with a manifest naming {@code apiVersion} (none when {@code null}). */
    public static Path pack(Path dir, Path jar, String apiVersion) throws IOException {
        return pack(dir, jar, apiVersion, Map.of());
    }

    /** Packs a directory into a jar whose manifest names {@code apiVersion} and has {@code attributes} too. */
    public static Path pack(Path dir, Path jar, String apiVersion, Map<String, String> attributes)
            throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (apiVersion != null) {
            manifest.getMainAttributes().putValue(ApiVersion.MANIFEST_ATTRIBUTE, apiVersion);
        }
        attributes.forEach(manifest.getMainAttributes()::putValue);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(dir.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
