package org.optbench.harness.jar;

import java.util.Optional;
import java.util.Set;

/**
 * The deny-list: which JDK, ND4J and JavaCPP types and members break a {@link Rule} of a known category (files,
 * network, threads, clocks, ...). It is judged before the allow-list ({@link AllowList}), so that a reference that
 * is off that list for a known reason gets the specific category. Owners and descriptors are JVM internal names
 * ({@code java/lang/System}). Types are judged by name and, where it resolves, by supertype, so a subclass of a
 * forbidden type is caught too.
 */
final class ForbiddenReferences {
    private static final Set<String> FILE_TYPES = Set.of("java/io/File", "java/io/FileInputStream",
            "java/io/FileOutputStream", "java/io/FileReader", "java/io/FileWriter", "java/io/RandomAccessFile",
            "java/io/FileDescriptor", "java/io/FilePermission", "java/nio/channels/FileChannel",
            "java/nio/channels/AsynchronousFileChannel", "java/nio/channels/FileLock", "java/util/zip/ZipFile",
            "java/util/jar/JarFile", "java/util/logging/FileHandler");
    /** Constructors that open a file by its name. */
    private static final Set<String> FILE_NAME_OWNERS = Set.of("java/io/PrintStream", "java/io/PrintWriter",
            "java/util/Formatter", "java/util/Scanner");
    private static final Set<String> TIME_NOW_OWNERS = Set.of("java/time/Instant", "java/time/LocalDate",
            "java/time/LocalDateTime", "java/time/LocalTime", "java/time/ZonedDateTime", "java/time/OffsetDateTime",
            "java/time/OffsetTime", "java/time/Year", "java/time/YearMonth", "java/time/MonthDay");
    private static final Set<String> CLASS_REFLECTION = Set.of("forName", "getDeclaredMethod",
            "getDeclaredMethods", "getDeclaredField", "getDeclaredFields", "getDeclaredConstructor",
            "getDeclaredConstructors", "getDeclaredClasses", "getMethod", "getMethods", "getField", "getFields",
            "getConstructor", "getConstructors", "newInstance", "getRecordComponents", "getEnclosingMethod",
            "getEnclosingConstructor", "getNestHost", "getNestMembers",
            "getPermittedSubclasses");
    /** ND4J's array factories, whose read, write, save and numpy members are file and stream I/O. */
    private static final Set<String> ND4J_FACTORIES = Set.of("org/nd4j/linalg/factory/Nd4j",
            "org/nd4j/linalg/factory/NDArrayFactory", "org/nd4j/linalg/factory/BaseNDArrayFactory");
    /** System's members that read or change properties, the environment, or the JVM's standard streams. */
    private static final Set<String> SYSTEM_PROPERTIES = Set.of("getProperty", "getProperties", "setProperty",
            "setProperties", "clearProperty", "getenv", "setIn", "setOut", "setErr");

    private final ClassLoader resolver;

    /** @param resolver the loader that resolves JDK and ND4J types, to judge them by their supertypes */
    ForbiddenReferences(ClassLoader resolver) {
        this.resolver = resolver;
    }

    /** The rule a reference to a type (an internal name) breaks, if any. */
    Optional<Rule> type(String internalName) {
        String t = internalName;
        if (FILE_TYPES.contains(t) || t.startsWith("java/nio/file/")
                || t.startsWith("org/nd4j/linalg/api/ops/persistence/") || t.startsWith("org/nd4j/common/io/")) {
            return Optional.of(Rule.FILES);
        }
        if (t.startsWith("java/net/") || t.startsWith("javax/net/") || t.startsWith("java/rmi/")
                || t.startsWith("jdk/net/") || t.startsWith("com/sun/net/") || t.startsWith("javax/naming/")
                || t.equals("java/util/logging/SocketHandler")
                || (t.startsWith("java/nio/channels/") && (t.contains("Socket") || t.contains("Datagram")))) {
            return Optional.of(Rule.NETWORK);
        }
        if (isOrNestedIn(t, "java/lang/ProcessBuilder") || t.equals("java/lang/Process")
                || isOrNestedIn(t, "java/lang/ProcessHandle")) {
            return Optional.of(Rule.PROCESSES);
        }
        if (t.startsWith("java/lang/reflect/") || t.startsWith("java/lang/invoke/") || t.startsWith("java/beans/")
                || isOrNestedIn(t, "java/lang/StackWalker") || t.equals("java/lang/StackTraceElement")
                || t.equals("java/lang/Module") || isOrNestedIn(t, "java/lang/ModuleLayer")) {
            return Optional.of(Rule.REFLECTION);
        }
        if (isOrNestedIn(t, "java/util/ServiceLoader") || isOrNestedIn(t, "java/util/ResourceBundle")) {
            return Optional.of(Rule.CLASS_LOADERS);
        }
        if (t.equals("java/time/Clock") || t.equals("java/time/InstantSource") || t.startsWith("java/lang/management/")
                || t.startsWith("com/sun/management/") || t.equals("java/util/Calendar")
                || t.equals("java/util/GregorianCalendar") || t.equals("java/util/logging/LogRecord")
                || t.startsWith("org/nd4j/linalg/api/ops/performance/") || t.startsWith("org/nd4j/linalg/profiler/")) {
            return Optional.of(Rule.CLOCKS);
        }
        if (t.startsWith("sun/") || t.startsWith("jdk/internal/") || t.startsWith("com/sun/jna/")) {
            return Optional.of(Rule.UNSAFE);
        }
        if (isOrNestedIn(t, "org/bytedeco/javacpp/Loader") || t.equals("org/bytedeco/javacpp/ClassProperties")
                || t.equals("org/bytedeco/javacpp/LoadEnabled") || t.equals("org/bytedeco/javacpp/FunctionPointer")
                || t.startsWith("org/bytedeco/javacpp/tools/") || t.startsWith("org/bytedeco/javacpp/presets/")
                || t.startsWith("org/bytedeco/openblas/presets/") || t.startsWith("org/nd4j/nativeblas/")) {
            // JavaCPP is visible for ND4J's pointers and OpenBLAS; its Loader would load any native library, and
            // ND4J's NativeOps reach all of libnd4j, file readers included.
            return Optional.of(Rule.NATIVE);
        }
        if (isOrNestedIn(t, "java/lang/Thread") || t.equals("java/lang/ThreadGroup") || t.equals("java/util/Timer")
                || t.equals("java/util/TimerTask") || isOrNestedIn(t, "java/lang/ref/Cleaner")
                || (t.startsWith("java/util/concurrent/") && !t.startsWith("java/util/concurrent/atomic/"))
                || t.startsWith("org/bytedeco/javacpp/Pointer$")
                || t.startsWith("org/nd4j/linalg/api/memory/deallocation/")) {
            // Pointer's nested classes are its deallocators, which JavaCPP runs on a thread of its own.
            return Optional.of(Rule.THREADS);
        }
        if (t.equals("org/nd4j/linalg/factory/Environment")) {
            return Optional.of(Rule.PROPERTIES);
        }
        return bySupertype(t);
    }

    private Optional<Rule> bySupertype(String internalName) {
        Class<?> type = load(internalName);
        if (type == null) {
            return Optional.empty();
        }
        if (ClassLoader.class.isAssignableFrom(type)) {
            return Optional.of(Rule.CLASS_LOADERS);
        }
        if (Thread.class.isAssignableFrom(type) || java.util.concurrent.Executor.class.isAssignableFrom(type)) {
            return Optional.of(Rule.THREADS);
        }
        if (java.util.Calendar.class.isAssignableFrom(type) || java.util.logging.LogRecord.class.isAssignableFrom(type)) {
            return Optional.of(Rule.CLOCKS);
        }
        if (java.util.logging.FileHandler.class.isAssignableFrom(type)) {
            return Optional.of(Rule.FILES);
        }
        if (java.util.logging.SocketHandler.class.isAssignableFrom(type)) {
            return Optional.of(Rule.NETWORK);
        }
        return Optional.empty();
    }

    /** The rule a call of {@code owner.name desc} breaks, if any (its owner's and descriptor's types included). */
    Optional<Rule> method(String owner, String name, String descriptor) {
        Optional<Rule> special = specialMethod(owner, name, descriptor);
        if (special.isPresent()) {
            return special;
        }
        Optional<Rule> byOwner = type(owner);
        if (byOwner.isPresent()) {
            return byOwner;
        }
        return descriptorTypes(descriptor);
    }

    /** The rule an access of field {@code owner.name} of type {@code descriptor} breaks, if any. */
    Optional<Rule> field(String owner, String name, String descriptor) {
        Optional<Rule> byOwner = type(owner);
        return byOwner.isPresent() ? byOwner : descriptorTypes(descriptor);
    }

    private Optional<Rule> specialMethod(String owner, String name, String descriptor) {
        switch (owner) {
            case "java/lang/System":
                if (SYSTEM_PROPERTIES.contains(name)) {
                    return Optional.of(Rule.PROPERTIES);
                }
                return switch (name) {
                    case "exit" -> Optional.of(Rule.EXIT);
                    case "nanoTime", "currentTimeMillis" -> Optional.of(Rule.CLOCKS);
                    case "load", "loadLibrary", "mapLibraryName" -> Optional.of(Rule.NATIVE);
                    case "setSecurityManager", "getSecurityManager" -> Optional.of(Rule.REFLECTION);
                    default -> Optional.empty();
                };
            case "java/lang/Runtime":
                return switch (name) {
                    case "exit", "halt" -> Optional.of(Rule.EXIT);
                    case "exec" -> Optional.of(Rule.PROCESSES);
                    case "load", "loadLibrary" -> Optional.of(Rule.NATIVE);
                    case "addShutdownHook", "removeShutdownHook" -> Optional.of(Rule.THREADS);
                    default -> Optional.empty();
                };
            case "java/lang/Integer":
                return name.equals("getInteger") ? Optional.of(Rule.PROPERTIES) : Optional.empty();
            case "java/lang/Long":
                return name.equals("getLong") ? Optional.of(Rule.PROPERTIES) : Optional.empty();
            case "java/lang/Boolean":
                return name.equals("getBoolean") ? Optional.of(Rule.PROPERTIES) : Optional.empty();
            case "java/util/Locale", "java/util/TimeZone":
                return name.equals("setDefault") ? Optional.of(Rule.PROPERTIES) : Optional.empty();
            case "org/nd4j/linalg/api/buffer/util/DataTypeUtil":
                return name.startsWith("set") ? Optional.of(Rule.PROPERTIES) : Optional.empty();
            case "java/lang/Class":
                return CLASS_REFLECTION.contains(name) ? Optional.of(Rule.REFLECTION) : Optional.empty();
            case "java/lang/invoke/MethodHandles$Lookup":
                return name.startsWith("define") ? Optional.of(Rule.CLASS_LOADERS) : Optional.of(Rule.REFLECTION);
            case "java/util/Arrays":
                return name.startsWith("parallel") ? Optional.of(Rule.THREADS) : Optional.empty();
            case "java/util/stream/StreamSupport":
                // stream(spliterator, parallel) and its kin: the flag may be true.
                return descriptor.contains("Z)") ? Optional.of(Rule.THREADS) : Optional.empty();
            case "java/util/Date":
                return name.equals("<init>") && descriptor.equals("()V") ? Optional.of(Rule.CLOCKS) : Optional.empty();
            // Unseeded generators are seeded from the clock, and a few outputs give the seed back: each is a clock
            // read (java.util.Random's seed is System.nanoTime mixed with a known sequence).
            case "java/util/Random", "java/util/SplittableRandom", "org/nd4j/linalg/api/rng/DefaultRandom":
                return name.equals("<init>") && descriptor.equals("()V") || name.equals("reSeed") && descriptor.equals("()V")
                        ? Optional.of(Rule.CLOCKS) : Optional.empty();
            case "java/lang/Math", "java/lang/StrictMath":
                return name.equals("random") ? Optional.of(Rule.CLOCKS) : Optional.empty();
            case "java/util/Collections":
                return name.equals("shuffle") && descriptor.equals("(Ljava/util/List;)V")
                        ? Optional.of(Rule.CLOCKS) : Optional.empty();
            case "org/nd4j/linalg/api/rng/Random":
                return name.equals("reSeed") && descriptor.equals("()V") ? Optional.of(Rule.CLOCKS) : Optional.empty();
            case "org/nd4j/common/util/ArrayUtil":
                return name.equals("randomPermutation") ? Optional.of(Rule.CLOCKS) : Optional.empty();
            default:
                break;
        }
        if (owner.startsWith("org/nd4j/linalg/api/ops/executioner/") && name.startsWith("profiling")) {
            // The executioner's profiling hooks return System.nanoTime.
            return Optional.of(Rule.CLOCKS);
        }
        if (ND4J_FACTORIES.contains(owner)) {
            if (name.startsWith("read") || name.startsWith("write") || name.startsWith("save")
                    || name.contains("Npy") || name.contains("Npz") || name.contains("Numpy")
                    || name.equals("toByteArray") || name.equals("fromByteArray")) {
                return Optional.of(Rule.FILES);
            }
            if (name.startsWith("set") || name.equals("enableFallbackMode") || name.equals("initWithBackend")) {
                return Optional.of(Rule.PROPERTIES);
            }
            // Nd4j.shuffle without a Random, and the factories' rand and randn without one or a seed, seed a
            // generator from the clock (the factories reseed ND4J's own, whose getSeed() then gives the time back).
            boolean unseededShuffle = name.equals("shuffle") && !descriptor.contains("Random;");
            boolean reseedingRand = (name.equals("rand") || name.equals("randn"))
                    && !owner.equals("org/nd4j/linalg/factory/Nd4j")
                    && (descriptor.startsWith("(JJ)") || descriptor.startsWith("([I)") || descriptor.startsWith("([J)"));
            if (unseededShuffle || reseedingRand) {
                return Optional.of(Rule.CLOCKS);
            }
        }
        if (TIME_NOW_OWNERS.contains(owner) && name.equals("now")) {
            return Optional.of(Rule.CLOCKS);
        }
        if (FILE_NAME_OWNERS.contains(owner) && name.equals("<init>") && descriptor.startsWith("(Ljava/lang/String;")) {
            return Optional.of(Rule.FILES);
        }
        if ((name.equals("parallelStream") || name.equals("parallel")) && owner.startsWith("java/util/")) {
            return Optional.of(Rule.THREADS);
        }
        return Optional.empty();
    }

    /** The first rule a type in a method or field descriptor breaks. */
    Optional<Rule> descriptorTypes(String descriptor) {
        for (String type : Descriptors.objectTypes(descriptor)) {
            Optional<Rule> rule = type(type);
            if (rule.isPresent()) {
                return rule;
            }
        }
        return Optional.empty();
    }

    private static boolean isOrNestedIn(String internalName, String outer) {
        return internalName.equals(outer) || internalName.startsWith(outer + "$");
    }

    private Class<?> load(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, resolver);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
