package org.optbench.harness.launch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.optbench.harness.sandbox.JavaCppCache;

class TrialJvmTest {
    @Test
    void aTrialUsesTheJavaCppCacheOfTheJvmThatStartsIt() {
        // The sandbox shows the trial this JVM's cache (JavaCppCache.directory(), org.bytedeco.javacpp.cachedir when
        // set); the trial must look there, not in its own default.
        List<String> command = TrialJvm.command(Limits.defaults());
        assertTrue(command.contains("-Dorg.bytedeco.javacpp.cachedir=" + JavaCppCache.directory()),
                command.toString());
        assertTrue(command.indexOf("-Dorg.bytedeco.javacpp.cachedir=" + JavaCppCache.directory())
                < command.indexOf("-m"), "the cache is a JVM option, before the main module: " + command);
    }
}
