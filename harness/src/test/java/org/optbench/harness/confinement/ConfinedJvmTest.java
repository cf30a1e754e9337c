package org.optbench.harness.confinement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.harness.cli.Main;

/** The confined JVM's command line and the plan of its layer, read from this JVM's own class path. */
class ConfinedJvmTest {
    @TempDir
    Path work;

    private static Path entryOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
    }

    @Test
    void theClassPathIsEmptyTheBootModuleIsAloneOnTheModulePathAndTheJdkIsLimited() throws Exception {
        List<String> command = ConfinedJvm.command(ConfinedJvm.applicationClassPath(), List.of("-Xmx1g"),
                Main.class.getName(), List.of("trial", "--request", "r.json"));
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), command.get(0));
        assertEquals("-Xmx1g", command.get(1));
        for (String classPath : List.of("-cp", "-classpath", "--class-path", "-jar")) {
            assertFalse(command.contains(classPath), classPath + " in " + command);
        }
        assertAfter(command, "--limit-modules", "java.base,java.logging,java.management");
        assertAfter(command, "--add-exports", "java.base/jdk.internal.misc=optbench.boot");
        assertTrue(command.contains("-XX:+DisableAttachMechanism"), command.toString());
        assertTrue(command.contains("-Djava.security.manager=disallow"), command.toString());
        Path boot = entryOf(org.optbench.boot.ConfinedMain.class);
        assertAfter(command, "--module-path", boot.toString());
        assertAfter(command, "-m", "optbench.boot/org.optbench.boot.ConfinedMain");
        assertEquals(List.of("--main", Main.class.getName(), "trial", "--request", "r.json"),
                command.subList(command.size() - 5, command.size()));
    }

    private static void assertAfter(List<String> command, String option, String value) {
        int at = command.indexOf(option);
        assertTrue(at >= 0 && at + 1 < command.size() && command.get(at + 1).equals(value),
                option + " " + value + " in " + command);
    }

    @Test
    void optbenchJacksonAndPicocliAreTheApplicationEverythingElseTheLibrariesTheBootModuleNeither()
            throws Exception {
        LayerPlan plan = LayerPlan.of(ConfinedJvm.applicationClassPath());
        for (Class<?> type : List.of(Main.class, org.optbench.api.Params.class,
                org.optbench.workloads.Workloads.class, com.fasterxml.jackson.databind.ObjectMapper.class,
                picocli.CommandLine.class)) {
            assertTrue(plan.application().contains(entryOf(type)), type + " from " + entryOf(type));
        }
        for (Class<?> type : List.of(Nd4j.class, org.bytedeco.javacpp.Pointer.class,
                org.bytedeco.openblas.global.openblas.class, org.slf4j.Logger.class)) {
            assertTrue(plan.libraries().contains(entryOf(type)), type + " from " + entryOf(type));
        }
        Path boot = entryOf(org.optbench.boot.ConfinedMain.class);
        assertFalse(plan.application().contains(boot) || plan.libraries().contains(boot), boot.toString());
    }

    @Test
    void aSubmissionSeesTheApiAndNd4jsArrayApiOnly() {
        LayerPlan plan = LayerPlan.of(ConfinedJvm.applicationClassPath());
        for (String exported : List.of("org.optbench.api", "org.nd4j.linalg.api.ndarray", "org.nd4j.linalg.factory",
                "org.nd4j.linalg.api.buffer", "org.nd4j.linalg.ops.transforms", "org.nd4j.linalg.indexing",
                "org.nd4j.common.base", "org.bytedeco.javacpp", "org.bytedeco.javacpp.indexer",
                "org.bytedeco.openblas.global")) {
            assertTrue(plan.exports().contains(exported), exported);
        }
        for (String concealed : List.of("org.optbench.harness.trial", "org.optbench.workloads",
                "org.optbench.workloads.mnist", "org.optbench.submissions.adamw", "org.nd4j.linalg.cpu.nativecpu",
                "org.nd4j.nativeblas", "org.nd4j.common.io", "org.nd4j.common.config", "org.nd4j.linalg.profiler", "org.nd4j.shade.jackson.core",
                "org.bytedeco.javacpp.tools", "com.fasterxml.jackson.databind", "picocli", "org.slf4j")) {
            assertFalse(plan.exports().contains(concealed), concealed);
        }
        // nd4j-api also carries the TensorFlow and ONNX protobuf classes its importers use: exported with it.
        assertTrue(plan.exports().stream().noneMatch(p -> p.startsWith("org.optbench.") && !p.equals("org.optbench.api")
                || p.startsWith("org.nd4j.shade.") || p.startsWith("org.nd4j.linalg.cpu.")
                || p.startsWith("org.bytedeco.openblas.presets")), plan.exports().toString());
    }

    @Test
    void wildcardsAndAJarsManifestClassPathExpandAsTheJvmReadsThem() throws IOException {
        Path lib = Files.createDirectories(work.resolve("lib"));
        Path b = jar(lib.resolve("b.jar"), null);
        Path c = jar(lib.resolve("c.jar"), "b.jar");
        Path a = jar(work.resolve("a.jar"), "lib/b.jar lib/c.jar");
        assertEquals(List.of(a, b, c), ClassPathEntries.of(a.toString()));
        assertEquals(List.of(b, c), ClassPathEntries.of(lib + java.io.File.separator + "*"));
        assertEquals(List.of(c, b, a), ClassPathEntries.of(String.join(java.io.File.pathSeparator, c.toString(),
                a.toString())));
    }

    private static Path jar(Path path, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(path), manifest)) {
            out.flush();
        }
        return path.toAbsolutePath().normalize();
    }
}
