package org.optbench.harness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link Sandbox#detect} decides, on a PATH of the test's making; nothing is uninstalled. */
class SandboxDetectionTest {
    @TempDir
    Path dir;

    @Test
    void aPathWithoutBwrapHasNoSandboxAndSaysHowToGetOne() {
        // Given a PATH with no bwrap on it
        String path = dir.toString();

        // When the sandbox is detected on it
        Sandbox sandbox = Sandbox.detect(path);

        // Then there is none, with one line that says what to do, and nothing can be wrapped
        assertFalse(sandbox.available());
        assertEquals("none", sandbox.name());
        assertEquals("bubblewrap is not installed (no bwrap on the PATH): apt install bubblewrap, "
                + "or run with --no-sandbox", sandbox.unavailableReason());
        SandboxPolicy policy = new SandboxPolicy(List.of(), List.of(dir), List.of(), dir, ResourceLimits.defaults(),
                SandboxPolicy.defaultEnvironment());
        assertThrows(IllegalStateException.class, () -> sandbox.wrap(List.of("true"), policy));
    }

    @Test
    void aBwrapThatCannotCreateNamespacesIsReportedWithItsOwnWords() throws IOException {
        // Given a bwrap that fails as one does where user namespaces are not allowed, and a prlimit
        executable("bwrap", "echo 'bwrap: No permissions to creating new namespace, likely because the kernel "
                + "does not allow non-privileged user namespaces.' >&2; exit 1");
        executable("prlimit", "exit 0");

        // When the sandbox is detected with them
        Sandbox sandbox = Sandbox.detect(dir.toString());

        // Then there is none, and its one line quotes bwrap and says what to do
        assertFalse(sandbox.available());
        String reason = sandbox.unavailableReason();
        assertTrue(reason.contains("(bwrap: No permissions to creating new namespace, likely because"), reason);
        assertTrue(reason.endsWith("or run with --no-sandbox"), reason);
        assertEquals(1, reason.lines().count(), reason);
    }

    @Test
    void thisMachinesBwrapWorks() {
        // Given this machine's PATH, when the sandbox is detected, then it is bwrap, unless bwrap is missing here
        Sandbox sandbox = Sandbox.detect();
        if (!"1".equals(System.getenv("OPTBENCH_REQUIRE_SANDBOX"))) {
            Assumptions.assumeTrue(sandbox.available(), () -> "skipped: " + sandbox.unavailableReason());
        }
        assertNull(sandbox.unavailableReason());
        assertEquals("bwrap", sandbox.name());
    }

    private void executable(String name, String script) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
