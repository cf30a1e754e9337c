package org.optbench.harness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real bubblewrap, real processes: what a confined JVM or shell can and cannot do. Skipped, saying so, when
 * bubblewrap is unavailable here; {@code OPTBENCH_REQUIRE_SANDBOX=1} (set by .ci/run) makes that a failure instead.
 */
class SandboxTest {
    private static final long WAIT_SECONDS = 120;

    private static Sandbox sandbox;

    /** A study's output, under target/ rather than /tmp, which the sandbox replaces with its own. */
    private Path study;
    /** The one writable directory: trial 1's staging directory. */
    private Path staging;

    @BeforeAll
    static void findTheSandbox() {
        sandbox = Sandbox.detect();
        if (!sandbox.available() && "1".equals(System.getenv("OPTBENCH_REQUIRE_SANDBOX"))) {
            fail("OPTBENCH_REQUIRE_SANDBOX=1 but " + sandbox.unavailableReason());
        }
        if (!sandbox.available()) {
            System.err.println("SandboxTest skipped: " + sandbox.unavailableReason());
        }
    }

    @BeforeEach
    void makeAStudy() throws IOException {
        Assumptions.assumeTrue(sandbox.available(), () -> "SandboxTest skipped: " + sandbox.unavailableReason());
        Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
        study = Files.createTempDirectory(target, "sandbox-study");
        staging = Files.createDirectories(study.resolve("trial_1.staging"));
    }

    @AfterEach
    void removeTheStudy() throws IOException {
        deleteTree(study);
    }

    @Test
    void aConfinedJvmWritesOnlyItsStagingDirectoryReadsNoOtherFilesAndReachesNoNetwork() throws Exception {
        // Given another trial's record, a file in a host temp directory, and a server on the host's loopback
        Path otherRecord = Files.writeString(Files.createDirectories(study.resolve("trial_0")).resolve("trial.json"),
                "{}");
        Path hostTemp = Files.createTempDirectory("sandbox-host");
        Path secret = Files.writeString(hostTemp.resolve("secret.txt"), "not for trials");
        Path inWorkingDir = Path.of("sandbox-escape-" + UUID.randomUUID() + ".txt").toAbsolutePath();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> probes = List.of("write", staging.resolve("out.txt").toString(),
                    "write", study.resolve("escape.txt").toString(),
                    "write", inWorkingDir.toString(),
                    "write", "/dev/shm/fill-memory",
                    "read", otherRecord.toString(),
                    "read", secret.toString(),
                    "read", "/etc/shadow",
                    "connect", Integer.toString(server.getLocalPort()));

            // When a confined JVM tries them
            Result confined = run(sandbox.wrap(java(SandboxProbe.class, probes), policy()));

            // Then it wrote its staging directory and nothing else, found nothing outside its policy, and could not
            // reach the host's server, which saw no connection
            assertEquals(0, confined.exitCode(), confined.output());
            assertEquals("ok", confined.outcome("write", staging.resolve("out.txt")));
            assertEquals("written by a confined JVM", Files.readString(staging.resolve("out.txt")));
            assertTrue(confined.outcome("write", study.resolve("escape.txt")).contains("Read-only file system"),
                    confined.output());
            assertTrue(confined.outcome("write", inWorkingDir).contains("Read-only file system"), confined.output());
            assertTrue(confined.outcome("write", "/dev/shm/fill-memory").contains("Read-only file system"),
                    confined.output());
            assertFalse(Files.exists(study.resolve("escape.txt")));
            assertFalse(Files.exists(inWorkingDir));
            assertTrue(confined.outcome("read", otherRecord).startsWith("java.nio.file.NoSuchFileException"),
                    confined.output());
            assertTrue(confined.outcome("read", secret).startsWith("java.nio.file.NoSuchFileException"),
                    confined.output());
            assertTrue(confined.outcome("read", Path.of("/etc/shadow")).startsWith("java.nio.file.NoSuchFileException"),
                    confined.output());
            assertTrue(confined.outcome("connect", server.getLocalPort()).startsWith("java.net.ConnectException"),
                    confined.output());
            assertNoConnection(server);

            // And the same probe unconfined (the control) does all of it, so the probe can tell
            Result unconfined = run(java(SandboxProbe.class, probes));
            assertEquals("ok", unconfined.outcome("write", study.resolve("escape.txt")), unconfined.output());
            assertEquals("ok", unconfined.outcome("read", secret), unconfined.output());
            assertEquals("ok", unconfined.outcome("connect", server.getLocalPort()), unconfined.output());
        } finally {
            Files.deleteIfExists(inWorkingDir);
            deleteTree(hostTemp);
        }
    }

    @Test
    void nd4jRunsConfinedOnTheSharedJavaCppCacheReadOnly() throws Exception {
        // Given a trial JVM's policy, with the JavaCPP cache this JVM filled
        SandboxPolicy policy = policy().withEnvironmentVariable("OMP_NUM_THREADS", "1");

        // When a confined JVM multiplies [[1,2],[3,4]] by [[5,6],[7,8]] and adds 1
        Result confined = run(sandbox.wrap(java(SandboxNd4jProbe.class, List.of()), policy));

        // Then it gets [[1*5+2*7, 1*6+2*8], [3*5+4*7, 3*6+4*8]] + 1, with the libraries of the shared cache rather than
        // a private copy that JavaCPP extracts when it finds its cache read-only
        assertEquals(0, confined.exitCode(), confined.output());
        assertEquals("product 20.0 23.0 44.0 51.0", confined.line("product"), confined.output());
        assertEquals("cache " + JavaCppCache.directory().toRealPath(), confined.line("cache"), confined.output());
    }

    @Test
    void killingBwrapKillsEveryProcessInside() throws Exception {
        // Given a confined shell with a background grandchild and a daemon that left its session
        String script = "sleep 1000 & (setsid sleep 1001 &); "
                + "until grep -qx sleep /proc/$!/comm 2>/dev/null; do :; done; echo started; wait";
        Process bwrap = new ProcessBuilder(sandbox.wrap(List.of("/bin/sh", "-c", script), policy()))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(bwrap.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("started", out.readLine());
            List<ProcessHandle> inside = bwrap.toHandle().descendants().toList();
            assertTrue(inside.stream().anyMatch(process -> commandOf(process).contains("1000")),
                    "no sleep 1000 among " + inside.stream().map(SandboxTest::commandOf).toList());

            // When the bwrap process is killed
            bwrap.destroyForcibly();
            assertTrue(bwrap.waitFor(WAIT_SECONDS, TimeUnit.SECONDS));

            // Then no process that was inside is alive
            for (ProcessHandle process : inside) {
                assertTrue(endsWithin(process, WAIT_SECONDS), commandOf(process) + " (pid " + process.pid()
                        + ") outlived its sandbox");
            }
        } finally {
            bwrap.destroyForcibly();
        }
    }

    @Test
    void writingPastTheFileSizeLimitFails() throws Exception {
        // Given a limit of 1 MiB per file
        SandboxPolicy policy = policy().withLimits(ResourceLimits.defaults().withMaxFileBytes(1 << 20));
        Path big = staging.resolve("big.bin");

        // When a confined JVM writes 2 MiB and a confined shell 3 MiB
        Result jvm = run(sandbox.wrap(java(SandboxProbe.class, List.of("fill", big.toString())), policy));
        Result shell = run(sandbox.wrap(List.of("/bin/sh", "-c",
                "head -c 3145728 /dev/zero > shell.bin; echo \"head exited with $?\""), policy));

        // Then the JVM's write fails (it ignores SIGXFSZ), the shell's head dies of SIGXFSZ (128 + 25), and each
        // file stops at the limit
        assertTrue(jvm.outcome("fill", big).startsWith("java.io.IOException: File too large"), jvm.output());
        assertEquals(1 << 20, Files.size(big));
        assertEquals("head exited with 153", shell.line("head"), shell.output());
        assertEquals(1 << 20, Files.size(staging.resolve("shell.bin")));
    }

    private SandboxPolicy policy() {
        return SandboxPolicy.forThisJvm(staging, List.of());
    }

    private static List<String> java(Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
                main.getName()));
        command.addAll(args);
        return command;
    }

    /** This JVM's class path, absolute, as the confined JVM sees it at the same paths. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(study, "output", ".log");
        Process process = new ProcessBuilder(command).directory(staging.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail("did not finish: " + String.join(" ", command) + "\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    /** What a confined process printed. */
    private record Result(int exitCode, String output) {
        /** What the probe said about {@code op} on {@code arg}, or "missing". */
        String outcome(String op, Object arg) {
            String prefix = op + " " + arg + " -> ";
            return output.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                    .findFirst().orElse("missing");
        }

        /** The first line that starts with {@code word}, or "missing". */
        String line(String word) {
            return output.lines().filter(l -> l.startsWith(word + " ")).findFirst().orElse("missing");
        }
    }

    private static void assertNoConnection(ServerSocket server) throws IOException {
        // The probe has ended, so a connection it made would be waiting in the backlog already.
        server.setSoTimeout(1);
        try {
            server.accept().close();
            fail("the host's server on 127.0.0.1 got a connection from the sandbox");
        } catch (SocketTimeoutException expected) {
            // no connection
        }
    }

    /**
     * Whether {@code process} ends within {@code seconds}; a zombie counts as ended. The sandbox's init is no child
     * of this JVM: killed, it waits as a zombie for the host's init to reap it, which ProcessHandle calls alive.
     */
    private static boolean endsWithin(ProcessHandle process, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (process.isAlive() && !isZombie(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static boolean isZombie(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
        } catch (IOException e) {
            return false; // gone
        }
    }

    private static String commandOf(ProcessHandle process) {
        try {
            String command = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"))
                    .replace('\0', ' ').strip();
            return command.length() > 100 ? command.substring(0, 100) + "..." : command;
        } catch (IOException e) {
            return process.info().commandLine().orElse("?");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (root != null && Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
