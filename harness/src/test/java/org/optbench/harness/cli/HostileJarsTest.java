package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optbench.harness.jar.JarFixtures;
import org.optbench.harness.jar.SubmissionJar;
import org.optbench.harness.launch.BoundedLog;
import org.optbench.harness.launch.MachineFacts;
import org.optbench.harness.sandbox.Sandbox;
import org.optbench.harness.trial.Software;
import org.optbench.results.records.RecordJson;
import org.optbench.results.records.StopReason;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecords;

/**
 * The eleven mechanisms by which 15 of a red team's 48 hostile jars got past the old main, one test each (numbered
 * as the red team's list), through the real CLI with real, confined, forked trial JVMs and jars built here.
 *
 * <p>Each test shows two things. Without {@code --allow-unchecked}, the scan refuses the jar where it can see the
 * mechanism: {@code run} exits 2 with one line naming the first finding (mechanism 10 it cannot see: printing and
 * looping are allowed). With {@code --allow-unchecked}, where only the JVM's encapsulation and the OS sandbox stand
 * in the way, the jar runs and is contained: the trial is recorded as failed with its reason (or, where the
 * mechanism is harmless, a normal record timed by the harness); nothing outside the trial directory changed (every
 * file and directory of the test's work directory outside {@code --out}, the home directory and {@code /tmp} of the
 * host, the jar itself); no network connection reached a server this test listens with on the host's loopback; the
 * study goes on (mechanism 8 runs {@code tune} over two trials). A hostile jar prints what each of its attempts
 * gave to its trial's log ({@code outcome <attempt>: <result>}), so a test can tell that the attempt was made.
 *
 * <p>The work directory is under {@code target/}, not {@code /tmp}, which the sandbox replaces with its own: a path
 * a jar aims at there exists on the host and is absent or read-only inside. Skipped, saying so, when bubblewrap is
 * unavailable (every jar runs, and is inspected, only confined); {@code OPTBENCH_REQUIRE_SANDBOX=1} makes that a
 * failure instead.
 */
class HostileJarsTest {
    private static final String SERVICES = SubmissionJar.SERVICE_FILE;
    private static final String WORKLOAD = "quadratic";

    private static Sandbox sandbox;

    /** The test's work directory: the jars, the canaries, and {@code --out} inside it. */
    private Path work;
    /** {@code --out}. */
    private Path out;
    /** A file outside {@code --out} that jars try to overwrite. */
    private Path canary;
    /** A directory outside {@code --out} that jars try to write into. */
    private Path canaryDir;
    /** Where jars try to write in the host's home directory and {@code /tmp}: must stay absent. */
    private Path homeCanary;
    private Path tmpCanary;

    @BeforeAll
    static void findTheSandbox() {
        sandbox = Sandbox.detect();
        if (!sandbox.available() && "1".equals(System.getenv("OPTBENCH_REQUIRE_SANDBOX"))) {
            fail("OPTBENCH_REQUIRE_SANDBOX=1 but " + sandbox.unavailableReason());
        }
        if (!sandbox.available()) {
            System.err.println("HostileJarsTest skipped: " + sandbox.unavailableReason());
        }
    }

    @BeforeEach
    void makeTheWorkDirectory() throws IOException {
        Assumptions.assumeTrue(sandbox.available(), () -> "HostileJarsTest skipped: " + sandbox.unavailableReason());
        work = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "hostile-");
        out = work.resolve("runs");
        canary = Files.writeString(work.resolve("canary.txt"), "the canary, as the test wrote it");
        canaryDir = Files.createDirectories(work.resolve("canary-dir"));
        Files.writeString(canaryDir.resolve("inside.txt"), "left alone");
        String unique = "optbench-hostile-" + UUID.randomUUID();
        homeCanary = Path.of(System.getProperty("user.home")).resolve("." + unique);
        tmpCanary = Path.of("/tmp").resolve(unique);
    }

    @AfterEach
    void removeTheWorkDirectory() throws IOException {
        if (work != null) {
            deleteTree(work);
            // Only there if a jar escaped, which the test has reported by then.
            Files.deleteIfExists(homeCanary);
            Files.deleteIfExists(tmpCanary);
        }
    }

    // ----- 1 -----------------------------------------------------------------------------------------------------

    /**
     * 1. A multi-release jar whose root copy is clean and whose {@code META-INF/versions/17} copy, the one a Java 17
     * loader runs, overwrites a file outside the trial and exits: the scan reads the versioned copy and names it by
     * its entry; run anyway, the versioned copy is what ran, it changed nothing, and its exit is a failed record.
     */
    @Test
    void m01AMultiReleaseClassIsScannedAndWhatItDoesIsContained() throws IOException {
        String versioned = attempts(attempt("overwrite canary", "java.nio.file.Files.writeString("
                + "java.nio.file.Path.of(" + literal(canary) + "), \"overwritten by the versioned copy\");"))
                + "System.out.println(\"the versioned copy ran\"); System.out.flush(); System.exit(3);";
        Path jar = JarFixtures.multiReleaseJar(work, "hidden.jar",
                Map.of("hostile.Hidden", JarFixtures.submission("hostile.Hidden", "context.lossAndGradients();", "")),
                Map.of("hostile.Hidden", JarFixtures.submission("hostile.Hidden", versioned, "")),
                Map.of(SERVICES, "hostile.Hidden\n"), "1.0");

        assertRefused(runTrial(jar), "hidden.jar fails the check: hostile.Hidden.update(Lorg/optbench/api/StepContext;)V"
                + " (META-INF/versions/17/hostile/Hidden.class) calls ");

        Map<String, String> before = snapshotOutsideOut();
        TrialRecord record = runContained(jar, "hidden");
        assertFailed(record, "trial JVM exited with code 3 before reporting its result");
        String log = trialLog("hidden");
        assertTrue(log.contains("the versioned copy ran"), log);
        assertRefusedAttempt(log, "overwrite canary", "Read-only file system");
        assertNothingOutsideOutChanged(before);
    }

    // ----- 2 -----------------------------------------------------------------------------------------------------

    /**
     * 2. {@code java.beans.Expression}/{@code Statement} reaching public methods of the harness's objects from the
     * {@code StepContext}, and {@code Runtime.exec}: {@code check} calls it reflection (RedTeamJarsTest), but before
     * any finding, {@code run}'s confined inspection cannot link it: java.beans is not among the confined JVM's
     * modules. So it is refused in one line (exit 2), with or without {@code --allow-unchecked}, and no trial runs.
     * The same reach by core reflection, which is there, meets the module boundary (the context's class is in a
     * package the layer does not export), and a process started through it runs inside the sandbox, where it
     * changes nothing.
     */
    @Test
    void m02JavaBeansAndReflectionReachNoHarnessObjectAndExecIsConfined() throws IOException {
        String shell = "echo pwned > " + canary + "; echo pwned > " + canaryDir.resolve("exec.txt") + "; echo pwned > "
                + homeCanary + "; echo pwned > " + tmpCanary;
        Path beans = JarFixtures.submissionJar(work, "beans.jar", "hostile.Beans", """
                try {
                    Object contextClass = new java.beans.Expression(context, "getClass", new Object[0]).getValue();
                    new java.beans.Statement(context, "markTrainingComplete", new Object[0]).execute();
                    new java.beans.Statement(Runtime.getRuntime(), "exec",
                            new Object[] {new String[] {"/bin/sh", "-c", %s}}).execute();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }""".formatted(javaString(shell)), "");
        // The scan refuses it (java.beans is reflection); run anyway, it finds no java.beans in the confined JVM
        // (java.desktop is not among its modules) and fails its own trial there, having done nothing.
        assertRefused(runTrial(beans), "beans.jar fails the check: ");
        Map<String, String> beforeBeans = snapshotOutsideOut();
        assertFailed(runContained(beans, "beans"), "exception in step 1: NoClassDefFoundError: java/beans/Expression");
        assertNothingOutsideOutChanged(beforeBeans);

        Path reflect = JarFixtures.submissionJar(work, "reflect.jar", "hostile.Reflect", attempts(
                attempt("a public method of the context's class",
                        "context.getClass().getMethod(\"markTrainingComplete\").invoke(context);"),
                attempt("Runtime.exec", "Process p = (Process) Runtime.class.getMethod(\"exec\", String[].class)"
                        + ".invoke(Runtime.getRuntime(), (Object) new String[] {\"/bin/sh\", \"-c\", "
                        + javaString(shell) + "});"
                        + " String said = new String(p.getErrorStream().readAllBytes()).replace('\\n', ' ');"
                        + " System.out.println(\"exec: exit \" + p.waitFor() + \": \" + said);"))
                + "throw new IllegalStateException(\"attempts made\");", "");
        assertRefused(runTrial(reflect), "reflect.jar fails the check: hostile.Reflect.update(Lorg/optbench/api/StepContext;)V"
                + " calls java/lang/Class.getMethod(");
        Map<String, String> before = snapshotOutsideOut();
        TrialRecord record = runContained(reflect, "reflect");
        assertFailed(record, "exception in step 1: IllegalStateException: attempts made");
        String log = trialLog("reflect");
        assertRefusedAttempt(log, "a public method of the context's class", "IllegalAccessException",
                "module optbench.trial does not export org.optbench.harness.trial to unnamed module");
        // The shell ran (the JVM may start processes), confined: its writes found a read-only or absent file system.
        assertAttempted(log, "Runtime.exec");
        assertTrue(log.contains("cannot create " + canary + ": Read-only file system"), log);
        assertNothingOutsideOutChanged(before);
    }

    // ----- 3 -----------------------------------------------------------------------------------------------------

    /**
     * 3. Files and the network through classes the old deny-list did not name: logging's {@code FileHandler} (onto a
     * file outside the trial, the jar itself, the home directory, {@code /tmp}) and {@code SocketHandler} (to a
     * server on the host's loopback), and ND4J's {@code Nd4j.writeTxt}: the scan calls them files and network; run
     * anyway, the sandbox leaves every host file as it was and the server accepts nothing.
     */
    @Test
    void m03LoggingHandlersAndNd4jWritesReachNoFileOutsideTheTrialAndNoNetwork() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String newHandler = "java.util.logging.FileHandler h = new java.util.logging.FileHandler(%s);"
                    + " h.publish(new java.util.logging.LogRecord(java.util.logging.Level.SEVERE, \"overwritten\"));"
                    + " h.close();";
            Path jarPath = work.resolve("handlers.jar");
            Path jar = JarFixtures.submissionJar(work, "handlers.jar", "hostile.Handlers", attempts(
                    attempt("FileHandler on the canary", newHandler.formatted(literal(canary))),
                    attempt("FileHandler into a directory", newHandler.formatted(literal(canaryDir.resolve("log")))),
                    attempt("FileHandler on the jar", newHandler.formatted(literal(jarPath))),
                    attempt("FileOutputStream on the jar", "new java.io.FileOutputStream(" + literal(jarPath)
                            + ").close();"),
                    attempt("FileHandler in the home directory", newHandler.formatted(
                            javaString("%h/" + homeCanary.getFileName()))),
                    attempt("FileHandler in /tmp", newHandler.formatted(literal(tmpCanary))),
                    attempt("SocketHandler", "new java.util.logging.SocketHandler(\"127.0.0.1\", "
                            + server.getLocalPort() + ").close();"),
                    attempt("Nd4j.writeTxt", "org.nd4j.linalg.factory.Nd4j.writeTxt(context.params().value(0), "
                            + literal(canaryDir.resolve("params.txt")) + ");"))
                    + "throw new IllegalStateException(\"attempts made\");", "");
            assertRefused(runTrial(jar), "handlers.jar fails the check: hostile.Handlers.update("
                    + "Lorg/optbench/api/StepContext;)V calls java/util/logging/FileHandler.<init>(Ljava/lang/String;)V"
                    + " [files]");

            Map<String, String> before = snapshotOutsideOut();
            TrialRecord record = runContained(jar, "handlers");
            assertFailed(record, "exception in step 1: IllegalStateException: attempts made");
            String log = trialLog("handlers");
            // The sandbox shows what a trial JVM needs, read-only (the jar, the home directory's Maven repository),
            // and nothing else of the host's file system.
            for (String attempt : List.of("FileHandler on the canary", "FileHandler on the jar",
                    "FileOutputStream on the jar", "FileHandler in the home directory")) {
                assertRefusedAttempt(log, attempt, "Read-only file system");
            }
            assertRefusedAttempt(log, "FileHandler into a directory", "java.nio.file.NoSuchFileException");
            assertRefusedAttempt(log, "Nd4j.writeTxt", "Error writing output");
            // Inside, /tmp is the sandbox's own: what the jar wrote there went with it.
            assertAttempted(log, "FileHandler in /tmp");
            assertRefusedAttempt(log, "SocketHandler", "java.net.ConnectException");
            assertNoConnection(server);
            assertNothingOutsideOutChanged(before);
        }
    }

    // ----- 4 -----------------------------------------------------------------------------------------------------

    /**
     * 4. Work off the clock: {@code update()} hands a JDK thread ({@code CompletableFuture}'s delay scheduler, via
     * {@code completeOnTimeout(...).thenRun(...)}) 0.6 s of CPU work and waits for it without using any CPU itself.
     * The scan calls it threads; run anyway, the CPU clock charges that thread's CPU time to the submission:
     * {@code other_threads_cpu_seconds} holds it, and {@code submission_seconds} holds that. So it does the CPU time
     * of a process the submission leaves behind in the sandbox (the scan calls starting one processes).
     */
    @Test
    void m04WorkOnAJdkThreadIsOnTheCpuClock() throws IOException {
        Path jar = JarFixtures.submissionJar(work, "later.jar", "hostile.Later", """
                if (context.step() == 0) {
                    java.util.concurrent.CompletableFuture<Integer> timer = new java.util.concurrent.CompletableFuture<>();
                    java.util.concurrent.CompletableFuture<Void> work = timer.thenRun(() -> {
                        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
                        long until = cpu.getCurrentThreadCpuTime() + 600_000_000L;
                        double x = 0;
                        while (cpu.getCurrentThreadCpuTime() < until) {
                            for (int i = 0; i < 10_000; i++) {
                                x += Math.sqrt(i + x % 7);
                            }
                        }
                        sink = x;
                        System.out.println("outcome off the clock: 0.6 s of CPU on " + Thread.currentThread().getName());
                    });
                    timer.completeOnTimeout(1, 1, java.util.concurrent.TimeUnit.MILLISECONDS);
                    work.join();
                }""", "static volatile double sink;");
        assertRefused(runTrial(jar), "later.jar fails the check: hostile.Later.update(Lorg/optbench/api/StepContext;)V"
                + " calls java/util/concurrent/CompletableFuture.");

        TrialRecord record = runContained(jar, "later");
        assertNull(record.failure());
        assertEquals(StopReason.BUDGET, record.stopReason());
        String log = trialLog("later");
        assertTrue(log.contains("outcome off the clock: 0.6 s of CPU on CompletableFutureDelayScheduler"), log);
        assertEquals("cpu", record.clock());
        // Less a tick or two of /proc's 10-ms resolution; the training thread's own share is what is left.
        assertTrue(record.otherThreadsCpuSeconds() >= 0.58, "other threads: " + record.otherThreadsCpuSeconds());
        assertTrue(record.submissionSeconds() >= record.otherThreadsCpuSeconds(),
                record.submissionSeconds() + " s of submission time, " + record.otherThreadsCpuSeconds()
                        + " s of it other threads'");
        assertTrue(record.submissionSeconds() >= record.budgetSeconds(), "the budget was spent: "
                + record.submissionSeconds());

        // Nor in a process it starts and leaves behind, never waited for: the shell's subshell, orphaned as soon as
        // the shell exits, works, says how much CPU it used, and sleeps until the launcher ends the trial.
        Path child = JarFixtures.submissionJar(work, "child.jar", "hostile.Child", """
                if (context.step() == 0) {
                    try {
                        new ProcessBuilder("/bin/sh", "-c", "(i=0; while [ $i -lt 1000000 ]; do i=$((i+1)); done; "
                                + "times > times.part; mv times.part times.txt; exec sleep 600) & exit 0").start();
                        java.nio.file.Path said = java.nio.file.Path.of("times.txt");
                        for (int i = 0; i < 1200 && !java.nio.file.Files.exists(said); i++) {
                            Thread.sleep(50);
                        }
                        System.out.println("outcome child's CPU: " + java.nio.file.Files.readAllLines(said).get(0));
                    } catch (java.io.IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }""", "");
        TrialRecord worked = runContained(child, "child");
        assertNull(worked.failure());
        // The shell's 'times': its own user and system time, e.g. "0m0.912000s 0m0.004000s".
        java.util.regex.Matcher times = java.util.regex.Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s")
                .matcher(outcome(trialLog("child"), "child's CPU"));
        assertTrue(times.find(), trialLog("child"));
        double childCpu = 60 * Double.parseDouble(times.group(1)) + Double.parseDouble(times.group(2))
                + 60 * Double.parseDouble(times.group(3)) + Double.parseDouble(times.group(4));
        assertTrue(childCpu > 0.2, "the child worked " + childCpu + " s");
        assertTrue(worked.otherThreadsCpuSeconds() >= childCpu - 0.03, "other threads and processes: "
                + worked.otherThreadsCpuSeconds() + " s, the child's alone " + childCpu + " s");
    }

    // ----- 5 -----------------------------------------------------------------------------------------------------

    /**
     * 5. Reading the clock without {@code System.nanoTime}: {@code new GregorianCalendar()} and
     * {@code LogRecord.getInstant()}. The scan calls them clocks; run anyway, they are harmless (a submission's
     * time is the harness's reading, not its own): a normal record on the harness's CPU clock.
     */
    @Test
    void m05ReadingTheClockAnotherWayChangesNoTime() throws IOException {
        Path jar = JarFixtures.submissionJar(work, "calendar.jar", "hostile.Calendar", """
                long calendar = new java.util.GregorianCalendar().getTimeInMillis();
                java.time.Instant logged = new java.util.logging.LogRecord(java.util.logging.Level.INFO, "t").getInstant();
                if (context.step() == 0) {
                    System.out.println("outcome the clocks: calendar " + calendar + " ms, log record " + logged);
                }
                Params gradients = context.lossAndGradients().gradients();
                for (int i = 0; i < context.params().size(); i++) {
                    context.params().value(i).subi(gradients.value(i).mul(0.05));
                }""", "");
        assertRefused(runTrial(jar), "calendar.jar fails the check: hostile.Calendar.update("
                + "Lorg/optbench/api/StepContext;)V calls java/util/GregorianCalendar.<init>()V [clocks]");

        TrialRecord record = runContained(jar, "calendar");
        assertNull(record.failure());
        assertTrue(record.stopReason() == StopReason.BUDGET || record.stopReason() == StopReason.TARGETS_REACHED,
                record.stopReason().json());
        assertTrue(trialLog("calendar").contains("outcome the clocks: calendar "), trialLog("calendar"));
        assertEquals("cpu", record.clock());
        assertTrue(record.steps() > 10 && record.evals() >= 2, record.steps() + " steps");
        assertTrue(record.submissionSeconds() > 0 && record.submissionSeconds() <= record.budgetSeconds() * 1.5,
                record.submissionSeconds() + " s");
    }

    // ----- 6 -----------------------------------------------------------------------------------------------------

    /**
     * 6. {@code System.setProperty} forging what {@code meta_data.json} records (the git commit, the Java version),
     * in the jar's static initialiser and again in {@code update()}: the scan calls it properties; run anyway, the
     * trial JVM's properties are its own, and the launcher wrote the record from what it read before any submission
     * code ran.
     */
    @Test
    void m06ForgedPropertiesAreNotWhatTheRecordSays() throws IOException {
        String forge = "System.setProperty(\"optbench.gitCommit\", \"forged-commit\");"
                + " System.setProperty(\"java.version\", \"0.0-forged\");";
        Path jar = JarFixtures.submissionJar(work, "forge.jar", "hostile.Forge", forge + """
                if (context.step() == 0) {
                    System.out.println("outcome forged: java.version " + System.getProperty("java.version")
                            + ", optbench.gitCommit " + System.getProperty("optbench.gitCommit"));
                }
                Params gradients = context.lossAndGradients().gradients();
                for (int i = 0; i < context.params().size(); i++) {
                    context.params().value(i).subi(gradients.value(i).mul(0.05));
                }""", "static { " + forge + " }");
        assertRefused(runTrial(jar), "forge.jar fails the check: hostile.Forge.update(Lorg/optbench/api/StepContext;)V calls "
                + "java/lang/System.setProperty(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String; [properties]");

        TrialRecord record = runContained(jar, "forge");
        assertNull(record.failure());
        assertTrue(trialLog("forge").contains("outcome forged: java.version 0.0-forged, optbench.gitCommit "
                + "forged-commit"), trialLog("forge"));
        JsonNode software = RecordJson.mapper().readTree(trialDir("forge").resolve("meta_data.json").toFile())
                .path("software");
        assertEquals(System.getProperty("java.version"), software.path("java_version").asText());
        assertEquals(MachineFacts.here().software().get("git_commit"), software.path("git_commit").asText());
        assertNotEquals("forged-commit", software.path("git_commit").asText());
        assertEquals(Software.version(), software.path("optbench_version").asText());
        assertEquals(Software.version(), record.optbenchVersion());
    }

    // ----- 7 -----------------------------------------------------------------------------------------------------

    /**
     * 7. A jar writing its own "reached in 0.001 s" {@code trial.json} (where it runs, into the trial's record
     * directory and its staging directory at their real paths), printing a forged "finished" message, and dying:
     * the scan calls it files and exit; run anyway, the trial JVM sees no record directory, its output is only a log,
     * and the launcher's record says the trial failed and reached nothing.
     */
    @Test
    void m07AForgedTrialJsonIsNotTheRecord() throws IOException {
        Path trialDir = trialDir("forger");
        String forged = "{\"submission\": \"forger\", \"reached_validation_target\": true, "
                + "\"time_to_target_seconds\": 0.001, \"stop_reason\": \"targets_reached\"}";
        List<String> writes = new ArrayList<>();
        for (Path target : List.of(Path.of("trial.json"), trialDir.resolve("trial.json"),
                trialDir.resolveSibling("trial_1.partial").resolve("trial.json"))) {
            writes.add(attempt("forge " + target, "java.nio.file.Path p = java.nio.file.Path.of(" + literal(target)
                    + "); if (p.getParent() != null) { java.nio.file.Files.createDirectories(p.getParent()); }"
                    + " java.nio.file.Files.writeString(p, " + javaString(forged) + ");"));
        }
        Path jar = JarFixtures.submissionJar(work, "forger.jar", "hostile.Forger", attempts(writes.toArray(String[]::new))
                + "System.out.println(" + javaString("{\"type\": \"finished\", \"result\": {\"stop_reason\": "
                + "\"targets_reached\", \"submission_seconds\": 0.001}}") + ");"
                + " System.out.flush(); System.exit(0);", "");
        assertRefused(runTrial(jar), "forger.jar fails the check: hostile.Forger.update(Lorg/optbench/api/StepContext;)V"
                + " calls java/nio/file/");

        Map<String, String> before = snapshotOutsideOut();
        TrialRecord record = runContained(jar, "forger");
        assertFailed(record, "trial JVM exited with code 0 before reporting its result");
        assertFalse(record.reachedValidationTarget());
        assertNull(record.timeToTargetSeconds());
        String log = trialLog("forger");
        // Its own working directory it may write (and loses); the record directory is not there for it.
        assertTrue(log.contains("outcome forge trial.json: ok"), log);
        assertRefusedAttempt(log, "forge " + trialDir.resolve("trial.json"), "Read-only file system");
        assertRefusedAttempt(log, "forge " + trialDir.resolveSibling("trial_1.partial").resolve("trial.json"),
                "Read-only file system");
        try (Stream<Path> files = Files.list(trialDir)) {
            assertEquals(List.of("eval_measurements.csv", "hparams.json", "meta_data.json", "trial.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertFalse(Files.exists(trialDir.resolveSibling("trial_1.partial")));
        assertNothingOutsideOutChanged(before);
    }

    // ----- 8 -----------------------------------------------------------------------------------------------------

    /**
     * 8. A trial JVM that prints a line starting {@code optbench: } and exits with code 2, as the CLI does for a
     * user's mistake: the scan calls it exit; run anyway under {@code tune}, two trials, the one that does it is a
     * failed record with its reason, and the study goes on to the other, which trains and is recorded.
     */
    @Test
    void m08AnExitThatLooksLikeAUsersMistakeFailsOnlyItsTrial() throws IOException {
        Path jar = JarFixtures.submissionJar(work, "mimic.jar", "hostile.Mimic", """
                if (context.hyperParameters().getInt("sabotage") == 1) {
                    System.err.println("optbench: unknown workload 'quadratic' (see 'optbench --help')");
                    System.exit(2);
                }
                Params gradients = context.lossAndGradients().gradients();
                for (int i = 0; i < context.params().size(); i++) {
                    context.params().value(i).subi(gradients.value(i).mul(
                            context.hyperParameters().getDouble("learning_rate")));
                }""", """
                public HyperParameters defaultHyperParameters() {
                    return HyperParameters.of(java.util.Map.of("learning_rate", 0.05, "sabotage", 0));
                }""");
        Path points = Files.writeString(work.resolve("points.json"),
                "[{\"learning_rate\": 0.05, \"sabotage\": 1}, {\"learning_rate\": 0.05, \"sabotage\": 0}]");
        List<String> tune = new ArrayList<>(List.of("tune", "--submission", jar.toString(), "--ruleset", "external",
                "--search-space", points.toString(), "--studies", "1", "--trials", "2", "--workloads", WORKLOAD,
                "--budget-seconds", "1", "--jobs", "1", "--out", out.toString()));
        assertRefused(CliTestSupport.run(tune.toArray(String[]::new)), "mimic.jar fails the check: hostile.Mimic.update("
                + "Lorg/optbench/api/StepContext;)V calls java/lang/System.exit(I)V [exit]");

        tune.add("--allow-unchecked");
        CliTestSupport.Result r = CliTestSupport.run(tune.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        Path study = out.resolve("external_tuning/mimic/study_0/" + WORKLOAD);
        TrialRecord sabotaged = null;
        TrialRecord trained = null;
        for (int trial = 1; trial <= 2; trial++) {
            TrialRecord record = TrialRecords.read(study.resolve("trial_" + trial)).record();
            if (((Number) record.hyperparameters().get("sabotage")).intValue() == 1) {
                sabotaged = record;
            } else {
                trained = record;
            }
        }
        assertTrue(sabotaged != null && trained != null, "one trial of each point");
        assertFailed(sabotaged, "trial JVM exited with code 2 before reporting its result: optbench: unknown workload");
        assertNull(trained.failure());
        assertTrue(trained.steps() > 10 && trained.evals() >= 2, trained.steps() + " steps");
        assertTrue(r.out().contains(": 2 trials, records under "), r.out());
    }

    // ----- 9 -----------------------------------------------------------------------------------------------------

    /**
     * 9. {@code name()} returning {@code ../escaped_by_name}: no reference is wrong, so the scan passes, but
     * {@code check}'s description of the jar refuses the name ({@code check} exit 1); {@code run} and {@code tune}
     * refuse it in one line (exit 2) with or without {@code --allow-unchecked}, and write nothing anywhere. A jar
     * that gives the inspection a good name and the trial JVM a hostile one gets its records under the good one: the
     * launcher takes the name once, from the inspection. Inside {@code --out} names still count: a jar named as a
     * built-in is, and two submissions of one leaderboard that share a name are, refused in one line.
     */
    @Test
    void m09AHostileNameIsRefusedAndWritesNothingOutsideOut() throws IOException {
        Path jar = jarWithName("escape.jar", "hostile.Escape", "\"../escaped_by_name\"");
        Map<String, String> before = snapshotOutsideOut();

        CliTestSupport.Result checked = CliTestSupport.run("check", jar.toString());
        assertEquals(1, checked.exitCode(), checked.out() + checked.err());
        String refusedName = "hostile.Escape.name() returned '../escaped_by_name'; expected a short lowercase name of "
                + "letters, digits, '_', '.' or '-'";
        assertEquals(List.of(refusedName + " [hooks]"), checked.out().strip().lines().toList());
        assertRefused(runTrial(jar), "escape.jar fails the check: " + refusedName);
        assertRefused(runTrial(jar, "--allow-unchecked"), "escape.jar: hostile.Escape cannot be described: ");
        assertRefused(CliTestSupport.run("tune", "--submission", jar.toString(), "--ruleset", "self-tuning",
                "--studies", "1", "--workloads", WORKLOAD, "--budget-seconds", "1", "--allow-unchecked", "--out",
                out.toString()), "escape.jar: hostile.Escape cannot be described: ");
        assertFalse(Files.exists(work.resolve("escaped_by_name")));
        assertFalse(Files.exists(out.resolve("escaped_by_name")));
        assertNothingOutsideOutChanged(before);

        // The trial JVM is told its name by nobody; it names nothing.
        Path twoFaced = jarWithName("twofaced.jar", "hostile.TwoFaced",
                "java.nio.file.Files.exists(java.nio.file.Path.of(\"request.json\")) ? \"../escaped_by_name\" : \"fine\"");
        before = snapshotOutsideOut();
        TrialRecord record = runContained(twoFaced, "fine");
        assertNull(record.failure());
        assertEquals("fine", record.submission());
        assertFalse(Files.exists(work.resolve("escaped_by_name")));
        assertFalse(Files.exists(out.resolve("escaped_by_name")));
        assertNothingOutsideOutChanged(before);

        // Records are kept by name, inside --out too: a jar may not take a built-in's name, under which its records
        // would be read as the built-in's (or a finished study of the built-in taken for its own), and two
        // submissions of one leaderboard may not share one.
        Path impostor = jarWithName("impostor.jar", "hostile.Impostor", "\"adamw\"");
        assertRefused(runTrial(impostor), "impostor.jar: hostile.Impostor.name() returned 'adamw', the name of a "
                + "built-in submission");
        assertFalse(Files.exists(out.resolve("adamw")), "no record under the built-in's name");
        Path twin = jarWithName("twin.jar", "hostile.Twin", "\"fine\"");
        assertRefused(CliTestSupport.run("leaderboard", "--submissions", twoFaced + "," + twin, "--workloads", WORKLOAD,
                "--ruleset", "self-tuning", "--studies", "1", "--budget-seconds", "1", "--allow-unchecked", "--out",
                work.resolve("board").toString()), "two submissions are named 'fine' (twofaced.jar and twin.jar)");
        assertFalse(Files.exists(work.resolve("board/self_tuning")), "no trial ran");
    }

    // ----- 10 ----------------------------------------------------------------------------------------------------

    /**
     * 10. Printing while looping inside {@code update()}, so that a watchdog that took output for progress stays
     * quiet, and running past the budget. Printing and looping are allowed, so the scan cannot see it and the jar
     * runs checked. Progress is a finished step, reported over the channel, not output: the launcher kills it at the
     * stall limit, or, with a stall limit longer than the budget, at its CPU-time budget backstop, each with its
     * reason; and its log, outside the trial directory, stays bounded however much it prints.
     */
    @Test
    void m10PrintingInsideALoopingUpdateDoesNotKeepItAlive() throws IOException {
        Path jar = JarFixtures.submissionJar(work, "chatty.jar", "hostile.Chatty", """
                char[] filler = new char[1000];
                java.util.Arrays.fill(filler, '.');
                String padding = new String(filler);
                for (long line = 0; ; line++) {
                    System.out.println("still working on step " + context.step() + ", line " + line + " " + padding);
                }""", "");
        CliTestSupport.Result checked = CliTestSupport.run("check", jar.toString());
        assertEquals(0, checked.exitCode(), "the scan cannot see it: " + checked.out() + checked.err());

        TrialRecord overBudget = runContained(jar, "chatty", "--budget-seconds", "1");
        assertEquals(StopReason.FAILED, overBudget.stopReason());
        assertTrue(overBudget.failure().startsWith("over budget: ") && overBudget.failure().endsWith(
                " s of cpu time inside one step, past the 1.0-s budget; the trial JVM was killed"), overBudget.failure());
        assertLogBounded(out.resolve("chatty/study_0/" + WORKLOAD + "/trial_1.log"));

        TrialRecord stalled = runContained(jar, "chatty", "--budget-seconds", "60", "--stall-seconds", "2");
        assertEquals(StopReason.FAILED, stalled.stopReason());
        assertEquals("hang: no progress for 2 s; the trial JVM was killed", stalled.failure());
        assertLogBounded(out.resolve("chatty/study_0/" + WORKLOAD + "/trial_2.log"));
    }

    // ----- 11 ----------------------------------------------------------------------------------------------------

    /**
     * 11. Loading a jar whose static initialiser loops, or calls {@code System.exit}: {@code check} and {@code run}
     * inspect it in a confined JVM killed at the inspection limit (here 3 s), so each ends in one line, {@code check}
     * with exit 1 and {@code run} with exit 2, with or without {@code --allow-unchecked}, and no trial runs. One that
     * exits only in a trial JVM (it passes the inspection) is a failed record.
     */
    @Test
    void m11StaticInitialisersThatLoopOrExitEndCheckAndRunInOneLine() throws IOException {
        String previous = System.getProperty("optbench.inspectionSeconds");
        System.setProperty("optbench.inspectionSeconds", "3");
        try {
            Path loops = JarFixtures.submissionJar(work, "loops.jar", "hostile.Loops", "context.lossAndGradients();",
                    "static { long i = 1; while (i != 0) { i = (i * 31 + 7) | 1; } }");
            String timedOut = "loops.jar: its inspection did not finish within 3 s and was killed (does a static "
                    + "initialiser, constructor or hook loop or exit?) [hooks]";
            CliTestSupport.Result checked = CliTestSupport.run("check", loops.toString());
            assertEquals(1, checked.exitCode(), checked.out() + checked.err());
            assertEquals(List.of(timedOut), checked.out().strip().lines().toList());
            assertRefused(runTrial(loops), "loops.jar fails the check: " + timedOut);
            assertRefused(runTrial(loops, "--allow-unchecked"), "loops.jar: " + timedOut);
            restore("optbench.inspectionSeconds", previous); // the rest end by themselves

            Path exits = JarFixtures.submissionJar(work, "exits.jar", "hostile.Exits", "context.lossAndGradients();",
                    "static { System.out.println(\"optbench: bye\"); System.exit(0); }");
            CliTestSupport.Result exitChecked = CliTestSupport.run("check", exits.toString());
            assertEquals(1, exitChecked.exitCode(), exitChecked.out() + exitChecked.err());
            assertEquals(List.of("hostile.Exits.<clinit>()V calls java/lang/System.exit(I)V [exit]"),
                    exitChecked.out().strip().lines().toList());
            assertRefused(runTrial(exits), "exits.jar fails the check: hostile.Exits.<clinit>()V calls "
                    + "java/lang/System.exit(I)V [exit]");
            assertRefused(runTrial(exits, "--allow-unchecked"), "exits.jar: exits.jar: its inspection ended with exit "
                    + "code 0 without a report: optbench: bye (does a static initialiser, constructor or hook loop or "
                    + "exit?) [hooks]");
            assertFalse(Files.exists(out.resolve("loops")) || Files.exists(out.resolve("exits")), "no trial ran");

            Path late = JarFixtures.submissionJar(work, "late.jar", "hostile.Late", "context.lossAndGradients();",
                    "static { if (java.nio.file.Files.exists(java.nio.file.Path.of(\"request.json\"))) {"
                            + " System.exit(0); } }");
            TrialRecord record = runContained(late, "late");
            assertFailed(record, "trial JVM exited with code 0 before reporting its result");
            assertEquals(0, record.steps());
        } finally {
            restore("optbench.inspectionSeconds", previous);
        }
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }

    // ----- running -----------------------------------------------------------------------------------------------

    private CliTestSupport.Result runTrial(Path jar, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--workload", WORKLOAD, "--submission", jar.toString(),
                "--out", out.toString()));
        args.addAll(List.of(extra));
        if (!args.contains("--budget-seconds")) {
            args.addAll(List.of("--budget-seconds", "1"));
        }
        return CliTestSupport.run(args.toArray(String[]::new));
    }

    /** Runs the jar with {@code --allow-unchecked} and returns the record of its newest trial. */
    private TrialRecord runContained(Path jar, String submission, String... extra) {
        List<String> args = new ArrayList<>(List.of("--allow-unchecked"));
        args.addAll(List.of(extra));
        CliTestSupport.Result r = runTrial(jar, args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), submission + ": " + r.err());
        Path trialDir = newestTrial(submission);
        assertTrue(r.out().contains(trialDir.toString()), r.out());
        TrialRecord record = TrialRecords.read(trialDir).record();
        assertEquals("bwrap", record.sandbox(), "confined by the OS sandbox");
        return record;
    }

    private Path trialDir(String submission) {
        return out.resolve(submission + "/study_0/" + WORKLOAD + "/trial_1");
    }

    private Path newestTrial(String submission) {
        Path dir = trialDir(submission);
        for (int k = 2; Files.exists(dir.resolveSibling("trial_" + k)); k++) {
            dir = dir.resolveSibling("trial_" + k);
        }
        return dir;
    }

    /** The output of a submission's first trial JVM: its log, beside the trial directory. */
    private String trialLog(String submission) throws IOException {
        Path log = trialDir(submission).resolveSibling("trial_1.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    // ----- hostile sources ---------------------------------------------------------------------------------------

    /** A statement that makes one attempt and prints {@code outcome <label>: ok} or what it threw. */
    private static String attempt(String label, String code) {
        return "try {\n" + code + "\nSystem.out.println(" + javaString("outcome " + label + ": ok") + ");\n"
                + "} catch (Throwable t) {\nSystem.out.println(" + javaString("outcome " + label + ": ")
                + " + t);\n}\n";
    }

    private static String attempts(String... attempts) {
        return String.join("", attempts) + "System.out.flush();\n";
    }

    /** A jar of one submission whose {@code name()} returns {@code nameExpression} and whose update trains. */
    private Path jarWithName(String jarName, String className, String nameExpression) {
        int dot = className.lastIndexOf('.');
        String source = "package " + className.substring(0, dot) + ";\n"
                + "import org.optbench.api.*;\n"
                + "public final class " + className.substring(dot + 1) + " implements Submission {\n"
                + "  public String name() { return " + nameExpression + "; }\n"
                + "  public OptimizerState init(WorkloadInfo w, Params p, HyperParameters h, Rng r) {"
                + " return OptimizerState.NONE; }\n"
                + "  public void update(StepContext context) {\n"
                + "    Params gradients = context.lossAndGradients().gradients();\n"
                + "    for (int i = 0; i < context.params().size(); i++) {\n"
                + "      context.params().value(i).subi(gradients.value(i).mul(0.05));\n"
                + "    }\n"
                + "  }\n}\n";
        return JarFixtures.build(work, jarName, Map.of(className, source), Map.of(SERVICES, className + "\n"),
                org.optbench.api.ApiVersion.CURRENT);
    }

    private static String literal(Path path) {
        return javaString(path.toString());
    }

    private static String javaString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ----- assertions --------------------------------------------------------------------------------------------

    /** Exit 2 and one line, {@code optbench: } and the expected start. */
    private static void assertRefused(CliTestSupport.Result r, String expectedStart) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("optbench: " + expectedStart), lines.get(0));
    }

    private static void assertFailed(TrialRecord record, String expectedStart) {
        assertEquals(StopReason.FAILED, record.stopReason(), record.failure());
        assertFalse(record.reachedValidationTarget(), record.failure());
        assertTrue(record.failure() != null && record.failure().startsWith(expectedStart), record.failure());
    }

    private static String outcome(String log, String label) {
        String prefix = "outcome " + label + ": ";
        return log.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no outcome of '" + label + "' in the log:\n" + log));
    }

    private static void assertAttempted(String log, String label) {
        outcome(log, label);
    }

    /** The attempt was made and threw, with each of {@code evidence} in what it threw. */
    private static void assertRefusedAttempt(String log, String label, String... evidence) {
        String outcome = outcome(log, label);
        assertNotEquals("ok", outcome, label);
        for (String e : evidence) {
            assertTrue(outcome.contains(e), label + ": " + outcome);
        }
    }

    private static void assertNoConnection(ServerSocket server) throws IOException {
        server.setSoTimeout(200);
        try (Socket accepted = server.accept()) {
            fail("a connection reached the host's loopback from " + accepted.getRemoteSocketAddress());
        } catch (SocketTimeoutException expected) {
            // nothing came
        }
    }

    /** Every file and directory of the work directory outside {@code --out}: path to size and SHA-256. */
    private Map<String, String> snapshotOutsideOut() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(work)) {
            for (Path p : walk.filter(p -> !p.startsWith(out)).toList()) {
                files.put(work.relativize(p).toString(), Files.isDirectory(p) ? "directory"
                        : Files.size(p) + " bytes, " + sha256(p));
            }
        }
        return files;
    }

    private void assertNothingOutsideOutChanged(Map<String, String> before) throws IOException {
        assertEquals(before, snapshotOutsideOut(), "the work directory outside --out");
        assertEquals("the canary, as the test wrote it", Files.readString(canary));
        assertFalse(Files.exists(homeCanary), homeCanary + " was written");
        assertFalse(Files.exists(tmpCanary), tmpCanary + " was written");
    }

    /** A log of its first and last words, however much the trial printed, saying how much it left out. */
    private static void assertLogBounded(Path log) throws IOException {
        assertTrue(Files.isRegularFile(log), log + " is missing");
        long size = Files.size(log);
        assertTrue(size <= BoundedLog.HEAD_BYTES + BoundedLog.TAIL_BYTES + 100, log + " has " + size + " bytes");
        String text = Files.readString(log);
        assertTrue(text.startsWith("still working on step 0, line 0 "), log.toString());
        assertTrue(text.matches("(?s).*\\[optbench: \\d+ bytes of output left out here\\]\\R"
                + "still working on step 0, line \\d+ .*"), "the marker and the tail in " + log);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
