package org.optbench.boot;

import java.io.File;
import java.io.ObjectInputFilter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;

import org.optbench.boot.start.MainRunner;

/**
 * The main class of a confined JVM, and the only class on its class path: it defines the {@link ConfinedLayer}
 * from its {@link LaunchArguments}, makes the layer's loader the thread's context class loader, and starts the
 * main class inside the layer. It keeps nothing: whatever can reach this class (the class path's unnamed module is
 * open to all) finds no layer controller, loader or configuration in it.
 */
public final class ConfinedMain {
    /** Set to the application's entries, application then libraries, for a confined JVM that starts another. */
    public static final String APPLICATION_PATH_PROPERTY = "optbench.boot.application.path";

    private ConfinedMain() {
    }

    /** {@code ConfinedMain --application PATHS [--library PATHS] [--export P,...] [--uses T,...] --main C ARGS}. */
    public static void main(String[] args) {
        LaunchArguments arguments;
        try {
            arguments = LaunchArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("optbench boot: " + e.getMessage());
            System.exit(2);
            return;
        }
        // First, before any stream exists: afterwards the JDK refuses to replace the factory.
        ObjectInputFilter.Config.setSerialFilterFactory(new LayerSerialFilter());

        ModuleLayer layer = ConfinedLayer.define(arguments);
        List<String> entries = new ArrayList<>();
        for (Path p : arguments.application()) {
            entries.add(p.toString());
        }
        for (Path p : arguments.libraries()) {
            entries.add(p.toString());
        }
        System.setProperty(APPLICATION_PATH_PROPERTY, String.join(File.pathSeparator, entries));
        Thread.currentThread().setContextClassLoader(layer.findLoader(ConfinedLayer.APPLICATION));

        @SuppressWarnings("unchecked")
        Consumer<String[]> runner = ServiceLoader.load(layer, Consumer.class).stream()
                .filter(p -> p.type().getName().equals(MainRunner.NAME) && p.type().getModule().getLayer() == layer)
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + MainRunner.NAME + " in the layer"))
                .get();
        runner.accept(arguments.mainArguments().toArray(String[]::new));
    }
}
