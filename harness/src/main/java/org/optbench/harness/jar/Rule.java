package org.optbench.harness.jar;

/**
 * What a submission may not reach, by category. A submission is a pure function of what the api hands it: it
 * must not read or write files, talk to the network, start processes or threads, read a clock other than the
 * api's, read or change JVM-wide settings, load classes or native code, reach into other code by reflection, touch
 * {@code Unsafe}, or end the JVM. Beyond those known-bad references, it may reference only its own classes and what
 * the allow-list names ({@code allowed-references.txt}); anything else is {@link #NOT_ALLOWED}.
 */
public enum Rule {
    /**
     * java.io.File*, RandomAccessFile, java.nio.file, FileChannel, zip and jar files, printing to a file name,
     * java.util.logging's FileHandler, ND4J's array I/O (Nd4j.read*, write*, save*, numpy), ND4J's persistence ops,
     * and Class.getResourceAsStream on anything but a literal of the jar's own class (another class's loader may see
     * optbench's resources).
     */
    FILES("files"),
    /** java.net, javax.net, RMI, JNDI, socket channels, java.util.logging's SocketHandler. */
    NETWORK("network"),
    /** ProcessBuilder, Process, ProcessHandle, Runtime.exec. */
    PROCESSES("processes"),
    /**
     * java.lang.reflect, java.lang.invoke (MethodHandles, Lookup, VarHandle), java.beans (Expression, Statement),
     * Class.forName, getDeclared* and friends, stack walking, modules.
     */
    REFLECTION("reflection"),
    /** ClassLoader and its subclasses, defining classes, ServiceLoader, ResourceBundle. */
    CLASS_LOADERS("class-loaders"),
    /** System.exit, Runtime.exit and halt. */
    EXIT("exit"),
    /**
     * Thread, executors, java.util.concurrent but its atomics (CompletableFuture, ForkJoinPool, TimeUnit), timers,
     * Cleaner, finalizers, JavaCPP deallocators, parallel streams, shutdown hooks.
     */
    THREADS("threads"),
    /**
     * System.nanoTime and currentTimeMillis, java.time's now() and Clock, Calendar, new Date(), new Random() (seeded
     * from the clock), java.util.logging's LogRecord, java.lang.management, ND4J's profiler; use the api's.
     */
    CLOCKS("clocks"),
    /**
     * System properties and the environment, read or written (System.getProperty, setProperty, getenv,
     * Integer.getInteger, ...), the JVM's standard streams (System.setOut), and JVM-wide defaults the harness
     * shares (Locale.setDefault, ND4J's default data types and Environment).
     */
    PROPERTIES("properties"),
    /** sun.misc.Unsafe, jdk.internal and other JDK internals. */
    UNSAFE("unsafe"),
    /** System.load and loadLibrary, Runtime.load and loadLibrary, JavaCPP's Loader and tools, ND4J's NativeOps. */
    NATIVE("native"),
    /** Any other JDK, ND4J or JavaCPP class or member that is not on the allow-list. */
    NOT_ALLOWED("not-allowed"),
    /** The jar names an api version whose major part differs from this optbench's. */
    API_VERSION("api-version"),
    /** The submission class cannot be instantiated or its no-argument hooks fail. */
    HOOKS("hooks"),
    /** The default search space does not parse. */
    SEARCH_SPACE("search-space");

    private final String label;

    Rule(String label) {
        this.label = label;
    }

    /** The short name shown in brackets after a finding, e.g. {@code exit}. */
    public String label() {
        return label;
    }
}
