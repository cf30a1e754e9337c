package org.optbench.boot.start;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Starts the application module's main class, from inside that module. The launcher cannot call the main class
 * itself: its package is exported to no one, the launcher's unnamed module included, and exporting it to that
 * module would export it to any class a submission manages to define there. So this class is added to the
 * application module (in a package of its own, not exported) and declared a provider of {@link Consumer}; the
 * launcher gets an instance from {@link java.util.ServiceLoader} and hands it the arguments through the JDK's
 * interface. It starts the main class once: a submission that finds this provider too gets an exception.
 */
public final class MainRunner implements Consumer<String[]> {
    /** This class's binary name. */
    public static final String NAME = "org.optbench.boot.start.MainRunner";
    /** This class's file, as the launcher reads it from its own jar and the module reader serves it. */
    public static final String CLASS_FILE = "org/optbench/boot/start/MainRunner.class";

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /** The provider constructor {@link java.util.ServiceLoader} calls. */
    public MainRunner() {
    }

    /** Runs {@code main(args)} of the main class of this class's module; only the first call does. */
    @Override
    public void accept(String[] args) {
        Module module = MainRunner.class.getModule();
        if (!module.isNamed()) {
            throw new IllegalStateException("MainRunner starts the main class of its module; this copy has none");
        }
        if (!STARTED.compareAndSet(false, true)) {
            throw new IllegalStateException("the main class of " + module.getName() + " has been started already");
        }
        String mainClass = module.getDescriptor().mainClass()
                .orElseThrow(() -> new IllegalStateException(module.getName() + " declares no main class"));
        Method main;
        try {
            main = Class.forName(mainClass, true, MainRunner.class.getClassLoader()).getMethod("main", String[].class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot find " + mainClass + ".main(String[])", e);
        }
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw MainRunner.<RuntimeException>unchecked(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(mainClass + ".main(String[]) is not public", e);
        }
    }

    /** Rethrows the main method's own exception, checked or not, so its trace reads as it would without us. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T unchecked(Throwable t) throws T {
        throw (T) t;
    }
}
