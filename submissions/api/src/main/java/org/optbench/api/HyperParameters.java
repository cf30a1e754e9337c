package org.optbench.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The hyperparameters of one trial: names to numbers, strings or booleans, as read from AlgoPerf-style JSON.
 * Getters are typed; a missing name or a value of the wrong type is a {@link BadInputException} whose one-line
 * message names the hyperparameter and what was expected.
 */
public final class HyperParameters {
    private static final HyperParameters EMPTY = new HyperParameters(Map.of());

    private final Map<String, Object> values;

    private HyperParameters(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Hyperparameters from plain values: {@link Number}, {@link String} or {@link Boolean}. The map is copied and
     * its order kept.
     */
    public static HyperParameters of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof Number || v instanceof String || v instanceof Boolean)) {
                throw new BadInputException("hyperparameter '" + e.getKey() + "' must be a number, a string or a boolean, got "
                        + describe(v));
            }
            copy.put(e.getKey(), v);
        }
        return new HyperParameters(Collections.unmodifiableMap(copy));
    }

    /** No hyperparameters. */
    public static HyperParameters empty() {
        return EMPTY;
    }

    /** These hyperparameters with {@code overrides} replacing or adding entries. */
    public HyperParameters with(Map<String, ?> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(overrides);
        return of(merged);
    }

    /** Whether a value of this name is present. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The names, in order. */
    public Set<String> names() {
        return values.keySet();
    }

    /** All values, in order, unmodifiable. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** A number, as a double. */
    public double getDouble(String name) {
        Object v = require(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(name, "a number", v);
    }

    /** A number, or {@code fallback} when absent. */
    public double getDouble(String name, double fallback) {
        return has(name) ? getDouble(name) : fallback;
    }

    /** A whole number that fits an int (1 and 1.0 both do; 1.5 does not). */
    public int getInt(String name) {
        long v = getLong(name);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw wrongType(name, "a whole number that fits 32 bits", values.get(name));
        }
        return (int) v;
    }

    /** A whole number, or {@code fallback} when absent. */
    public int getInt(String name, int fallback) {
        return has(name) ? getInt(name) : fallback;
    }

    /** A whole number (1 and 1.0 both are; 1.5 is not). */
    public long getLong(String name) {
        Object v = require(name);
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d)) {
                return n instanceof Double || n instanceof Float ? (long) d : n.longValue();
            }
        }
        throw wrongType(name, "a whole number", v);
    }

    /** A whole number, or {@code fallback} when absent. */
    public long getLong(String name, long fallback) {
        return has(name) ? getLong(name) : fallback;
    }

    /** A boolean. */
    public boolean getBoolean(String name) {
        Object v = require(name);
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongType(name, "true or false", v);
    }

    /** A boolean, or {@code fallback} when absent. */
    public boolean getBoolean(String name, boolean fallback) {
        return has(name) ? getBoolean(name) : fallback;
    }

    /** A string. */
    public String getString(String name) {
        Object v = require(name);
        if (v instanceof String s) {
            return s;
        }
        throw wrongType(name, "a string", v);
    }

    /** A string, or {@code fallback} when absent. */
    public String getString(String name, String fallback) {
        return has(name) ? getString(name) : fallback;
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new BadInputException("missing hyperparameter '" + name + "' (given: "
                    + (values.isEmpty() ? "none" : String.join(", ", values.keySet())) + ")");
        }
        return v;
    }

    private static BadInputException wrongType(String name, String expected, Object actual) {
        return new BadInputException("hyperparameter '" + name + "' must be " + expected + ", got " + describe(actual));
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "the string \"" + s + "\"";
        }
        return v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HyperParameters h && h.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
