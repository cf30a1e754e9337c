package org.optbench.harness.jar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads class files with ASM and reports every reference that breaks the {@link ReferencePolicy}: the class's
 * supertypes, the types of its fields and method signatures, and in method bodies every call, field access, type
 * use, class literal, method handle and dynamic constant. A class that declares a finalizer is a finding too: the
 * JVM runs it on a thread of its own. So is {@code Class.getResourceAsStream} on anything but a literal of the jar's
 * own class ({@code Lion.class.getResourceAsStream("space.json")}): ND4J's and the api's classes belong to
 * optbench's loader, which sees every resource on optbench's class path, the workloads' data included. Also collects
 * every type the classes refer to, so that a caller can tell which are neither in the jar nor visible to it.
 */
final class BytecodeScanner {
    /** Bootstrap methods javac emits for lambdas, string concatenation, records and switches: not the jar's own. */
    private static final Set<String> JDK_BOOTSTRAP_OWNERS = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods",
            "java/lang/runtime/SwitchBootstraps");
    private static final String CLASS = "java/lang/Class";
    private static final String GET_RESOURCE_AS_STREAM = "getResourceAsStream";
    private static final String OTHER_LOADERS_RESOURCES = " on a class that is not a literal of the jar's own "
            + "(its loader may see optbench's resources)";

    private final ReferencePolicy policy;
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final Map<String, String> referencedTypes = new LinkedHashMap<>();
    private String currentClass;
    private boolean collectingReferences;

    BytecodeScanner(ReferencePolicy policy) {
        this.policy = policy;
    }

    /**
     * Scans one class file. Its findings name the class, and the jar entry too when the entry is not where a loader
     * looks for that class first ({@code META-INF/versions/17/com/example/Evil.class}, or anywhere else).
     *
     * @param mayRun whether the class may run, so that the types it refers to must resolve; a class file no loader
     *     would take is judged all the same, but what it names need not exist
     */
    void scan(String entryName, byte[] classFile, boolean mayRun) {
        collectingReferences = mayRun;
        ClassReader reader = new ClassReader(classFile);
        String location = entryName.equals(reader.getClassName() + ".class") ? "" : " (" + entryName + ")";
        // Debug information names nothing that runs; without it, the labels left are jump targets and handlers.
        reader.accept(new ClassScanner(location), ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
    }

    /** The findings so far, in the order met, without repeats. */
    List<Finding> findings() {
        return new ArrayList<>(findings.values());
    }

    /**
     * Every object type referred to by a class that may run (internal names), the jar's own included, to the first
     * class naming it.
     */
    Map<String, String> referencedTypes() {
        return referencedTypes;
    }

    private void report(String where, String what, Optional<Rule> rule) {
        rule.ifPresent(r -> findings.putIfAbsent(where + " " + what, new Finding(where, what, r)));
    }

    private void reportMember(String where, String what, Optional<ReferencePolicy.Breach> breach) {
        breach.ifPresent(b -> report(where, b.inheritedFrom() == null ? what
                : what + " (inherited from " + b.inheritedFrom() + ")", Optional.of(b.rule())));
    }

    private void referType(String internalName) {
        if (internalName == null || !collectingReferences) {
            return;
        }
        String element = Descriptors.elementClass(internalName);
        if (element != null) {
            referencedTypes.putIfAbsent(element, currentClass);
        }
    }

    private void referDescriptor(String descriptor) {
        if (!collectingReferences) {
            return;
        }
        for (String type : Descriptors.objectTypes(descriptor)) {
            referencedTypes.putIfAbsent(type, currentClass);
        }
    }

    private final class ClassScanner extends ClassVisitor {
        private final String location;
        private String className;

        ClassScanner(String location) {
            super(Opcodes.ASM9);
            this.location = location;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            className = name.replace('/', '.');
            currentClass = className;
            String where = className + location;
            if (superName != null) {
                referType(superName);
                report(where, "extends " + superName, policy.type(superName));
            }
            if (interfaces != null) {
                for (String i : interfaces) {
                    referType(i);
                    report(where, "implements " + i, policy.type(i));
                }
            }
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            referDescriptor(descriptor);
            report(className + "." + name + location, "has type " + descriptor, policy.descriptorTypes(descriptor));
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            String where = className + "." + name + descriptor + location;
            referDescriptor(descriptor);
            report(where, "declares " + descriptor, policy.descriptorTypes(descriptor));
            if (name.equals("finalize") && descriptor.equals("()V") && (access & Opcodes.ACC_STATIC) == 0) {
                report(where, "declares a finalizer, which the JVM runs on its own thread", Optional.of(Rule.THREADS));
            }
            return new MethodScanner(where);
        }
    }

    private final class MethodScanner extends MethodVisitor {
        private final String where;
        /**
         * How many stack slots were pushed since a literal of the jar's own class, while only a resource name's
         * pushes followed it (a local, a string constant or field, a string concatenation); -1 when there is no
         * such literal beneath.
         */
        private int sinceOwnLiteral = -1;

        MethodScanner(String where) {
            super(Opcodes.ASM9);
            this.where = where;
        }

        /** Any instruction that is not a resource name's push ends the pattern. */
        private void otherInstruction() {
            sinceOwnLiteral = -1;
        }

        private void pushed(int popped) {
            if (sinceOwnLiteral >= 0) {
                sinceOwnLiteral = sinceOwnLiteral - popped < 0 ? -1 : sinceOwnLiteral - popped + 1;
            }
        }

        @Override
        public void visitInsn(int opcode) {
            otherInstruction();
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            otherInstruction();
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            if (opcode == Opcodes.ALOAD) {
                pushed(0);
            } else {
                otherInstruction();
            }
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            otherInstruction();
        }

        @Override
        public void visitLabel(Label label) {
            // A jump may land here with another class on the stack.
            otherInstruction();
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            otherInstruction();
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            otherInstruction();
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            otherInstruction();
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            referType(owner);
            referDescriptor(descriptor);
            String what = "calls " + owner + "." + name + descriptor;
            if (owner.equals(CLASS) && name.equals(GET_RESOURCE_AS_STREAM) && sinceOwnLiteral != 1) {
                report(where, what + OTHER_LOADERS_RESOURCES, Optional.of(Rule.FILES));
            }
            otherInstruction();
            reportMember(where, what, policy.method(owner, name, descriptor));
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            referType(owner);
            referDescriptor(descriptor);
            if (descriptor.equals("Ljava/lang/String;") && opcode == Opcodes.GETSTATIC) {
                pushed(0);
            } else if (descriptor.equals("Ljava/lang/String;") && opcode == Opcodes.GETFIELD) {
                pushed(1);
            } else {
                otherInstruction();
            }
            reportMember(where, "accesses " + owner + "." + name, policy.field(owner, name, descriptor));
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            otherInstruction();
            referType(type);
            // NEW is always followed by a constructor call, reported there.
            if (opcode != Opcodes.NEW) {
                report(where, "uses " + type, policy.type(type));
            }
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            otherInstruction();
            referDescriptor(descriptor);
            report(where, "uses " + descriptor, policy.descriptorTypes(descriptor));
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof Type t && t.getSort() == Type.OBJECT && policy.isOwn(t.getInternalName())) {
                sinceOwnLiteral = 0;
            } else if (value instanceof String) {
                pushed(0);
            } else {
                otherInstruction();
            }
            constant(value);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            if (bootstrap.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
                pushed(Type.getArgumentTypes(descriptor).length);
            } else {
                otherInstruction();
            }
            referDescriptor(descriptor);
            report(where, "uses " + descriptor, policy.descriptorTypes(descriptor));
            if (!JDK_BOOTSTRAP_OWNERS.contains(bootstrap.getOwner())) {
                handle(bootstrap);
            }
            for (Object argument : arguments) {
                constant(argument);
            }
        }

        /** A loadable constant: a class or method type, a method handle, a dynamic constant; strings and numbers. */
        private void constant(Object value) {
            if (value instanceof Type t) {
                referDescriptor(t.getDescriptor());
                report(where, "uses " + t.getDescriptor(), policy.descriptorTypes(t.getDescriptor()));
            } else if (value instanceof Handle h) {
                handle(h);
            } else if (value instanceof ConstantDynamic c) {
                referDescriptor(c.getDescriptor());
                report(where, "uses " + c.getDescriptor(), policy.descriptorTypes(c.getDescriptor()));
                handle(c.getBootstrapMethod());
                for (int i = 0; i < c.getBootstrapMethodArgumentCount(); i++) {
                    constant(c.getBootstrapMethodArgument(i));
                }
            }
        }

        private void handle(Handle h) {
            referType(h.getOwner());
            referDescriptor(h.getDesc());
            if (h.getOwner().equals(CLASS) && h.getName().equals(GET_RESOURCE_AS_STREAM)) {
                report(where, "refers to " + h.getOwner() + "." + h.getName() + h.getDesc() + OTHER_LOADERS_RESOURCES,
                        Optional.of(Rule.FILES));
            }
            Optional<ReferencePolicy.Breach> breach = h.getTag() <= Opcodes.H_PUTSTATIC
                    ? policy.field(h.getOwner(), h.getName(), h.getDesc())
                    : policy.method(h.getOwner(), h.getName(), h.getDesc());
            reportMember(where, "refers to " + h.getOwner() + "." + h.getName() + h.getDesc(), breach);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null) {
                referType(type);
                report(where, "catches " + type, policy.type(type));
            }
        }
    }
}
