package org.optbench.boot;

import java.io.ObjectInputFilter;
import java.util.function.BinaryOperator;

/**
 * The JVM-wide deserialization filter factory of a confined JVM: every stream's filter rejects the classes of the
 * confined layer's modules, whatever filter the stream's owner sets, so deserialization (which makes objects
 * without their constructors and sets private fields) cannot forge optbench's or its libraries' objects. The
 * submission's own classes and the JDK's are decided by the stream's filter, as usual.
 *
 * <p>{@link ConfinedMain} installs it before any other code runs; the JDK then refuses to replace it.
 */
public final class LayerSerialFilter implements BinaryOperator<ObjectInputFilter> {
    /** Stateless: nothing here for reflection to change. */
    public LayerSerialFilter() {
    }

    @Override
    public ObjectInputFilter apply(ObjectInputFilter current, ObjectInputFilter requested) {
        ObjectInputFilter next = requested;
        return info -> {
            Class<?> type = info.serialClass();
            while (type != null && type.isArray()) {
                type = type.getComponentType();
            }
            if (type != null && confined(type.getModule())) {
                return ObjectInputFilter.Status.REJECTED;
            }
            return next == null ? ObjectInputFilter.Status.UNDECIDED : next.checkInput(info);
        };
    }

    /** Whether a module is one of a layer other than the boot layer: the confined one. */
    static boolean confined(Module module) {
        return module.isNamed() && module.getLayer() != null && module.getLayer() != ModuleLayer.boot();
    }
}
