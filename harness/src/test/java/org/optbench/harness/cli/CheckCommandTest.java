package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optbench.api.ApiVersion;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.harness.jar.JarFixtures;
import org.optbench.harness.jar.SubmissionJar;

/**
 * {@code optbench check} on a corpus of rule-breaking jars, one per forbidden category, each compiled here from a
 * few lines of Java; and the template jar, which passes with no finding.
 */
class CheckCommandTest {
    private static final String UPDATE = "evil.%s.update(Lorg/optbench/api/StepContext;)V ";

    @TempDir
    static Path work;

    /** Category, class, the body of update (and extra members), and the finding lines it must produce. */
    private record Case(String category, String className, String body, String members, List<String> expected) {
    }

    private static final List<Case> CORPUS = List.of(
            new Case("files", "Files", "try { new java.io.RandomAccessFile(\"weights.bin\", \"r\").close(); }"
                    + " catch (java.io.IOException e) { throw new RuntimeException(e); }\n"
                    + "java.nio.file.Path p = java.nio.file.Path.of(\"/tmp\");", "",
                    List.of(String.format(UPDATE, "Files")
                            + "calls java/io/RandomAccessFile.<init>(Ljava/lang/String;Ljava/lang/String;)V [files]",
                            String.format(UPDATE, "Files")
                            + "calls java/nio/file/Path.of(Ljava/lang/String;[Ljava/lang/String;)Ljava/nio/file/Path; [files]")),
            new Case("network", "Network", "try { new java.net.Socket(\"example.com\", 80).close(); }"
                    + " catch (java.io.IOException e) { throw new RuntimeException(e); }", "",
                    List.of(String.format(UPDATE, "Network") + "calls java/net/Socket.<init>(Ljava/lang/String;I)V [network]")),
            new Case("processes", "Processes", "try { new ProcessBuilder(\"ls\").start();"
                    + " Runtime.getRuntime().exec(\"ls\"); }"
                    + " catch (java.io.IOException e) { throw new RuntimeException(e); }", "",
                    List.of(String.format(UPDATE, "Processes") + "calls java/lang/ProcessBuilder.<init>([Ljava/lang/String;)V [processes]",
                            String.format(UPDATE, "Processes") + "calls java/lang/Runtime.exec(Ljava/lang/String;)Ljava/lang/Process; [processes]")),
            new Case("reflection", "Reflection", "try { Class<?> c = Class.forName(\"org.optbench.harness.trial.TrialClock\");"
                    + " c.getDeclaredFields(); java.lang.invoke.MethodHandles.lookup().findStatic(c, \"x\","
                    + " java.lang.invoke.MethodType.methodType(void.class)); }"
                    + " catch (ReflectiveOperationException e) { throw new RuntimeException(e); }", "",
                    List.of(String.format(UPDATE, "Reflection") + "calls java/lang/Class.forName(Ljava/lang/String;)Ljava/lang/Class; [reflection]",
                            String.format(UPDATE, "Reflection") + "calls java/lang/Class.getDeclaredFields()[Ljava/lang/reflect/Field; [reflection]",
                            String.format(UPDATE, "Reflection") + "calls java/lang/invoke/MethodHandles$Lookup.findStatic(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/MethodHandle; [reflection]")),
            new Case("class-loaders", "Loaders", "ClassLoader.getSystemClassLoader();",
                    "static final class Sneaky extends ClassLoader { }",
                    List.of(String.format(UPDATE, "Loaders") + "calls java/lang/ClassLoader.getSystemClassLoader()Ljava/lang/ClassLoader; [class-loaders]",
                            "evil.Loaders$Sneaky extends java/lang/ClassLoader [class-loaders]")),
            new Case("exit", "Exit", "System.exit(3); Runtime.getRuntime().halt(4);"
                    + " java.util.function.IntConsumer quit = System::exit;", "",
                    List.of(String.format(UPDATE, "Exit") + "calls java/lang/System.exit(I)V [exit]",
                            String.format(UPDATE, "Exit") + "calls java/lang/Runtime.halt(I)V [exit]",
                            String.format(UPDATE, "Exit") + "refers to java/lang/System.exit(I)V [exit]")),
            new Case("threads", "Threads", "new Thread(() -> { }).start();"
                    + " java.util.concurrent.Executors.newFixedThreadPool(2);"
                    + " java.util.stream.IntStream.range(0, 10).parallel().sum();"
                    + " java.util.concurrent.CompletableFuture.runAsync(() -> { });", "",
                    List.of(String.format(UPDATE, "Threads") + "calls java/lang/Thread.<init>(Ljava/lang/Runnable;)V [threads]",
                            String.format(UPDATE, "Threads") + "calls java/util/concurrent/Executors.newFixedThreadPool(I)Ljava/util/concurrent/ExecutorService; [threads]",
                            String.format(UPDATE, "Threads") + "calls java/util/stream/IntStream.parallel()Ljava/util/stream/IntStream; [threads]",
                            String.format(UPDATE, "Threads") + "calls java/util/concurrent/CompletableFuture.runAsync(Ljava/lang/Runnable;)Ljava/util/concurrent/CompletableFuture; [threads]")),
            new Case("clocks", "Clocks", "long t = System.nanoTime() + System.currentTimeMillis();"
                    + " java.time.Instant.now();", "",
                    List.of(String.format(UPDATE, "Clocks") + "calls java/lang/System.nanoTime()J [clocks]",
                            String.format(UPDATE, "Clocks") + "calls java/lang/System.currentTimeMillis()J [clocks]",
                            String.format(UPDATE, "Clocks") + "calls java/time/Instant.now()Ljava/time/Instant; [clocks]")),
            new Case("unsafe", "Unsafe", "Object u = sun.misc.Unsafe.class;", "",
                    List.of(String.format(UPDATE, "Unsafe") + "uses Lsun/misc/Unsafe; [unsafe]")),
            new Case("native", "Native", "System.loadLibrary(\"evil\"); Runtime.getRuntime().load(\"/tmp/libevil.so\");"
                    + " org.bytedeco.javacpp.Loader.load(Object.class);", "",
                    List.of(String.format(UPDATE, "Native") + "calls java/lang/System.loadLibrary(Ljava/lang/String;)V [native]",
                            String.format(UPDATE, "Native") + "calls java/lang/Runtime.load(Ljava/lang/String;)V [native]",
                            String.format(UPDATE, "Native")
                                    + "calls org/bytedeco/javacpp/Loader.load(Ljava/lang/Class;)Ljava/lang/String; [native]")));

    private static Path templateJar;

    @BeforeAll
    static void buildJars() {
        templateJar = JarFixtures.templateJar(work);
    }

    private static Path jarOf(Case c) {
        return JarFixtures.submissionJar(work, c.category() + ".jar", "evil." + c.className(), c.body(), c.members());
    }

    @Test
    void eachForbiddenCategoryIsFoundWithItsClassMethodAndReference() {
        for (Case c : CORPUS) {
            CliTestSupport.Result r = CliTestSupport.run("check", jarOf(c).toString());
            assertEquals(1, r.exitCode(), c.category() + ": " + r.out() + r.err());
            List<String> lines = r.out().strip().lines().toList();
            for (String expected : c.expected()) {
                assertTrue(lines.contains(expected), c.category() + ": missing '" + expected + "' in\n" + r.out());
            }
            for (String line : lines) {
                assertTrue(line.endsWith("[" + c.category() + "]"),
                        c.category() + ": a finding of another category: " + line);
            }
            assertTrue(r.err().contains("hooks were not run"), r.err());
        }
    }

    @Test
    void theTemplatePassesWithNoFinding() {
        CliTestSupport.Result r = CliTestSupport.run("check", templateJar.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        assertTrue(r.out().startsWith("ok: ") && r.out().contains("lion (org.example.lion.Lion)")
                && r.out().contains("api " + ApiVersion.CURRENT + "; no findings"), r.out());
        assertEquals("", r.err().strip());
    }

    @Test
    void runRefusesAJarThatFailsTheCheckNamingTheFirstFindingAndTheCount() {
        Path jar = jarOf(CORPUS.get(5));
        CliTestSupport.Result r = CliTestSupport.run("run", "--workload", "quadratic", "--submission", jar.toString(),
                "--out", work.resolve("runs").toString());
        assertEquals(2, r.exitCode(), r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), err);
        assertTrue(err.contains("exit.jar fails the check: evil.Exit.update(Lorg/optbench/api/StepContext;)V calls "
                + "java/lang/System.exit(I)V [exit] (3 findings;"), err);
        assertTrue(err.contains("--allow-unchecked"), err);
    }

    @Test
    void aDifferentMajorApiVersionIsAFindingAndAMissingOneAWarning() {
        String source = JarFixtures.submission("ok.Plain", "context.lossAndGradients();", "");
        Map<String, String> services = Map.of("META-INF/services/org.optbench.api.Submission", "ok.Plain\n");
        Path future = JarFixtures.build(work, "future.jar", Map.of("ok.Plain", source), services, "2.3");
        CliTestSupport.Result r = CliTestSupport.run("check", future.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertEquals("manifest Optbench-Api-Version is 2.3, but this optbench has api " + ApiVersion.CURRENT + " (the major versions must "
                + "match) [api-version]", r.out().strip());

        Path unnamed = JarFixtures.build(work, "unnamed.jar", Map.of("ok.Plain", source), services, null);
        CliTestSupport.Result u = CliTestSupport.run("check", unnamed.toString());
        assertEquals(0, u.exitCode(), u.out() + u.err());
        assertTrue(u.err().startsWith("warning: unnamed.jar: the manifest has no Optbench-Api-Version"), u.err());
        assertTrue(u.out().contains("api not named; no findings"), u.out());
    }

    @Test
    void aBrokenSearchSpaceAndAThrowingConstructorAreFindings() {
        String badSpace = JarFixtures.submission("ok.BadSpace", "context.lossAndGradients();",
                "public java.util.Optional<String> searchSpaceJson() {"
                        + " return java.util.Optional.of(\"{\\\"learning_rate\\\": {\\\"min\\\": 1, \\\"max\\\": 0.1,"
                        + " \\\"scaling\\\": \\\"cubic\\\"}}\"); }");
        String throwing = JarFixtures.submission("ok.Throwing", "context.lossAndGradients();",
                "public Throwing() { throw new IllegalStateException(\"no config\"); }");
        Path jar = JarFixtures.build(work, "hooks.jar", Map.of("ok.BadSpace", badSpace, "ok.Throwing", throwing),
                Map.of("META-INF/services/org.optbench.api.Submission", "ok.BadSpace\nok.Throwing\n"), "1.0");
        CliTestSupport.Result r = CliTestSupport.run("check", jar.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("ok.BadSpace.searchSpaceJson() does not parse: ")
                && lines.get(0).contains("learning_rate") && lines.get(0).endsWith("[search-space]"), lines.get(0));
        assertTrue(lines.get(1).startsWith("ok.Throwing cannot be instantiated: ")
                && lines.get(1).contains("IllegalStateException: no config") && lines.get(1).endsWith("[hooks]"),
                lines.get(1));
    }

    @Test
    void ordinaryJavaAndNd4jCodeIsNotFlagged() {
        String source = """
                package fine;
                import java.util.*;
                import java.util.stream.*;
                import org.nd4j.linalg.api.ndarray.INDArray;
                import org.nd4j.linalg.factory.Nd4j;
                import org.optbench.api.*;
                public final class Ordinary implements Submission {
                  record Stats(double mean, double max) { }
                  enum Mode { PLAIN, CLIPPED }
                  private final Map<String, Double> scales = new HashMap<>();
                  public String name() { return "ordinary"; }
                  public OptimizerState init(WorkloadInfo w, Params p, HyperParameters h, Rng r) {
                    Mode mode = Mode.valueOf(h.getString("mode", "PLAIN"));
                    String label = switch (mode) { case PLAIN -> "plain"; case CLIPPED -> "clipped"; };
                    scales.put(label + "-" + w.numParameters(), r.nextGaussian());
                    List<Long> sizes = w.parameters().stream().map(WorkloadInfo.ParameterSpec::numElements)
                        .sorted(Comparator.reverseOrder()).collect(Collectors.toList());
                    INDArray buffer = Nd4j.zeros(p.dataType(), Math.max(1, sizes.get(0)));
                    return () -> buffer.length() * 8;
                  }
                  public void update(StepContext context) {
                    LossAndGradients lg = context.lossAndGradients();
                    for (int i = 0; i < context.params().size(); i++) {
                      INDArray g = lg.gradients().value(i);
                      double norm = g.norm2Number().doubleValue();
                      Stats s = new Stats(g.meanNumber().doubleValue(), Math.abs(g.maxNumber().doubleValue()));
                      context.params().value(i).subi(g.mul(1e-3 / Math.max(1.0, norm)));
                    }
                    Optional.of(context.step()).filter(x -> x > 1_000_000).ifPresent(x -> context.markTrainingComplete());
                    double[] xs = IntStream.range(0, 4).mapToDouble(Math::sqrt).toArray();
                    Arrays.sort(xs);
                    try {
                      Objects.requireNonNull(context.batch(), "step " + context.step() + " at " + context.submissionSeconds());
                    } catch (NullPointerException e) {
                      throw new IllegalStateException(e.getMessage(), e);
                    }
                  }
                }
                """;
        Path jar = JarFixtures.build(work, "ordinary.jar", Map.of("fine.Ordinary", source),
                Map.of("META-INF/services/org.optbench.api.Submission", "fine.Ordinary\n"), "1.0");
        CliTestSupport.Result r = CliTestSupport.run("check", jar.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("ordinary (fine.Ordinary)"), r.out());
    }

    @Test
    void theBuiltInSubmissionsPassTheCheckAsAJar() throws Exception {
        // The reference optimizers: a few thousand lines of real optimizer code, as one jar.
        Path location = Path.of(org.optbench.submissions.baselines.AdamW.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        Path jar = java.nio.file.Files.isDirectory(location)
                ? JarFixtures.pack(location, work.resolve("reference.jar"), "1.0") : location;
        CliTestSupport.Result r = CliTestSupport.run("check", jar.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("adamw (org.optbench.submissions.baselines.AdamW)"), r.out());
        assertTrue(r.out().contains("nadamw (org.optbench.submissions.baselines.NAdamW)"), r.out());
        // Every built-in the service file names was scanned clean and had its hooks run.
        String services;
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile());
             java.io.InputStream in = file.getInputStream(file.getEntry(SubmissionJar.SERVICE_FILE))) {
            services = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<String> builtIns = services.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        assertTrue(builtIns.size() >= 9, builtIns.toString());
        for (String builtIn : builtIns) {
            assertTrue(r.out().contains(" (" + builtIn + ")"), builtIn + " missing from " + r.out());
        }
    }
}
