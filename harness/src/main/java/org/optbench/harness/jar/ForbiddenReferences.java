package org.optbench.harness.jar;

import java.util.Optional;
import java.util.Set;

import org.objectweb.asm.Type;

/**
 * Which JDK types and members break a {@link Rule}. Owners and descriptors are JVM internal names
 * ({@code java/lang/System}). Types are judged by name and, for class loaders, threads and executors, by their
 * supertypes, so a subclass of a forbidden JDK type is caught too.
 */
final class ForbiddenReferences {
    private static final Set<String> FILE_TYPES = Set.of("java/io/File", "java/io/FileInputStream",
            "java/io/FileOutputStream", "java/io/FileReader", "java/io/FileWriter", "java/io/RandomAccessFile",
            "java/io/FileDescriptor", "java/io/FilePermission", "java/nio/channels/FileChannel",
            "java/nio/channels/AsynchronousFileChannel", "java/nio/channels/FileLock", "java/util/zip/ZipFile",
            "java/util/jar/JarFile");
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

    private final ClassLoader resolver;

    /** @param resolver the loader that resolves JDK types, to judge them by their supertypes */
    ForbiddenReferences(ClassLoader resolver) {
        this.resolver = resolver;
    }

    /** The rule a reference to a type (an internal name) breaks, if any. */
    Optional<Rule> type(String internalName) {
        String t = internalName;
        if (FILE_TYPES.contains(t) || t.startsWith("java/nio/file/")) {
            return Optional.of(Rule.FILES);
        }
        if (t.startsWith("java/net/") || t.startsWith("javax/net/") || t.startsWith("java/rmi/")
                || t.startsWith("jdk/net/") || t.startsWith("com/sun/net/")
                || (t.startsWith("java/nio/channels/") && (t.contains("Socket") || t.contains("Datagram")))) {
            return Optional.of(Rule.NETWORK);
        }
        if (t.equals("java/lang/ProcessBuilder") || t.startsWith("java/lang/ProcessBuilder$")
                || t.equals("java/lang/Process") || t.equals("java/lang/ProcessHandle")
                || t.startsWith("java/lang/ProcessHandle$")) {
            return Optional.of(Rule.PROCESSES);
        }
        if (t.startsWith("java/lang/reflect/")) {
            return Optional.of(Rule.REFLECTION);
        }
        if (t.equals("java/time/Clock") || t.equals("java/time/InstantSource") || t.startsWith("java/lang/management/")
                || t.startsWith("com/sun/management/")) {
            return Optional.of(Rule.CLOCKS);
        }
        if (t.startsWith("sun/") || t.startsWith("jdk/internal/") || t.startsWith("com/sun/jna/")) {
            return Optional.of(Rule.UNSAFE);
        }
        if (t.equals("java/util/Timer") || t.equals("java/lang/ThreadGroup")
                || t.equals("java/util/concurrent/Executors") || t.equals("java/util/concurrent/ThreadFactory")) {
            return Optional.of(Rule.THREADS);
        }
        if (t.startsWith("java/") || t.startsWith("javax/") || t.startsWith("jdk/")) {
            Class<?> type = load(t);
            if (type != null) {
                if (ClassLoader.class.isAssignableFrom(type)) {
                    return Optional.of(Rule.CLASS_LOADERS);
                }
                if (Thread.class.isAssignableFrom(type) || java.util.concurrent.Executor.class.isAssignableFrom(type)) {
                    return Optional.of(Rule.THREADS);
                }
            }
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

    private Optional<Rule> specialMethod(String owner, String name, String descriptor) {
        switch (owner) {
            case "java/lang/System":
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
            case "org/bytedeco/javacpp/Loader":
                // JavaCPP is visible for ND4J's pointers and OpenBLAS; its Loader would load any native library.
                return Optional.of(Rule.NATIVE);
            case "java/lang/Class":
                return CLASS_REFLECTION.contains(name) ? Optional.of(Rule.REFLECTION) : Optional.empty();
            case "java/lang/invoke/MethodHandles$Lookup":
                return name.startsWith("find") || name.startsWith("unreflect") || name.equals("in")
                        || name.equals("dropLookupMode") || name.startsWith("accessClass")
                        || name.equals("revealDirect") ? Optional.of(Rule.REFLECTION)
                        : name.startsWith("define") ? Optional.of(Rule.CLASS_LOADERS) : Optional.empty();
            case "java/lang/invoke/MethodHandles":
                return name.equals("privateLookupIn") || name.equals("reflectAs")
                        ? Optional.of(Rule.REFLECTION) : Optional.empty();
            case "java/util/concurrent/CompletableFuture":
                return name.endsWith("Async") ? Optional.of(Rule.THREADS) : Optional.empty();
            case "java/util/Arrays":
                return name.startsWith("parallel") ? Optional.of(Rule.THREADS) : Optional.empty();
            case "java/util/Date":
                return name.equals("<init>") && descriptor.equals("()V") ? Optional.of(Rule.CLOCKS) : Optional.empty();
            case "java/util/Calendar":
                return name.equals("getInstance") ? Optional.of(Rule.CLOCKS) : Optional.empty();
            default:
                break;
        }
        if (TIME_NOW_OWNERS.contains(owner) && name.equals("now")) {
            return Optional.of(Rule.CLOCKS);
        }
        if (FILE_NAME_OWNERS.contains(owner) && name.equals("<init>") && descriptor.startsWith("(Ljava/lang/String;")) {
            return Optional.of(Rule.FILES);
        }
        if ((name.equals("parallelStream") || name.equals("parallel"))
                && (owner.startsWith("java/util/") || owner.startsWith("java/util/stream/"))) {
            return Optional.of(Rule.THREADS);
        }
        if (owner.startsWith("java/util/concurrent/") && (name.equals("fork") || name.equals("invokeAll")
                || name.equals("commonPool"))) {
            return Optional.of(Rule.THREADS);
        }
        return Optional.empty();
    }

    /** The first rule a type in a method or field descriptor breaks. */
    Optional<Rule> descriptorTypes(String descriptor) {
        Type type = Type.getType(descriptor);
        if (type.getSort() == Type.METHOD) {
            for (Type argument : type.getArgumentTypes()) {
                Optional<Rule> rule = typeOf(argument);
                if (rule.isPresent()) {
                    return rule;
                }
            }
            return typeOf(type.getReturnType());
        }
        return typeOf(type);
    }

    private Optional<Rule> typeOf(Type t) {
        Type element = t.getSort() == Type.ARRAY ? t.getElementType() : t;
        return element.getSort() == Type.OBJECT ? type(element.getInternalName()) : Optional.empty();
    }

    private Class<?> load(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, resolver);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
