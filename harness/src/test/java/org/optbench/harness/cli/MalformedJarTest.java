package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.harness.jar.JarFixtures;

/** A jar that cannot be loaded is one line naming the jar and what is wrong, and exit code 2, for check and run. */
class MalformedJarTest {
    private static final String SERVICES = "META-INF/services/org.optbench.api.Submission";

    @TempDir
    Path work;

    private static void assertOneLine(CliTestSupport.Result r, String... fragments) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "more than one line: " + err);
        assertFalse(err.contains("Exception"), "an exception's name: " + err);
        for (String f : fragments) {
            assertTrue(err.contains(f), "'" + f + "' missing from: " + err);
        }
    }

    private void assertCheckAndRunRefuse(Path jar, String... fragments) {
        assertOneLine(CliTestSupport.run("check", jar.toString()), fragments);
        assertOneLine(CliTestSupport.run("run", "--workload", "quadratic", "--submission", jar.toString(),
                "--out", work.resolve("runs").toString()), fragments);
        assertFalse(Files.exists(work.resolve("runs")), "a run left records");
    }

    @Test
    void notAZipFile() throws IOException {
        Path jar = Files.writeString(work.resolve("notes.jar"), "these are my notes, not a jar");
        assertCheckAndRunRefuse(jar, "notes.jar: not a jar (zip) file");
    }

    @Test
    void noSuchJar() {
        assertCheckAndRunRefuse(work.resolve("missing.jar"), "missing.jar: no such submission jar");
    }

    @Test
    void noServiceEntry() {
        Path jar = JarFixtures.build(work, "noservice.jar",
                Map.of("ok.Plain", JarFixtures.submission("ok.Plain", "", "")), Map.of(), "1.0");
        assertCheckAndRunRefuse(jar, "noservice.jar: no META-INF/services/org.optbench.api.Submission entry");
    }

    @Test
    void serviceEntryNamingAClassThatIsNotThere() {
        Path jar = JarFixtures.build(work, "typo.jar",
                Map.of("ok.Plain", JarFixtures.submission("ok.Plain", "", "")), Map.of(SERVICES, "ok.Plian\n"), "1.0");
        assertCheckAndRunRefuse(jar, "typo.jar: META-INF/services/org.optbench.api.Submission names ok.Plian, "
                + "which is not in the jar");
    }

    @Test
    void aClassCompiledForANewerJava() throws IOException {
        Path jar = JarFixtures.submissionJar(work, "newer.jar", "ok.Plain", "", "");
        Path classes = work.resolve("newer.jar.build/classes");
        Path classFile = classes.resolve("ok/Plain.class");
        byte[] bytes = Files.readAllBytes(classFile);
        assertEquals(61, bytes[7], "javac --release 17 writes class file version 61");
        bytes[7] = 66; // Java 22
        Files.write(classFile, bytes);
        JarFixtures.pack(classes, jar, "1.0");
        assertCheckAndRunRefuse(jar, "newer.jar: ok/Plain.class is compiled for Java 22 (class file version 66); "
                + "this JVM runs Java " + Runtime.version().feature());
    }

    @Test
    void aMissingDependency() {
        // Jackson is on optbench's class path, but a submission does not see it: it must bring its own copy.
        Path jar = JarFixtures.submissionJar(work, "needsjackson.jar", "ok.Json",
                "new com.fasterxml.jackson.databind.ObjectMapper();", "");
        assertCheckAndRunRefuse(jar, "needsjackson.jar: ok.Json needs com.fasterxml.jackson.databind.ObjectMapper, "
                + "which is neither in the jar nor in optbench-api, ND4J or its JavaCPP and OpenBLAS (1 missing class;");
    }

    @Test
    void optbenchInternalsAreNotVisible() {
        Path jar = JarFixtures.submissionJar(work, "peeks.jar", "ok.Peek",
                "org.optbench.workloads.Workloads.names();", "");
        assertCheckAndRunRefuse(jar, "peeks.jar: ok.Peek needs org.optbench.workloads.Workloads, which is neither");
    }

    @Test
    void severalSubmissionsNeedSubmissionClass() {
        Path jar = JarFixtures.build(work, "two.jar", Map.of(
                "ok.First", JarFixtures.submission("ok.First", "context.lossAndGradients();", ""),
                "ok.Second", JarFixtures.submission("ok.Second", "context.lossAndGradients();", "")),
                Map.of(SERVICES, "ok.First\nok.Second\n"), "1.0");
        CliTestSupport.Result check = CliTestSupport.run("check", jar.toString());
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("first (ok.First)") && check.out().contains("second (ok.Second)"),
                check.out());
        assertOneLine(CliTestSupport.run("run", "--workload", "quadratic", "--submission", jar.toString(),
                "--out", work.resolve("runs").toString()), "two.jar offers 2 submissions (ok.First, ok.Second); "
                + "choose one with --submission-class");
        assertOneLine(CliTestSupport.run("run", "--workload", "quadratic", "--submission", jar.toString(),
                "--submission-class", "ok.Third", "--out", work.resolve("runs").toString()),
                "two.jar has no submission class 'ok.Third'");
    }
}
