package org.optbench.harness.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.api.Submission;
import org.optbench.harness.catalog.SubmissionSource;

/** What a submission jar's class loader shows it, and how the submission class is chosen. */
class SubmissionJarTest {
    @TempDir
    Path work;

    @Test
    void theJarSeesTheApiAndNd4jAsOptbenchDoesAndNothingElseOfOptbench() throws Exception {
        Path jar = JarFixtures.submissionJar(work, "plain.jar", "ok.Plain", "context.lossAndGradients();", "");
        try (SubmissionJar opened = SubmissionJar.open(jar)) {
            ClassLoader loader = opened.classLoader();
            // The same Class objects as the harness's, so the harness can call the submission through the api.
            assertSame(Submission.class, loader.loadClass("org.optbench.api.Submission"));
            assertSame(org.nd4j.linalg.factory.Nd4j.class, loader.loadClass("org.nd4j.linalg.factory.Nd4j"));
            assertSame(String.class, loader.loadClass("java.lang.String"));
            assertSame(java.sql.Date.class, loader.loadClass("java.sql.Date"));
            for (String hidden : new String[] {"org.optbench.harness.cli.Main", "org.optbench.workloads.Workloads",
                    "org.optbench.submissions.baselines.AdamW", "com.fasterxml.jackson.databind.ObjectMapper",
                    "picocli.CommandLine"}) {
                assertThrows(ClassNotFoundException.class, () -> loader.loadClass(hidden), hidden);
            }
            // The built-ins' service file is not visible either: the jar offers only its own class.
            assertEquals(java.util.List.of("ok.Plain"), java.util.List.copyOf(opened.submissionClasses().keySet()));
            Class<? extends Submission> type = opened.chooseClass(null);
            assertSame(loader, type.getClassLoader());
        }
    }

    @Test
    void eachLoadIsAFreshLoaderAndTheChosenClass() {
        Path jar = JarFixtures.build(work, "two.jar", Map.of(
                "ok.First", JarFixtures.submission("ok.First", "", ""),
                "ok.Second", JarFixtures.submission("ok.Second", "", "")),
                Map.of(SubmissionJar.SERVICE_FILE, "# two optimizers\nok.First\n\nok.Second # the better one\n"), "1.0");
        Submission second = SubmissionSource.load(jar.toString(), "ok.Second");
        assertEquals("second", second.name());
        Submission again = SubmissionSource.load(jar.toString(), "ok.Second");
        assertNotSame(second.getClass(), again.getClass(), "each load gets its own class loader");
        assertEquals("first", SubmissionSource.load(jar.toString(), "ok.First").name());
        assertEquals("adamw", SubmissionSource.load("adamw").name());
    }
}
