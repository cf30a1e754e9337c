package org.optbench.submissions.transform;

import java.util.EnumSet;
import java.util.Set;

import org.optbench.api.ParameterType;

/**
 * Which parameter tensors a link acts on, chosen by {@link ParameterType} alone (the rules allow an optimizer to
 * use parameter types generically). For example, weight decay that spares biases and normalisation parameters:
 * {@code ParameterMask.allExcept(BIAS, NORM_SCALE, NORM_BIAS)}.
 *
 * @param types the parameter types the link acts on
 */
public record ParameterMask(Set<ParameterType> types) {
    /** Copies the set so the record stays immutable. */
    public ParameterMask {
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    }

    /** Every parameter (PyTorch's default for weight decay). */
    public static ParameterMask all() {
        return new ParameterMask(EnumSet.allOf(ParameterType.class));
    }

    /** Every parameter whose type is not one of {@code exempt}. */
    public static ParameterMask allExcept(ParameterType... exempt) {
        EnumSet<ParameterType> types = EnumSet.allOf(ParameterType.class);
        for (ParameterType t : exempt) {
            types.remove(t);
        }
        return new ParameterMask(types);
    }

    /** Only parameters of these types. */
    public static ParameterMask only(ParameterType... included) {
        EnumSet<ParameterType> types = EnumSet.noneOf(ParameterType.class);
        types.addAll(java.util.List.of(included));
        return new ParameterMask(types);
    }

    /** Whether the link acts on a parameter of this type. */
    public boolean includes(ParameterType type) {
        return types.contains(type);
    }
}
