package org.optbench.harness.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * OS confinement of an untrusted process with bubblewrap ({@code bwrap}): its own network namespace with only
 * loopback, so it reaches nothing, not even the host's {@code 127.0.0.1}; a new root holding only the system
 * directories, read-only, and what its {@link SandboxPolicy} names; its own PID, IPC, UTS and cgroup namespaces, a
 * new session, no capabilities; and kernel resource limits, set by util-linux's {@code prlimit} inside the sandbox
 * just before the command runs.
 *
 * <p>Killing the {@code bwrap} process ({@link Process#destroyForcibly()}) kills everything inside:
 * {@code --die-with-parent} makes the sandbox's init die with {@code bwrap}, and the kernel kills every process of a
 * PID namespace whose init died, grandchildren and daemons that left their session included. The same flag kills
 * {@code bwrap} when its parent dies, so a trial does not outlive its launcher; but the kernel sends that signal when
 * the <em>thread</em> that started {@code bwrap} ends (seen here: exit 137 a moment after the starting thread
 * returned), so start it from a thread that lives as long as the sandbox, such as the one that waits for it.
 *
 * <p>Standard input, output and error pass through, so the progress protocol and {@code --exit-with-parent} (which
 * watches standard input) work as without a sandbox.
 */
public final class Sandbox {
    private static final String OR_NO_SANDBOX = ", or run with --no-sandbox";
    private static final long SELF_TEST_SECONDS = 30;

    /** Top-level system directories, shown read-only; on merged-/usr systems they are links into /usr. */
    private static final Path TMP = Path.of("/tmp");
    private static final List<String> SYSTEM_DIRECTORIES = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64",
            "/libx32");

    /**
     * What of {@code /etc} a JVM needs: the dynamic linker's configuration; users and groups, without which
     * {@code user.home} is {@code ?} (see {@link JavaCppCache}); {@code localhost}; the time zone; the links behind
     * {@code /usr/bin/java}. Not all of {@code /etc}: a trial that runs as root owns {@code /etc/shadow} and the host
     * keys, and dropped capabilities do not stop an owner from reading them.
     */
    private static final List<String> ETC_FILES = List.of("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d",
            "/etc/nsswitch.conf", "/etc/passwd", "/etc/group", "/etc/hosts", "/etc/host.conf", "/etc/localtime",
            "/etc/timezone", "/etc/alternatives");

    /** How this machine's bubblewrap confines, strongest first; {@link #detect} takes the first that works. */
    private enum Mode {
        USER_NAMESPACE(true, true),
        USER_NAMESPACE_OLD_BWRAP(true, false),
        NO_USER_NAMESPACE(false, false);

        /**
         * {@code --unshare-user}: what lets a bwrap that is not setuid confine without root, and makes even root
         * inside powerless outside. Without it (a setuid bwrap on a kernel without unprivileged user namespaces, or
         * root where creating one is blocked) the process runs as its own user, with no capabilities.
         */
        final boolean userNamespace;
        /**
         * {@code --disable-userns} (no nested namespaces inside; bwrap 0.8) and sized tmpfs mounts ({@code --size},
         * bwrap 0.7, refused by a setuid bwrap).
         */
        final boolean recentBwrap;

        Mode(boolean userNamespace, boolean recentBwrap) {
            this.userNamespace = userNamespace;
            this.recentBwrap = recentBwrap;
        }
    }

    /** Detected once per JVM, on first use. */
    private static final class Detected {
        static final Sandbox SANDBOX = detect(System.getenv("PATH"));
    }

    private final Path bwrap;
    private final Path prlimit;
    private final Mode mode;
    private final String unavailableReason;

    private Sandbox(Path bwrap, Path prlimit, Mode mode, String unavailableReason) {
        this.bwrap = bwrap;
        this.prlimit = prlimit;
        this.mode = mode;
        this.unavailableReason = unavailableReason;
    }

    /** This machine's sandbox: bubblewrap found on the PATH and seen to work once, or none, saying why. */
    public static Sandbox detect() {
        return Detected.SANDBOX;
    }

    /** Finds {@code bwrap} and {@code prlimit} on {@code pathVariable} (a PATH) and runs a confined {@code true}. */
    static Sandbox detect(String pathVariable) {
        Path bwrap = onPath("bwrap", pathVariable);
        if (bwrap == null) {
            return unavailable("bubblewrap is not installed (no bwrap on the PATH): apt install bubblewrap"
                    + OR_NO_SANDBOX);
        }
        Path prlimit = onPath("prlimit", pathVariable);
        if (prlimit == null) {
            return unavailable("prlimit is not installed (no prlimit on the PATH): apt install util-linux"
                    + OR_NO_SANDBOX);
        }
        String firstFailure = null;
        for (Mode mode : Mode.values()) {
            Sandbox candidate = new Sandbox(bwrap, prlimit, mode, null);
            String failure = candidate.selfTest();
            if (failure == null) {
                return candidate;
            }
            firstFailure = firstFailure == null ? failure : firstFailure;
        }
        return unavailable("bubblewrap (" + bwrap + ") cannot create a sandbox here (" + firstFailure
                + "): allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1; on Ubuntu also "
                + "kernel.apparmor_restrict_unprivileged_userns=0) or make bwrap setuid" + OR_NO_SANDBOX);
    }

    private static Sandbox unavailable(String reason) {
        return new Sandbox(null, null, null, reason);
    }

    /** Whether processes can be confined here. */
    public boolean available() {
        return unavailableReason == null;
    }

    /** Why not, as one line a user can act on; {@code null} when available. */
    public String unavailableReason() {
        return unavailableReason;
    }

    /** {@code bwrap}, or {@code none} when unavailable: what a record can say confined its trial. */
    public String name() {
        return available() ? "bwrap" : "none";
    }

    /**
     * The command line that runs {@code command} confined by {@code policy}:
     * {@code bwrap <namespaces> <mounts> -- prlimit <limits> -- command}.
     *
     * @throws IllegalStateException when the sandbox is not {@link #available()}: the caller decides what to do
     *     without one (refuse, with {@link #unavailableReason()}, or run unconfined when the user said so)
     */
    public List<String> wrap(List<String> command, SandboxPolicy policy) {
        if (!available()) {
            throw new IllegalStateException("no sandbox: " + unavailableReason);
        }
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command to confine");
        }
        List<String> line = new ArrayList<>();
        line.add(bwrap.toString());
        // Namespaces of its own: network (loopback only), PID (its init's death kills them all), IPC, host name,
        // cgroup where the kernel has it. A new session, so it cannot type into our terminal (TIOCSTI); no
        // capabilities, even as root; and none of our environment.
        if (mode.userNamespace) {
            line.add("--unshare-user");
            if (mode.recentBwrap) {
                line.add("--disable-userns");
            }
        }
        line.addAll(List.of("--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-net", "--unshare-cgroup-try",
                "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--clearenv"));
        for (Map.Entry<String, String> variable : new TreeMap<>(policy.environment()).entrySet()) {
            line.addAll(List.of("--setenv", variable.getKey(), variable.getValue()));
        }
        addSystem(line);
        addTmpfs(line, "/tmp", policy.limits());
        addPolicyMounts(line, policy);
        line.addAll(List.of("--chdir", policy.workingDirectory().toString()));
        // Last, once every mount point exists: the new root's own tmpfs turns read-only, so outside the policy's
        // writable paths and the private tmpfs mounts nothing can be created.
        line.addAll(List.of("--remount-ro", "/", "--"));
        line.add(prlimit.toString());
        line.addAll(policy.limits().prlimitOptions());
        line.add("--");
        line.addAll(command);
        return List.copyOf(line);
    }

    private static void addSystem(List<String> line) {
        line.addAll(List.of("--ro-bind", "/usr", "/usr"));
        for (String dir : SYSTEM_DIRECTORIES) {
            Path path = Path.of(dir);
            if (Files.isSymbolicLink(path)) {
                try {
                    line.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), dir));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the link " + dir, e);
                }
            } else if (Files.isDirectory(path)) {
                line.addAll(List.of("--ro-bind", dir, dir));
            }
        }
        for (String file : ETC_FILES) {
            line.addAll(List.of("--ro-bind-try", file, file));
        }
        // bwrap's /dev is a writable tmpfs of unbounded size (and /dev/shm a directory in it): read-only, it still
        // holds the device nodes a JVM uses (null, zero, urandom, tty), and POSIX shared memory, which neither the JVM
        // nor ND4J needs, is gone.
        line.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--remount-ro", "/dev"));
    }

    private void addTmpfs(List<String> line, String path, ResourceLimits limits) {
        if (mode.recentBwrap) {
            line.addAll(List.of("--size", Long.toString(limits.maxTmpBytes())));
        }
        line.addAll(List.of("--tmpfs", path));
    }

    /**
     * The policy's mounts, outer paths before the paths inside them, so that the inner one wins: a writable staging
     * directory inside a read-only tree stays writable, a read-only file inside a scratch directory is visible.
     */
    private void addPolicyMounts(List<String> line, SandboxPolicy policy) {
        record Mount(String kind, Path path) {
        }
        List<Mount> mounts = new ArrayList<>();
        policy.readOnlyPaths().stream()
                .filter(path -> !path.startsWith("/usr")) // shown read-only already
                .forEach(path -> mounts.add(new Mount("--ro-bind", path)));
        policy.scratchPaths().forEach(path -> mounts.add(new Mount("--tmpfs", path)));
        policy.writablePaths().forEach(path -> mounts.add(new Mount("--bind", path)));
        // A policy path under /tmp (a checkout in /tmp) needs its parent directories made in the private /tmp, which
        // is writable: a write beside the staging directory would land there and succeed, in memory. So each such
        // path's top directory under /tmp gets a tmpfs of its own, turned read-only once the mounts inside exist.
        List<Path> sealed = mounts.stream().map(Mount::path)
                .filter(path -> path.startsWith(TMP) && path.getNameCount() > 2)
                .map(path -> TMP.resolve(path.getName(1)))
                .filter(top -> mounts.stream().noneMatch(mount -> mount.path().equals(top)))
                .distinct().toList();
        sealed.forEach(top -> mounts.add(new Mount("--tmpfs", top)));
        mounts.sort(Comparator.comparingInt(mount -> mount.path().getNameCount())); // stable: writable wins a tie
        for (Mount mount : mounts) {
            if (mount.kind().equals("--tmpfs")) {
                addTmpfs(line, mount.path().toString(), policy.limits());
            } else {
                line.addAll(List.of(mount.kind(), mount.path().toString(), mount.path().toString()));
            }
        }
        sealed.forEach(top -> line.addAll(List.of("--remount-ro", top.toString())));
    }

    /** Runs {@code true} confined as a trial is; returns null when it worked, else bwrap's first line. */
    private String selfTest() {
        Path staging = null;
        Path output = null;
        try {
            staging = Files.createTempDirectory("optbench-sandbox-check");
            output = Files.createTempFile("optbench-sandbox-check", ".log");
            SandboxPolicy policy = new SandboxPolicy(List.of(), List.of(staging), List.of(), staging,
                    ResourceLimits.defaults(), SandboxPolicy.defaultEnvironment());
            Process process = new ProcessBuilder(wrap(List.of("true"), policy)).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(SELF_TEST_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return "a confined 'true' did not finish in " + SELF_TEST_SECONDS + " s";
            }
            if (process.exitValue() == 0) {
                return null;
            }
            String said = new String(Files.readAllBytes(output), StandardCharsets.UTF_8).strip();
            return said.isEmpty() ? "a confined 'true' exited with code " + process.exitValue()
                    : said.lines().findFirst().orElse("").strip();
        } catch (IOException e) {
            return "cannot run " + bwrap + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while checking bubblewrap";
        } finally {
            quietlyDelete(output);
            quietlyDelete(staging);
        }
    }

    private static Path onPath(String program, String pathVariable) {
        if (pathVariable == null) {
            return null;
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate.toAbsolutePath();
                }
            }
        }
        return null;
    }

    private static void quietlyDelete(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // a leftover temporary file or empty directory is harmless
            }
        }
    }

    @Override
    public String toString() {
        return available() ? "bwrap (" + bwrap + ", " + mode.name().toLowerCase(java.util.Locale.ROOT) + ")"
                : "none (" + unavailableReason + ")";
    }
}
