package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code ./optbench} launcher builds only when a source of the build changed. It runs here in a small checkout
 * of its own whose {@code ./mvnw} and {@code java} only note that they were called: the fake Maven writes the jar
 * when there is none and leaves it alone after that, as Maven does when nothing it packs changed.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("..", "optbench").toAbsolutePath().normalize();
    private static final Instant NOW = Instant.now();

    @TempDir
    Path dir;

    private Path checkout;
    private Path mavenLog;
    private Path javaLog;

    @ParameterizedTest(name = "in a git checkout: {0}")
    @ValueSource(booleans = {true, false})
    void buildsOnlyWhenASourceOfTheBuildChanged(boolean git) throws Exception {
        // Given a checkout whose sources were last changed 3 hours ago,
        createCheckout(git);

        // the first call builds, and runs the CLI.
        launch();
        assertEquals(List.of("-q -B -DskipTests package -pl harness -am"), lines(mavenLog));
        assertEquals(1, lines(javaLog).size());

        // Say that was 2 hours ago: a second call does not build.
        builtTwoHoursAgo();
        launch();
        assertEquals(1, lines(mavenLog).size(), "Maven ran though no source changed");
        assertEquals(2, lines(javaLog).size());

        // Nor after './mvnw install' an hour ago, which wrote JMH's sources and classes into benchmarks/target;
        // nor for a test, a README or a file git ignores.
        changedAnHourAgo("benchmarks/target/generated-sources/annotations/jmh_generated/Step_jmhTest.java");
        changedAnHourAgo("benchmarks/target/classes/jmh_generated/Step_jmhTest.class");
        changedAnHourAgo("harness/target/classes/org/optbench/Cli.class");
        changedAnHourAgo("harness/src/test/java/org/optbench/CliTest.java");
        changedAnHourAgo("README.md");
        if (git) {
            changedAnHourAgo("harness/src/main/java/org/optbench/notes.log");
        }
        launch();
        assertEquals(1, lines(mavenLog).size(), "Maven ran for files the build does not read");

        // A changed source builds, once, though Maven left the jar as it was.
        changedAnHourAgo("harness/src/main/java/org/optbench/Cli.java");
        launch();
        assertEquals(2, lines(mavenLog).size(), "a changed source was not built");
        launch();
        assertEquals(2, lines(mavenLog).size(), "Maven ran again for a source it had built");

        // So do a changed resource, a new source, a changed POM of a module, and the Maven wrapper's settings.
        int builds = 2;
        for (String source : List.of("harness/src/main/resources/simplelogger.properties",
                "workloads/src/main/java/org/optbench/NewWorkload.java", "benchmarks/pom.xml",
                ".mvn/wrapper/maven-wrapper.properties")) {
            builtTwoHoursAgo();
            changedAnHourAgo(source);
            launch();
            assertEquals(++builds, lines(mavenLog).size(), source + " changed and was not built");
            changedThreeHoursAgo(source);
        }
    }

    @Test
    void passesTheJavaCppCacheOnToTheCli() throws Exception {
        createCheckout(false);
        launch();
        assertTrue(lines(javaLog).get(0).contains(" -jar "), lines(javaLog).toString());
        assertTrue(!lines(javaLog).get(0).contains("javacpp"), "a cache directory though none was given");

        launch(Map.of("OPTBENCH_JAVACPP_CACHE", "/scratch/javacpp"));
        assertTrue(lines(javaLog).get(1).contains(" -Dorg.bytedeco.javacpp.cachedir=/scratch/javacpp "),
                lines(javaLog).get(1));
    }

    @Test
    void runsTheCheckoutItLinksTo() throws Exception {
        createCheckout(false);
        Path bin = Files.createDirectories(dir.resolve("home/bin"));
        Files.createSymbolicLink(bin.resolve("optbench"), bin.relativize(checkout.resolve("optbench")));
        launch(bin.resolve("optbench"), Map.of());
        assertEquals(1, lines(mavenLog).size());
        assertTrue(lines(javaLog).get(0).contains(" -jar " + checkout.resolve("harness/target/optbench-harness.jar")),
                lines(javaLog).toString());
    }

    private void createCheckout(boolean git) throws IOException, InterruptedException {
        checkout = Files.createDirectory(dir.resolve("checkout"));
        Files.copy(LAUNCHER, checkout.resolve("optbench"));
        Files.writeString(checkout.resolve("pom.xml"), String.join("\n", "<project>", "  <modules>",
                "    <module>workloads</module>", "    <module>harness</module>", "    <module>benchmarks</module>",
                "  </modules>", "</project>", ""));
        Files.writeString(checkout.resolve(".gitignore"), "target/\n*.log\n");
        for (String module : List.of("workloads", "harness", "benchmarks")) {
            write(module + "/pom.xml", hoursAgo(3));
        }
        write("harness/src/main/java/org/optbench/Cli.java", hoursAgo(3));
        write("harness/src/main/resources/simplelogger.properties", hoursAgo(3));
        write("benchmarks/src/main/java/org/optbench/Step.java", hoursAgo(3));
        write(".mvn/wrapper/maven-wrapper.properties", hoursAgo(3));
        mavenLog = dir.resolve("maven.log");
        javaLog = dir.resolve("java.log");
        executable(checkout.resolve("mvnw"), "#!/bin/sh\necho \"$*\" >> '" + mavenLog + "'\n"
                + "mkdir -p harness/target\n[ -f harness/target/optbench-harness.jar ] || : > "
                + "harness/target/optbench-harness.jar\n");
        executable(dir.resolve("bin/java"), "#!/bin/sh\necho \"java $*\" >> '" + javaLog + "'\n");
        setTime(checkout.resolve("pom.xml"), hoursAgo(3));
        setTime(checkout.resolve("mvnw"), hoursAgo(3));
        if (git) {
            assumeTrue(run(List.of("git", "--version"), dir) == 0, "no git here");
            assertEquals(0, run(List.of("git", "init", "-q"), checkout));
            assertEquals(0, run(List.of("git", "add", "-A"), checkout));
            assertEquals(0, run(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q",
                    "-m", "sources"), checkout));
        }
    }

    private void launch() throws IOException, InterruptedException {
        launch(Map.of());
    }

    private void launch(Map<String, String> environment) throws IOException, InterruptedException {
        launch(checkout.resolve("optbench"), environment);
    }

    private void launch(Path launcher, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--version")
                .directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().remove("OPTBENCH_JAVACPP_CACHE");
        builder.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
    }

    /** What the build and the launcher wrote into harness/target (the jar, a note), as if 2 hours ago. */
    private void builtTwoHoursAgo() throws IOException {
        try (Stream<Path> files = Files.list(checkout.resolve("harness/target"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                setTime(file, hoursAgo(2));
            }
        }
    }

    private void changedAnHourAgo(String path) throws IOException {
        write(path, hoursAgo(1));
    }

    private void changedThreeHoursAgo(String path) throws IOException {
        write(path, hoursAgo(3));
    }

    private void write(String path, Instant time) throws IOException {
        Path file = checkout.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, path + "\n");
        setTime(file, time);
    }

    private static void executable(Path file, String script) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static int run(List<String> command, Path directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }

    private static List<String> lines(Path log) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : new ArrayList<>();
    }

    private static Instant hoursAgo(int hours) {
        return NOW.minus(Duration.ofHours(hours));
    }

    private static void setTime(Path file, Instant time) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(time));
    }
}
