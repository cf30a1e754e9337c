package org.optbench.harness.jar;

/**
 * What a submission may not reach, by category. A submission is a pure function of what the api hands it: it
 * must not read or write files, talk to the network, start processes or threads, read a clock other than the
 * api's, load classes or native code, reach into other code by reflection, touch {@code Unsafe}, or end the JVM.
 */
public enum Rule {
    /** java.io.File*, RandomAccessFile, java.nio.file, FileChannel, zip and jar files, printing to a file name. */
    FILES("files"),
    /** java.net, javax.net, socket channels. */
    NETWORK("network"),
    /** ProcessBuilder, Process, ProcessHandle, Runtime.exec. */
    PROCESSES("processes"),
    /** java.lang.reflect, Class.forName, getDeclared* and friends, MethodHandles.Lookup find and unreflect. */
    REFLECTION("reflection"),
    /** ClassLoader and its subclasses, defining classes. */
    CLASS_LOADERS("class-loaders"),
    /** System.exit, Runtime.exit and halt. */
    EXIT("exit"),
    /** Thread, executors, fork-join, timers, CompletableFuture's *Async, parallel streams, shutdown hooks. */
    THREADS("threads"),
    /** System.nanoTime and currentTimeMillis, java.time's now() and Clock, java.lang.management; use the api's. */
    CLOCKS("clocks"),
    /** sun.misc.Unsafe, jdk.internal and other JDK internals. */
    UNSAFE("unsafe"),
    /** System.load and loadLibrary, Runtime.load and loadLibrary. */
    NATIVE("native"),
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
