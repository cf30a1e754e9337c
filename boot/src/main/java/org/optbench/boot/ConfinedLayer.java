package org.optbench.boot;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.optbench.boot.start.MainRunner;

/**
 * The module layer a confined JVM runs its application in: two named modules, neither open, defined to one class
 * loader whose parent is the system class loader (which, in a confined JVM, holds only the boot module).
 *
 * <ul>
 * <li>{@value #APPLICATION}: optbench (and the libraries that must reflect on its classes: Jackson, picocli). It
 * exports only the packages it is told to (the api), to every module, and opens none. Deep reflection, method
 * handles with private access and {@code setAccessible} on its members work from inside it only.</li>
 * <li>{@value #LIBRARIES}: ND4J, JavaCPP, OpenBLAS and every other library. It exports the packages it is told to
 * (ND4J's array api) to every module, and all its other packages to {@value #APPLICATION} only. It cannot read
 * {@value #APPLICATION}, so a reflective helper in a library (ND4J carries Spring's {@code ReflectionUtils}) cannot
 * be turned against optbench's objects.</li>
 * </ul>
 *
 * A submission jar's class loader is another loader, so its classes are in an unnamed module of their own: they read
 * every module but reach only the exported packages' public members, whatever reflection they try.
 *
 * <p>Each module reads every module of the boot layer (the JDK the JVM was started with: {@code --limit-modules}
 * decides which); where the JVM has no {@code jdk.unsupported}, {@value #LIBRARIES} also reads the boot module and
 * is the only module its {@code sun.misc.Unsafe} stand-in is exported and opened to. Each {@code uses} every service type it can see that a service file names or it was told of, and
 * {@code provides} what its entries' {@code META-INF/services} files list, so {@link java.util.ServiceLoader} finds
 * ND4J's backend and optbench's built-in submissions as it did on the class path.
 */
final class ConfinedLayer {
    /** The module of optbench and its main class. */
    static final String APPLICATION = "optbench.trial";
    /** The module of the libraries. */
    static final String LIBRARIES = "optbench.libraries";
    /** The package of the launcher's stand-in for jdk.unsupported's {@code Unsafe}. */
    static final String UNSAFE_PACKAGE = "sun.misc";

    private ConfinedLayer() {
    }

    /** Defines the layer the arguments describe; it holds {@link #APPLICATION} and {@link #LIBRARIES}. */
    static ModuleLayer define(LaunchArguments arguments) {
        ModuleLayer boot = ModuleLayer.boot();
        Module launcher = ConfinedLayer.class.getModule();
        Set<String> jdkModules = new TreeSet<>();
        Set<String> jdkExports = new LinkedHashSet<>();
        Set<String> jdkPackages = new LinkedHashSet<>();
        for (Module module : boot.modules()) {
            if (module == launcher) {
                continue;
            }
            ModuleDescriptor d = module.getDescriptor();
            jdkPackages.addAll(d.packages());
            boolean exportsAny = false;
            for (ModuleDescriptor.Exports e : d.exports()) {
                if (!e.isQualified()) {
                    jdkExports.add(e.source());
                    exportsAny = true;
                }
            }
            if (exportsAny && !d.name().equals("java.base")) {
                jdkModules.add(d.name());
            }
        }
        // The launcher's sun.misc.Unsafe stands in for jdk.unsupported's, for the libraries only.
        boolean unsafeStandIn = launcher.isNamed() && launcher.getPackages().contains(UNSAFE_PACKAGE)
                && !jdkPackages.contains(UNSAFE_PACKAGE);

        ModuleContent libraries = ModuleContent.of(arguments.libraries(), Map.of());
        ModuleContent application = ModuleContent.of(arguments.application(),
                Map.of(MainRunner.CLASS_FILE, mainRunnerClassFile()));

        Set<String> libraryPackages = new TreeSet<>(libraries.classPackages());
        libraryPackages.removeAll(jdkPackages); // the JDK's own packages load from the JDK, as on a class path
        Set<String> applicationPackages = new TreeSet<>(application.classPackages());
        applicationPackages.removeAll(jdkPackages);
        Set<String> split = new TreeSet<>(applicationPackages);
        split.retainAll(libraryPackages);
        if (!split.isEmpty()) {
            throw new IllegalStateException("packages in both the application and its libraries: " + split);
        }
        // The application's data (MNIST's files, a search space) is encapsulated like its classes: a directory
        // with a package's name is a package of the module, so only the module's own code can read it.
        for (String pkg : application.resourcePackages()) {
            if (!libraryPackages.contains(pkg) && !jdkPackages.contains(pkg)) {
                applicationPackages.add(pkg);
            }
        }
        Set<String> unknown = new TreeSet<>(arguments.exports());
        unknown.removeAll(applicationPackages);
        unknown.removeAll(libraryPackages);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("--export names packages that neither module holds: " + unknown);
        }

        Map<String, Set<String>> services = new LinkedHashMap<>();
        merge(services, libraries.services());
        merge(services, application.services());
        Set<String> serviceTypes = new LinkedHashSet<>(services.keySet());
        serviceTypes.addAll(arguments.uses());

        Set<String> libraryReadable = union(libraryPackages, jdkExports);
        ModuleDescriptor.Builder lib = ModuleDescriptor.newModule(LIBRARIES).packages(libraryPackages);
        jdkModules.forEach(lib::requires);
        if (unsafeStandIn) {
            lib.requires(launcher.getName());
            libraryReadable.add(UNSAFE_PACKAGE);
        }
        for (String pkg : libraryPackages) {
            if (arguments.exports().contains(pkg)) {
                lib.exports(pkg);
            } else {
                lib.exports(Set.of(), pkg, Set.of(APPLICATION));
            }
        }
        declareServices(lib, libraries, libraryPackages, libraryReadable, serviceTypes);

        Set<String> applicationReadable = union(union(applicationPackages, libraryPackages), jdkExports);
        ModuleDescriptor.Builder app = ModuleDescriptor.newModule(APPLICATION).packages(applicationPackages);
        jdkModules.forEach(app::requires);
        app.requires(LIBRARIES);
        for (String pkg : applicationPackages) {
            if (arguments.exports().contains(pkg)) {
                app.exports(pkg);
            }
        }
        declareServices(app, application, applicationPackages, applicationReadable, serviceTypes);
        // How the launcher starts the main class without being given access to its package: see MainRunner.
        app.provides(Consumer.class.getName(), List.of(MainRunner.NAME));
        if (!application.hasClass(arguments.mainClass())) {
            throw new IllegalStateException("main class " + arguments.mainClass() + " is not in the application");
        }
        app.mainClass(arguments.mainClass());

        ModuleFinder finder = new Finder(Map.of(
                LIBRARIES, new Reference(lib.build(), libraries),
                APPLICATION, new Reference(app.build(), application)));
        Configuration configuration = boot.configuration().resolve(finder, ModuleFinder.of(),
                Set.of(APPLICATION, LIBRARIES));
        // Not ModuleLayer.defineModulesWithOneLoader(..., parents, ...): that returns a Controller, which could add
        // opens and exports to the layer's modules; none is made, so none can leak. The parent is the system class
        // loader, which holds nothing but this launcher's module: the layer's loader finds sun.misc.Unsafe there (a
        // layer's loader delegates a package that no module of its own exports to it to its parent).
        ModuleLayer layer = boot.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
        if (unsafeStandIn) {
            Module libraryModule = layer.findModule(LIBRARIES).orElseThrow();
            launcher.addExports(UNSAFE_PACKAGE, libraryModule);
            launcher.addOpens(UNSAFE_PACKAGE, libraryModule); // JavaCPP takes theUnsafe by reflection
        }
        return layer;
    }

    private static void declareServices(ModuleDescriptor.Builder builder, ModuleContent content,
                                        Set<String> ownPackages, Set<String> readable, Set<String> serviceTypes) {
        for (String type : serviceTypes) {
            if (ModuleContent.isQualifiedName(type) && readable.contains(ModuleContent.packageOf(type))) {
                builder.uses(type);
            }
        }
        for (Map.Entry<String, Set<String>> e : content.services().entrySet()) {
            String type = e.getKey();
            if (!ModuleContent.isQualifiedName(type) || !readable.contains(ModuleContent.packageOf(type))) {
                continue; // a service of a library that is not there (a service file may name any type)
            }
            List<String> providers = e.getValue().stream()
                    .filter(p -> ModuleContent.isQualifiedName(p) && ownPackages.contains(ModuleContent.packageOf(p))
                            && content.hasClass(p))
                    .toList();
            if (!providers.isEmpty()) {
                builder.provides(type, providers);
            }
        }
    }

    private static void merge(Map<String, Set<String>> into, Map<String, Set<String>> from) {
        from.forEach((type, providers) -> into.computeIfAbsent(type, k -> new LinkedHashSet<>()).addAll(providers));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static URL mainRunnerClassFile() {
        URL url = ConfinedLayer.class.getResource("/" + MainRunner.CLASS_FILE);
        if (url == null) {
            throw new IllegalStateException(MainRunner.CLASS_FILE + " is missing beside the launcher");
        }
        return url;
    }

    /** A module made of merged class path entries. */
    private static final class Reference extends ModuleReference {
        private final ModuleContent content;

        Reference(ModuleDescriptor descriptor, ModuleContent content) {
            super(descriptor, content.location());
            this.content = content;
        }

        @Override
        public ModuleReader open() {
            return content;
        }
    }

    private record Finder(Map<String, ModuleReference> byName) implements ModuleFinder {
        @Override
        public Optional<ModuleReference> find(String name) {
            return Optional.ofNullable(byName.get(name));
        }

        @Override
        public Set<ModuleReference> findAll() {
            return byName.values().stream().collect(Collectors.toUnmodifiableSet());
        }
    }
}
