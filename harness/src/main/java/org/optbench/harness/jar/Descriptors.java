package org.optbench.harness.jar;

import java.util.ArrayList;
import java.util.List;

import org.objectweb.asm.Type;

/** JVM type names and descriptors, as a class file writes them, read for the object types they name. */
final class Descriptors {
    private Descriptors() {
    }

    /**
     * The object types (internal names) a field or method descriptor names, array element types included, in
     * order: {@code (Ljava/lang/String;[I)Ljava/util/List;} gives {@code java/lang/String, java/util/List}.
     */
    static List<String> objectTypes(String descriptor) {
        Type type = Type.getType(descriptor);
        List<String> names = new ArrayList<>();
        if (type.getSort() == Type.METHOD) {
            for (Type argument : type.getArgumentTypes()) {
                addElement(argument, names);
            }
            addElement(type.getReturnType(), names);
        } else {
            addElement(type, names);
        }
        return names;
    }

    /**
     * The class an internal name or array descriptor comes down to ({@code [[Ljava/lang/String;} gives
     * {@code java/lang/String}), or {@code null} for an array of primitives.
     */
    static String elementClass(String internalName) {
        if (!internalName.startsWith("[")) {
            return internalName;
        }
        Type element = Type.getType(internalName).getElementType();
        return element.getSort() == Type.OBJECT ? element.getInternalName() : null;
    }

    private static void addElement(Type type, List<String> names) {
        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        if (element.getSort() == Type.OBJECT) {
            names.add(element.getInternalName());
        }
    }
}
