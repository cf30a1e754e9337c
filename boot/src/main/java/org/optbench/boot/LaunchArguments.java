package org.optbench.boot;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link ConfinedMain} is told: the entries (jars or class directories) of the two modules, the packages every
 * module may read, the services used beyond those the entries' {@code META-INF/services} name, and the main class
 * with its arguments.
 *
 * <pre>
 * ConfinedMain --application PATHS [--library PATHS] [--export P,P...] [--uses T,T...] --main CLASS [ARGS...]
 * </pre>
 *
 * {@code PATHS} are joined by the platform's path separator, as on a class path; {@code --export} and
 * {@code --uses} may repeat. Everything after {@code --main CLASS} goes to the main class.
 *
 * @param application the entries of {@link ConfinedLayer#APPLICATION}, in class path order
 * @param libraries the entries of {@link ConfinedLayer#LIBRARIES}, in class path order
 * @param exports packages exported to every module, whichever of the two holds them
 * @param uses service types the modules may load, besides those their entries provide
 * @param mainClass the class whose {@code main} runs in the layer; it must be in the application
 * @param mainArguments the arguments it gets
 */
record LaunchArguments(List<Path> application, List<Path> libraries, Set<String> exports, Set<String> uses,
                       String mainClass, List<String> mainArguments) {

    LaunchArguments {
        application = List.copyOf(application);
        libraries = List.copyOf(libraries);
        exports = Set.copyOf(exports);
        uses = Set.copyOf(uses);
        mainArguments = List.copyOf(mainArguments);
    }

    /** Parses the launcher's arguments; a mistake is an {@link IllegalArgumentException} naming it. */
    static LaunchArguments parse(String... args) {
        List<Path> application = new ArrayList<>();
        List<Path> libraries = new ArrayList<>();
        Set<String> exports = new LinkedHashSet<>();
        Set<String> uses = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--application" -> application.addAll(paths(value));
                case "--library" -> libraries.addAll(paths(value));
                case "--export" -> exports.addAll(names(value));
                case "--uses" -> uses.addAll(names(value));
                case "--main" -> {
                    if (application.isEmpty()) {
                        throw new IllegalArgumentException("--application names no entry");
                    }
                    return new LaunchArguments(application, libraries, exports, uses, value,
                            Arrays.asList(args).subList(i + 1, args.length));
                }
                default -> throw new IllegalArgumentException("unknown option " + option + "; expected --application,"
                        + " --library, --export, --uses or --main");
            }
        }
        throw new IllegalArgumentException("no --main CLASS");
    }

    private static List<Path> paths(String joined) {
        List<Path> paths = new ArrayList<>();
        for (String entry : joined.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                paths.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        return paths;
    }

    private static List<String> names(String joined) {
        List<String> names = new ArrayList<>();
        for (String name : joined.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }
}
