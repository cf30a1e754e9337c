package org.optbench.harness.confinement;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.optbench.boot.ConfinedMain;

/**
 * The command line of a confined JVM: one in which code loaded by a submission's class loader reaches only what the
 * api hands it. Trial JVMs start with it.
 *
 * <p>The JVM's class path is empty; its module path holds only the boot module ({@code optbench-boot}), whose
 * launcher defines, at run time, a module layer of two named modules that open nothing: {@code optbench.trial}
 * (optbench, Jackson, picocli), which exports only {@code org.optbench.api}, and {@code optbench.libraries} (ND4J and
 * every other library), which exports ND4J's array api, JavaCPP's pointers and indexers and OpenBLAS's functions
 * ({@link LayerPlan}). Then it starts the main class in {@code optbench.trial}. So
 * {@code ClassLoader.getSystemClassLoader()} shows nothing of optbench, and deep reflection, {@code java.beans},
 * private method handle lookups and class loading by name end at the modules' boundaries. The flags added after
 * the caller's options:
 *
 * <ul>
 * <li>{@code --limit-modules java.base,java.logging,java.management}: the JDK the trial needs, nothing more. Left
 * out: {@code jdk.unsupported} (its {@code sun.misc} is exported and open to every module, and
 * {@code sun.misc.Unsafe} reads any private field; the boot module carries a stand-in that only the libraries
 * module, where JavaCPP needs it, can use), {@code jdk.management} (heap dumps and diagnostic commands, which
 * load agents), {@code java.instrument}, {@code jdk.attach}, {@code java.desktop} ({@code java.beans}).</li>
 * <li>{@code --add-exports java.base/jdk.internal.misc=optbench.boot}: what the {@code Unsafe} stand-in delegates
 * to, for the boot module only.</li>
 * <li>{@code -XX:+DisableAttachMechanism}: no other process (a child the submission starts included) can attach
 * and load an agent.</li>
 * <li>{@code -Djava.security.manager=disallow}: no security manager can be installed at run time.</li>
 * </ul>
 *
 * The launcher also installs a JVM-wide deserialization filter factory that rejects the layer's classes.
 */
public final class ConfinedJvm {
    /** The JDK modules a confined JVM has. */
    public static final List<String> JDK_MODULES = List.of("java.base", "java.logging", "java.management");
    /** The boot module. */
    static final String BOOT_MODULE = "optbench.boot";
    /** The boot module and its main class (a name: inside a confined JVM the class itself is out of reach). */
    static final String BOOT_MAIN = BOOT_MODULE + "/org.optbench.boot.ConfinedMain";

    private ConfinedJvm() {
    }

    /**
     * {@code java <jvmOptions> <confinement flags> -m optbench.boot/...ConfinedMain <layer> --main <mainClass>
     * <args>}: the caller may append more arguments for the main class.
     *
     * @param applicationClassPath the jars and class directories optbench would run from on a class path (this
     *     JVM's: {@link #applicationClassPath()}); the boot module's own entry is left out if present
     * @param jvmOptions heap, GC and system property options, before the confinement flags
     * @param mainClass the main class, in one of optbench's entries
     * @param args its arguments
     */
    public static List<String> command(List<Path> applicationClassPath, List<String> jvmOptions, String mainClass,
                                       List<String> args) {
        Path boot = bootModule();
        List<Path> entries = new ArrayList<>();
        for (Path entry : applicationClassPath) {
            Path absolute = entry.toAbsolutePath().normalize();
            if (!absolute.equals(boot) && !entries.contains(absolute)) {
                entries.add(absolute);
            }
        }
        LayerPlan plan = LayerPlan.of(entries);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("--limit-modules");
        command.add(String.join(",", JDK_MODULES));
        command.add("--add-exports");
        command.add("java.base/jdk.internal.misc=optbench.boot");
        command.add("-XX:+DisableAttachMechanism");
        command.add("-Djava.security.manager=disallow");
        command.add("--module-path");
        command.add(boot.toString());
        command.add("-m");
        command.add(BOOT_MAIN);
        command.add("--application");
        command.add(join(plan.application()));
        if (!plan.libraries().isEmpty()) {
            command.add("--library");
            command.add(join(plan.libraries()));
        }
        if (!plan.exports().isEmpty()) {
            command.add("--export");
            command.add(String.join(",", plan.exports()));
        }
        command.add("--uses");
        command.add(String.join(",", LayerPlan.EXTRA_USES));
        command.add("--main");
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * The class path this JVM runs optbench from, entry by entry and absolute ({@code lib/*} and manifest
     * {@code Class-Path} expanded), the boot module's entry left out. In a confined JVM, the entries its launcher
     * was given.
     */
    public static List<Path> applicationClassPath() {
        String confined = System.getProperty(ConfinedMain.APPLICATION_PATH_PROPERTY);
        if (ConfinedJvm.class.getModule().isNamed() && confined != null) {
            return ClassPathEntries.of(confined);
        }
        Path boot = bootModule();
        return ClassPathEntries.of(System.getProperty("java.class.path")).stream().filter(p -> !p.equals(boot))
                .toList();
    }

    /** Where the boot module is: its jar, or its class directory in a build. */
    static Path bootModule() {
        try {
            // In a confined JVM it is a module of the boot layer; elsewhere a class path entry.
            URI location = ModuleLayer.boot().configuration().findModule(BOOT_MODULE)
                    .flatMap(m -> m.reference().location()).orElse(null);
            if (location == null) {
                location = ConfinedMain.class.getProtectionDomain().getCodeSource().getLocation().toURI();
            }
            return Path.of(location).toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the boot module's location is not a path", e);
        }
    }

    private static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }
}
