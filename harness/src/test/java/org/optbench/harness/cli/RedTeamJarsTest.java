package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.harness.jar.JarFixtures;
import org.optbench.harness.jar.SubmissionJar;

/**
 * The jars a red team got past the deny-list-only scan, one per mechanism, and a few references that are in no
 * known category but off the allow-list: each must be a finding that names the reference and its category, and
 * {@code optbench check} must exit 1.
 */
class RedTeamJarsTest {
    private static final String SERVICES = SubmissionJar.SERVICE_FILE;
    private static final String UPDATE = "evil.%s.update(Lorg/optbench/api/StepContext;)V ";

    @TempDir
    Path work;

    /** Runs {@code optbench check} on the jar; asserts exit 1 and that every expected line is printed. */
    private static List<String> assertFindings(Path jar, String... expected) {
        CliTestSupport.Result r = CliTestSupport.run("check", jar.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        List<String> lines = r.out().strip().lines().toList();
        for (String line : expected) {
            assertTrue(lines.contains(line), "missing '" + line + "' in\n" + r.out());
        }
        assertTrue(r.err().contains("hooks were not run"), r.err());
        return lines;
    }

    private Path jar(String className, String updateBody, String members) {
        return JarFixtures.submissionJar(work, className.toLowerCase(java.util.Locale.ROOT) + ".jar",
                "evil." + className, updateBody, members);
    }

    private static String in(String className) {
        return String.format(UPDATE, className);
    }

    @Test
    void aMultiReleaseClassIsScannedAndReportedUnderItsEntry() throws Exception {
        // The root copy is harmless; the copy under META-INF/versions/17/ is the one a Java 17 loader runs.
        Map<String, String> services = Map.of(SERVICES, "evil.Hidden\n");
        Path jar = JarFixtures.multiReleaseJar(work, "hidden.jar",
                Map.of("evil.Hidden", JarFixtures.submission("evil.Hidden", "context.lossAndGradients();", "")),
                Map.of("evil.Hidden", JarFixtures.submission("evil.Hidden", "System.exit(3);",
                        "static void versioned() { }")),
                services, "1.0");
        try (SubmissionJar opened = SubmissionJar.open(jar)) {
            Class<?> loaded = Class.forName("evil.Hidden", false, opened.classLoader());
            assertNotNull(loaded.getDeclaredMethod("versioned"), "the loader runs the versioned copy");
        }
        List<String> lines = assertFindings(jar, "evil.Hidden.update(Lorg/optbench/api/StepContext;)V "
                + "(META-INF/versions/17/evil/Hidden.class) calls java/lang/System.exit(I)V [exit]");
        assertEquals(1, lines.size(), "the root copy is clean: " + lines);
    }

    @Test
    void aVersionedClassForANewerJavaIsRefusedByName() throws Exception {
        Path jar = JarFixtures.multiReleaseJar(work, "newer-versioned.jar",
                Map.of("ok.Plain", JarFixtures.submission("ok.Plain", "", "")),
                Map.of("ok.Plain", JarFixtures.submission("ok.Plain", "", "")),
                Map.of(SERVICES, "ok.Plain\n"), "1.0");
        Path classes = work.resolve("newer-versioned.jar.build/classes");
        Path versioned = classes.resolve("META-INF/versions/17/ok/Plain.class");
        byte[] bytes = Files.readAllBytes(versioned);
        bytes[7] = 66; // Java 22
        Files.write(versioned, bytes);
        JarFixtures.pack(classes, jar, "1.0", Map.of("Multi-Release", "true"));
        CliTestSupport.Result r = CliTestSupport.run("check", jar.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("newer-versioned.jar: META-INF/versions/17/ok/Plain.class is compiled for Java 22"),
                r.err());
    }

    @Test
    void aClassFileWhereNoLoaderLooksIsStillScanned() throws Exception {
        Path jar = JarFixtures.build(work, "stray.jar", Map.of(
                "ok.Plain", JarFixtures.submission("ok.Plain", "context.lossAndGradients();", ""),
                // Its lambda names evil.Stray, which no loader finds: that is no reason to refuse the jar unscanned.
                "evil.Stray", JarFixtures.submission("evil.Stray", "Runnable later = () -> { };"
                        + " Runtime.getRuntime().halt(1);", "")),
                Map.of(SERVICES, "ok.Plain\n"), "1.0");
        Path classes = work.resolve("stray.jar.build/classes");
        Path stray = classes.resolve("extra/evil/Stray.class");
        Files.createDirectories(stray.getParent());
        Files.move(classes.resolve("evil/Stray.class"), stray);
        JarFixtures.pack(classes, jar, "1.0");
        assertFindings(jar, "evil.Stray.update(Lorg/optbench/api/StepContext;)V (extra/evil/Stray.class) calls "
                + "java/lang/Runtime.halt(I)V [exit]");
    }

    @Test
    void twoEntriesOfOneNameAreRefused() throws Exception {
        // A zip may hold two entries of one name; which one a reader returns is its business, so neither may hide.
        Path jar = JarFixtures.build(work, "twins.jar", Map.of(
                "ok.Twin1", JarFixtures.submission("ok.Twin1", "context.lossAndGradients();", ""),
                "ok.Twin2", JarFixtures.submission("ok.Twin2", "System.exit(1);", "")),
                Map.of(SERVICES, "ok.Twin1\n"), "1.0");
        byte[] zip = Files.readAllBytes(jar);
        byte[] from = "ok/Twin2.class".getBytes(StandardCharsets.UTF_8);
        byte[] to = "ok/Twin1.class".getBytes(StandardCharsets.UTF_8);
        int renamed = 0;
        for (int i = 0; i + from.length <= zip.length; i++) {
            if (Arrays.equals(zip, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, zip, i, to.length);
                renamed++;
            }
        }
        assertEquals(2, renamed, "the local header and the central directory");
        Files.write(jar, zip);
        CliTestSupport.Result r = CliTestSupport.run("check", jar.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("twins.jar: two entries are named ok/Twin1.class"), r.err());
    }

    @Test
    void javaBeansExpressionsAndStatementsAreReflection() {
        Path jar = jar("Beans", "try { Object params = new java.beans.Expression(context, \"par\" + \"ams\","
                + " new Object[0]).getValue();"
                + " new java.beans.Statement(context, \"markTrainingComplete\", new Object[0]).execute(); }"
                + " catch (Exception e) { throw new IllegalStateException(e); }", "");
        assertFindings(jar,
                in("Beans") + "calls java/beans/Expression.<init>(Ljava/lang/Object;Ljava/lang/String;"
                        + "[Ljava/lang/Object;)V [reflection]",
                in("Beans") + "calls java/beans/Expression.getValue()Ljava/lang/Object; [reflection]",
                in("Beans") + "calls java/beans/Statement.execute()V [reflection]");
    }

    @Test
    void loggingHandlersAreFilesAndNetwork() {
        Path jar = jar("Handlers", "try { new java.util.logging.FileHandler(\"/tmp/leak.log\").close();"
                + " new java.util.logging.SocketHandler(\"example.com\", 9).close(); }"
                + " catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }", "");
        assertFindings(jar,
                in("Handlers") + "calls java/util/logging/FileHandler.<init>(Ljava/lang/String;)V [files]",
                in("Handlers") + "calls java/util/logging/SocketHandler.<init>(Ljava/lang/String;I)V [network]");
    }

    @Test
    void nd4jFileIoIsFilesEvenWhenInherited() {
        Path jar = jar("WriteTxt", "Nd4j.writeTxt(context.params().value(0), \"/tmp/params.txt\");"
                        + " Sly.writeTxt(context.params().value(0), \"/tmp/again.txt\");",
                "static final class Sly extends org.nd4j.linalg.factory.Nd4j { }\n"
                        + "private static final class Nd4j extends org.nd4j.linalg.factory.Nd4j { }");
        assertFindings(jar,
                in("WriteTxt") + "calls evil/WriteTxt$Nd4j.writeTxt(Lorg/nd4j/linalg/api/ndarray/INDArray;"
                        + "Ljava/lang/String;)V (inherited from org/nd4j/linalg/factory/Nd4j) [files]",
                in("WriteTxt") + "calls evil/WriteTxt$Sly.writeTxt(Lorg/nd4j/linalg/api/ndarray/INDArray;"
                        + "Ljava/lang/String;)V (inherited from org/nd4j/linalg/factory/Nd4j) [files]");
        Path direct = jar("ReadNpy", "context.params().value(0).assign("
                + "org.nd4j.linalg.factory.Nd4j.readNpy(\"/tmp/answer.npy\"));", "");
        assertFindings(direct, in("ReadNpy") + "calls org/nd4j/linalg/factory/Nd4j.readNpy(Ljava/lang/String;)"
                + "Lorg/nd4j/linalg/api/ndarray/INDArray; [files]");
    }

    @Test
    void completableFuturesTimeoutIsThreads() {
        Path jar = jar("Later", "java.util.concurrent.CompletableFuture.completedFuture(1)"
                + ".completeOnTimeout(2, 1, java.util.concurrent.TimeUnit.SECONDS)"
                + ".thenRun(() -> context.params().value(0).muli(0.5));", "");
        assertFindings(jar,
                in("Later") + "calls java/util/concurrent/CompletableFuture.completeOnTimeout(Ljava/lang/Object;J"
                        + "Ljava/util/concurrent/TimeUnit;)Ljava/util/concurrent/CompletableFuture; [threads]",
                in("Later") + "calls java/util/concurrent/CompletableFuture.thenRun(Ljava/lang/Runnable;)"
                        + "Ljava/util/concurrent/CompletableFuture; [threads]");
    }

    @Test
    void calendarsDatesAndLogRecordsReadTheClock() {
        Path jar = jar("Calendar", "long t = new java.util.GregorianCalendar().getTimeInMillis()"
                + " + java.util.Calendar.getInstance().getTimeInMillis() + new java.util.Date().getTime();"
                + " Object instant = new java.util.logging.LogRecord(java.util.logging.Level.INFO, \"t\").getInstant();",
                "");
        List<String> lines = assertFindings(jar,
                in("Calendar") + "calls java/util/GregorianCalendar.<init>()V [clocks]",
                in("Calendar") + "calls java/util/GregorianCalendar.getTimeInMillis()J [clocks]",
                in("Calendar") + "calls java/util/Calendar.getInstance()Ljava/util/Calendar; [clocks]",
                in("Calendar") + "calls java/util/Date.<init>()V [clocks]",
                in("Calendar") + "calls java/util/logging/LogRecord.<init>(Ljava/util/logging/Level;Ljava/lang/String;)V"
                        + " [clocks]",
                in("Calendar") + "calls java/util/logging/LogRecord.getInstant()Ljava/time/Instant; [clocks]");
        // Date's other members, and java.util.logging's others, are simply off the list.
        assertTrue(lines.contains(in("Calendar") + "calls java/util/Date.getTime()J [not-allowed]"), lines.toString());
        assertTrue(lines.contains(in("Calendar") + "accesses java/util/logging/Level.INFO [not-allowed]"),
                lines.toString());
    }

    @Test
    void unseededGeneratorsAndProfilingHooksReadTheClock() {
        // Each generator seeds itself from the clock, and a few outputs give the seed back.
        Path jar = jar("Unseeded", "long r = new java.util.Random().nextLong() + new java.util.SplittableRandom().nextLong()"
                + " + (long) Math.random() + new java.util.Random(42).nextLong();"
                + " java.util.Collections.shuffle(new java.util.ArrayList<>(java.util.List.of(1, 2, 3)));"
                + " long s = new org.nd4j.linalg.api.rng.DefaultRandom().getSeed();"
                + " org.nd4j.linalg.factory.Nd4j.getRandom().reSeed();"
                + " org.nd4j.linalg.factory.Nd4j.getNDArrayFactory().rand(new long[] {2});"
                + " long t = ((org.nd4j.linalg.api.ops.executioner.DefaultOpExecutioner)"
                + " org.nd4j.linalg.factory.Nd4j.getExecutioner()).profilingHookIn((org.nd4j.linalg.api.ops.Op) null);",
                "");
        List<String> lines = assertFindings(jar,
                in("Unseeded") + "calls java/util/Random.<init>()V [clocks]",
                in("Unseeded") + "calls java/util/SplittableRandom.<init>()V [clocks]",
                in("Unseeded") + "calls java/lang/Math.random()D [clocks]",
                in("Unseeded") + "calls java/util/Collections.shuffle(Ljava/util/List;)V [clocks]",
                in("Unseeded") + "calls org/nd4j/linalg/api/rng/DefaultRandom.<init>()V [clocks]",
                in("Unseeded") + "calls org/nd4j/linalg/api/rng/Random.reSeed()V [clocks]",
                in("Unseeded") + "calls org/nd4j/linalg/factory/NDArrayFactory.rand([J)"
                        + "Lorg/nd4j/linalg/api/ndarray/INDArray; [clocks]",
                in("Unseeded") + "calls org/nd4j/linalg/api/ops/executioner/DefaultOpExecutioner.profilingHookIn("
                        + "Lorg/nd4j/linalg/api/ops/Op;[Lorg/nd4j/linalg/api/buffer/DataBuffer;)J [clocks]");
        // A seeded generator is fine.
        assertFalse(lines.stream().anyMatch(l -> l.contains("java/util/Random.<init>(J)V")
                || l.contains("java/util/Random.nextLong")), lines.toString());
    }

    @Test
    void propertiesAndTheEnvironmentAreProperties() {
        Path jar = jar("Forge", "System.setProperty(\"optbench.gitCommit\", \"0000000\");"
                + " System.clearProperty(\"java.version\"); String home = System.getenv(\"HOME\");"
                + " Integer depth = Integer.getInteger(\"depth\");"
                + " java.util.Locale.setDefault(java.util.Locale.GERMANY);", "");
        assertFindings(jar,
                in("Forge") + "calls java/lang/System.setProperty(Ljava/lang/String;Ljava/lang/String;)"
                        + "Ljava/lang/String; [properties]",
                in("Forge") + "calls java/lang/System.clearProperty(Ljava/lang/String;)Ljava/lang/String; [properties]",
                in("Forge") + "calls java/lang/System.getenv(Ljava/lang/String;)Ljava/lang/String; [properties]",
                in("Forge") + "calls java/lang/Integer.getInteger(Ljava/lang/String;)Ljava/lang/Integer; [properties]",
                in("Forge") + "calls java/util/Locale.setDefault(Ljava/util/Locale;)V [properties]");
    }

    @Test
    void aFinalizerIsThreads() {
        Path jar = jar("Finalizer", "context.lossAndGradients();",
                "@SuppressWarnings(\"deprecation\") protected void finalize() { }");
        assertFindings(jar,
                "evil.Finalizer.finalize()V declares a finalizer, which the JVM runs on its own thread [threads]");
    }

    @Test
    void whatIsInNoKnownCategoryButOffTheListIsNotAllowed() {
        Path jar = jar("OffList", "java.util.prefs.Preferences.userRoot().put(\"k\", \"v\");"
                + " new javax.script.ScriptEngineManager().getEngineByName(\"js\");"
                + " String s = new java.text.DecimalFormat(\"0.00\").format(1.0);"
                + " org.nd4j.linalg.factory.Nd4j.getMemoryManager().invokeGc();", "");
        assertFindings(jar,
                in("OffList") + "calls java/util/prefs/Preferences.userRoot()Ljava/util/prefs/Preferences; [not-allowed]",
                in("OffList") + "calls java/util/prefs/Preferences.put(Ljava/lang/String;Ljava/lang/String;)V [not-allowed]",
                in("OffList") + "calls javax/script/ScriptEngineManager.<init>()V [not-allowed]",
                in("OffList") + "calls java/text/DecimalFormat.<init>(Ljava/lang/String;)V [not-allowed]",
                in("OffList") + "calls org/nd4j/linalg/factory/Nd4j.getMemoryManager()"
                        + "Lorg/nd4j/linalg/api/memory/MemoryManager; [not-allowed]");
    }

    @Test
    void privateLookupInIsReflection() {
        Path jar = jar("Lookup", "try { java.lang.invoke.MethodHandles.privateLookupIn(Object.class,"
                + " java.lang.invoke.MethodHandles.lookup()); }"
                + " catch (IllegalAccessException e) { throw new IllegalStateException(e); }", "");
        assertFindings(jar, in("Lookup") + "calls java/lang/invoke/MethodHandles.privateLookupIn(Ljava/lang/Class;"
                + "Ljava/lang/invoke/MethodHandles$Lookup;)Ljava/lang/invoke/MethodHandles$Lookup; [reflection]");
    }

    @Test
    void resourcesMayBeReadOnlyThroughALiteralOfTheJarsOwnClass() {
        // ND4J's and the api's classes belong to optbench's loader, which sees the workloads' data on its class path.
        String labels = "/org/optbench/workloads/mnist/digits10k-labels-idx1-ubyte.gz";
        Path jar = jar("Peek", "org.nd4j.linalg.factory.Nd4j.class.getResourceAsStream(\"" + labels + "\");"
                        + " java.util.function.Function<String, java.io.InputStream> open = Peek.class::getResourceAsStream;",
                "static java.io.InputStream own(String name) { return Peek.class.getResourceAsStream(\"dir/\" + name); }\n"
                        + "static java.io.InputStream either(boolean b, String name) {"
                        + " return (b ? org.optbench.api.Submission.class : Peek.class).getResourceAsStream(name); }");
        String resource = "java/lang/Class.getResourceAsStream(Ljava/lang/String;)Ljava/io/InputStream; on a class "
                + "that is not a literal of the jar's own (its loader may see optbench's resources) [files]";
        List<String> lines = assertFindings(jar,
                in("Peek") + "calls " + resource,
                in("Peek") + "refers to " + resource,
                // A jump lands with either class on the stack.
                "evil.Peek.either(ZLjava/lang/String;)Ljava/io/InputStream; calls " + resource);
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("evil.Peek.own")), lines.toString());
    }

    @Test
    void theJarsOwnCopyOfAnNd4jClassDoesNotMakeItsMembersTheJars() {
        // The parent loader serves org.nd4j first: this stand-in never runs, so Nd4j.writeTxt is still ND4J's.
        String standIn = "package org.nd4j.linalg.factory;\n"
                + "public class Nd4j { public static void writeTxt(org.nd4j.linalg.api.ndarray.INDArray a, String f) { } }\n";
        Path jar = JarFixtures.build(work, "standin.jar", Map.of(
                "evil.StandIn", JarFixtures.submission("evil.StandIn",
                        "org.nd4j.linalg.factory.Nd4j.writeTxt(context.params().value(0), \"/tmp/x.txt\");", ""),
                "org.nd4j.linalg.factory.Nd4j", standIn), Map.of(SERVICES, "evil.StandIn\n"), "1.0");
        assertFindings(jar, in("StandIn") + "calls org/nd4j/linalg/factory/Nd4j.writeTxt("
                + "Lorg/nd4j/linalg/api/ndarray/INDArray;Ljava/lang/String;)V [files]");
    }
}
