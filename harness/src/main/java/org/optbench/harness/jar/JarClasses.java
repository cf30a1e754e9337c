package org.optbench.harness.jar;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The classes a submission jar defines itself, with the supertypes and members of each copy of them (a
 * multi-release jar may carry several), so that a call the jar makes on one of its own classes can be traced to
 * the JDK or ND4J class it inherits the member from: {@code class Sly extends Nd4j} and then {@code Sly.writeTxt}
 * is {@code Nd4j.writeTxt}.
 *
 * <p>A class is the jar's own when the jar's loader would take it from the jar: the jar carries it where a loader
 * looks ({@link SubmissionJar#definesClass}) and the parent loader, which is asked first, does not know the name.
 * A jar's copy of {@code org.nd4j.linalg.factory.Nd4j} is not its own: ND4J's is the one that runs.
 */
final class JarClasses {
    /** One class file's view of its class: its supertypes and what it declares. */
    private record Copy(String superName, List<String> interfaces, Set<String> methods, Set<String> fields) {
    }

    private final SubmissionJar jar;
    private final ClassLoader parent;
    private final Map<String, List<Copy>> copies = new HashMap<>();
    private final Set<String> ownEntries = new HashSet<>();

    /** @param parent the loader the jar's loader asks first */
    JarClasses(SubmissionJar jar, ClassLoader parent) {
        this.jar = jar;
        this.parent = parent;
    }

    /**
     * Reads one of the jar's class files; one at an entry no loader looks up under its class name, or of a class
     * the parent loader knows, adds nothing.
     *
     * @throws RuntimeException (ASM's) for a class file that does not parse
     */
    void add(String entryName, byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        String name = reader.getClassName();
        if (name.equals(SubmissionJar.lookupName(entryName)) && jar.definesClass(name) && !visible(name, parent)) {
            copies.computeIfAbsent(name, n -> new ArrayList<>()).add(read(reader));
            ownEntries.add(entryName);
        }
    }

    /**
     * Whether the class file at this entry is a copy of one of the jar's own classes, so one that may run; a class
     * file elsewhere, or shadowed by the parent loader's class, never does.
     */
    boolean mayRun(String entryName) {
        return ownEntries.contains(entryName);
    }

    /** Whether the class (an internal name) is one the jar defines itself. */
    boolean defines(String internalName) {
        return copies.containsKey(internalName);
    }

    /**
     * The classes outside the jar that a reference to member {@code name} on the jar's own class {@code owner}
     * may reach: on each path up its supertypes on which no class of the jar declares the member, the first class
     * that is not the jar's. Empty when the jar declares the member on every path.
     *
     * @param descriptor the method descriptor, or {@code null} for a field
     */
    List<String> inheritedFrom(String owner, String name, String descriptor) {
        Set<String> outside = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(owner));
        while (!pending.isEmpty()) {
            String type = pending.removeFirst();
            if (!seen.add(type)) {
                continue;
            }
            List<Copy> versions = copies.get(type);
            if (versions == null) {
                outside.add(type);
                continue;
            }
            for (Copy copy : versions) {
                boolean declared = descriptor == null ? copy.fields().contains(name)
                        : copy.methods().contains(name + descriptor);
                if (!declared) {
                    if (copy.superName() != null) {
                        pending.addLast(copy.superName());
                    }
                    pending.addAll(copy.interfaces());
                }
            }
        }
        return List.copyOf(outside);
    }

    private static boolean visible(String internalName, ClassLoader parent) {
        try {
            Class.forName(internalName.replace('/', '.'), false, parent);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Copy read(ClassReader reader) {
        Set<String> methods = new HashSet<>();
        Set<String> fields = new HashSet<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                           Object value) {
                fields.add(name);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                methods.add(name + descriptor);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new Copy(reader.getSuperName(), List.of(reader.getInterfaces()), methods, fields);
    }
}
