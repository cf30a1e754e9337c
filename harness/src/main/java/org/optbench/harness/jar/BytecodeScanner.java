package org.optbench.harness.jar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads class files with ASM and reports every reference that breaks a {@link Rule}: the class's supertypes, the
 * types of its fields and method signatures, and in method bodies every call, field access, type use, class
 * literal and method handle. Also collects every type the classes refer to, so that a caller can tell which are
 * neither in the jar nor visible to it.
 */
final class BytecodeScanner {
    /** Bootstrap methods javac emits for lambdas, string concatenation, records and switches: not the jar's own. */
    private static final Set<String> JDK_BOOTSTRAP_OWNERS = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods",
            "java/lang/runtime/SwitchBootstraps");

    private final ForbiddenReferences forbidden;
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final Map<String, String> referencedTypes = new LinkedHashMap<>();
    private String currentClass;

    BytecodeScanner(ForbiddenReferences forbidden) {
        this.forbidden = forbidden;
    }

    /** Scans one class file. */
    void scan(byte[] classFile) {
        new ClassReader(classFile).accept(new ClassScanner(), ClassReader.SKIP_FRAMES);
    }

    /** The findings so far, in the order met, without repeats. */
    List<Finding> findings() {
        return new ArrayList<>(findings.values());
    }

    /** Every object type referred to (internal names), the jar's own included, to the first class naming it. */
    Map<String, String> referencedTypes() {
        return referencedTypes;
    }

    private void report(String where, String what, Optional<Rule> rule) {
        rule.ifPresent(r -> findings.putIfAbsent(where + " " + what, new Finding(where, what, r)));
    }

    private void referType(String internalName) {
        if (internalName == null) {
            return;
        }
        Type t = internalName.startsWith("[") ? Type.getType(internalName).getElementType()
                : Type.getObjectType(internalName);
        if (t.getSort() == Type.OBJECT) {
            referencedTypes.putIfAbsent(t.getInternalName(), currentClass);
        }
    }

    private void referDescriptor(String descriptor) {
        Type t = Type.getType(descriptor);
        if (t.getSort() == Type.METHOD) {
            for (Type a : t.getArgumentTypes()) {
                referDescriptor(a.getDescriptor());
            }
            referDescriptor(t.getReturnType().getDescriptor());
            return;
        }
        Type element = t.getSort() == Type.ARRAY ? t.getElementType() : t;
        if (element.getSort() == Type.OBJECT) {
            referencedTypes.putIfAbsent(element.getInternalName(), currentClass);
        }
    }

    private final class ClassScanner extends ClassVisitor {
        private String className;

        ClassScanner() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            className = name.replace('/', '.');
            currentClass = className;
            if (superName != null) {
                referType(superName);
                report(className, "extends " + superName, forbidden.type(superName));
            }
            if (interfaces != null) {
                for (String i : interfaces) {
                    referType(i);
                    report(className, "implements " + i, forbidden.type(i));
                }
            }
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            referDescriptor(descriptor);
            report(className + "." + name, "has type " + descriptor, forbidden.descriptorTypes(descriptor));
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            String where = className + "." + name + descriptor;
            referDescriptor(descriptor);
            report(where, "declares " + descriptor, forbidden.descriptorTypes(descriptor));
            return new MethodScanner(where);
        }
    }

    private final class MethodScanner extends MethodVisitor {
        private final String where;

        MethodScanner(String where) {
            super(Opcodes.ASM9);
            this.where = where;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            referType(owner);
            referDescriptor(descriptor);
            report(where, "calls " + owner + "." + name + descriptor, forbidden.method(owner, name, descriptor));
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            referType(owner);
            referDescriptor(descriptor);
            Optional<Rule> rule = forbidden.type(owner);
            report(where, "accesses " + owner + "." + name,
                    rule.isPresent() ? rule : forbidden.descriptorTypes(descriptor));
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            referType(type);
            // NEW is always followed by a constructor call, reported there.
            if (opcode != Opcodes.NEW) {
                report(where, "uses " + type, forbidden.type(arrayElement(type)));
            }
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            referDescriptor(descriptor);
            report(where, "uses " + descriptor, forbidden.descriptorTypes(descriptor));
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof Type t) {
                if (t.getSort() == Type.METHOD) {
                    referDescriptor(t.getDescriptor());
                    report(where, "uses " + t.getDescriptor(), forbidden.descriptorTypes(t.getDescriptor()));
                } else {
                    referDescriptor(t.getDescriptor());
                    report(where, "uses " + t.getDescriptor(), forbidden.descriptorTypes(t.getDescriptor()));
                }
            } else if (value instanceof Handle h) {
                handle(h);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            referDescriptor(descriptor);
            if (!JDK_BOOTSTRAP_OWNERS.contains(bootstrap.getOwner())) {
                handle(bootstrap);
            }
            for (Object argument : arguments) {
                if (argument instanceof Handle h) {
                    handle(h);
                } else if (argument instanceof Type t) {
                    referDescriptor(t.getDescriptor());
                    report(where, "uses " + t.getDescriptor(), forbidden.descriptorTypes(t.getDescriptor()));
                }
            }
        }

        private void handle(Handle h) {
            referType(h.getOwner());
            referDescriptor(h.getDesc());
            Optional<Rule> rule = h.getTag() <= Opcodes.H_PUTSTATIC
                    ? forbidden.type(h.getOwner())
                    : forbidden.method(h.getOwner(), h.getName(), h.getDesc());
            report(where, "refers to " + h.getOwner() + "." + h.getName() + h.getDesc(), rule);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null) {
                referType(type);
                report(where, "catches " + type, forbidden.type(type));
            }
        }
    }

    private static String arrayElement(String internalName) {
        if (!internalName.startsWith("[")) {
            return internalName;
        }
        Type element = Type.getType(internalName).getElementType();
        return element.getSort() == Type.OBJECT ? element.getInternalName() : "";
    }
}
