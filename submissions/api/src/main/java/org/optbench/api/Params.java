package org.optbench.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An ordered list of named parameter tensors, each with its {@link ParameterType}. The same shape serves for a
 * model's parameters, their gradients and an optimizer's per-parameter buffers.
 *
 * <p>The list is fixed; the tensors are not: an optimizer changes parameters in place. Every tensor is
 * contiguous in C order (a fresh array or a contiguous view of one flat buffer), so that code can walk its data
 * buffer from {@code offset()} for {@code length()} elements. All tensors share one data type.
 *
 * <pre>{@code
 * Params params = Params.builder()
 *     .add("dense/kernel", ParameterType.WEIGHT, Nd4j.rand(DataType.DOUBLE, 4, 3))
 *     .add("dense/bias", ParameterType.BIAS, Nd4j.zeros(DataType.DOUBLE, 3))
 *     .build();
 * }</pre>
 */
public final class Params implements Iterable<Params.Param> {

    /**
     * One named tensor.
     *
     * @param name unique within its {@code Params}, for example {@code "dense_0/kernel"}
     * @param type what the tensor is in its model
     * @param value the tensor itself, contiguous in C order
     */
    public record Param(String name, ParameterType type, INDArray value) {
        /** Checks that the tensor is usable as a parameter. */
        public Param {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a parameter needs a name");
            }
            if (type == null || value == null) {
                throw new IllegalArgumentException("parameter '" + name + "' needs a type and a value");
            }
            if (value.length() > 1 && (value.ordering() != 'c' || value.elementWiseStride() != 1)) {
                throw new IllegalArgumentException("parameter '" + name + "' must be contiguous in C order");
            }
        }

        /** The tensor's shape. */
        public long[] shape() {
            return value.shape();
        }
    }

    private final List<Param> params;
    private final Map<String, Integer> indexByName;

    private Params(List<Param> params) {
        this.params = List.copyOf(params);
        Map<String, Integer> index = new LinkedHashMap<>();
        DataType dataType = null;
        for (int i = 0; i < this.params.size(); i++) {
            Param p = this.params.get(i);
            if (index.put(p.name(), i) != null) {
                throw new IllegalArgumentException("parameter name '" + p.name() + "' appears twice");
            }
            if (dataType == null) {
                dataType = p.value().dataType();
            } else if (dataType != p.value().dataType()) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' is " + p.value().dataType()
                        + " but the others are " + dataType);
            }
        }
        this.indexByName = Collections.unmodifiableMap(index);
    }

    /** Params holding the given tensors, in this order. The tensors are not copied. */
    public static Params of(Param... params) {
        return new Params(Arrays.asList(params));
    }

    /** Params holding the given tensors, in this order. The tensors are not copied. */
    public static Params of(List<Param> params) {
        return new Params(params);
    }

    /** A builder that keeps the order of {@link Builder#add} calls. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects named tensors in order. */
    public static final class Builder {
        private final List<Param> params = new ArrayList<>();

        private Builder() {
        }

        /** Adds one tensor (not copied). */
        public Builder add(String name, ParameterType type, INDArray value) {
            params.add(new Param(name, type, value));
            return this;
        }

        /** The params added so far. */
        public Params build() {
            return new Params(params);
        }
    }

    /** The number of tensors. */
    public int size() {
        return params.size();
    }

    /** The i-th tensor with its name and type. */
    public Param get(int i) {
        return params.get(i);
    }

    /** The i-th tensor. */
    public INDArray value(int i) {
        return params.get(i).value();
    }

    /** The tensor of this name; an unknown name is an {@link IllegalArgumentException}. */
    public INDArray get(String name) {
        Integer i = indexByName.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no parameter named '" + name + "'; have " + indexByName.keySet());
        }
        return params.get(i).value();
    }

    /** The names, in order. */
    public List<String> names() {
        return List.copyOf(indexByName.keySet());
    }

    /** All tensors, in order. */
    public List<Param> asList() {
        return params;
    }

    @Override
    public Iterator<Param> iterator() {
        return params.iterator();
    }

    /** The total number of scalar entries over all tensors. */
    public long numElements() {
        long n = 0;
        for (Param p : params) {
            n += p.value().length();
        }
        return n;
    }

    /** The data type shared by all tensors ({@code FLOAT} when empty). */
    public DataType dataType() {
        return params.isEmpty() ? DataType.FLOAT : params.get(0).value().dataType();
    }

    /**
     * New tensors of zeros with the same names, types and shapes, as contiguous views of one flat buffer.
     * Optimizers use it for their moment buffers.
     */
    public Params zerosLike() {
        return zerosLike(dataType());
    }

    /** Like {@link #zerosLike()}, in the given data type. */
    public Params zerosLike(DataType dataType) {
        INDArray flat = Nd4j.zeros(dataType, Math.max(1, numElements()));
        return viewsOf(flat);
    }

    /** A deep copy: same names, types and shapes, values copied into one new flat buffer. */
    public Params copy() {
        Params copy = zerosLike();
        for (int i = 0; i < size(); i++) {
            copy.value(i).assign(value(i));
        }
        return copy;
    }

    /**
     * Tensors with these names, types and shapes as consecutive contiguous views of {@code flat}, which must have
     * at least {@link #numElements()} entries. The returned tensors share memory with {@code flat}.
     */
    public Params viewsOf(INDArray flat) {
        if (flat.length() < numElements()) {
            throw new IllegalArgumentException("flat buffer has " + flat.length() + " entries, need " + numElements());
        }
        INDArray line = flat.reshape(flat.length());
        List<Param> views = new ArrayList<>(params.size());
        long offset = 0;
        for (Param p : params) {
            long n = p.value().length();
            INDArray view = line.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + n))
                    .reshape('c', p.value().shape());
            views.add(new Param(p.name(), p.type(), view));
            offset += n;
        }
        return new Params(views);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Params[");
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            s.append(i == 0 ? "" : ", ").append(p.name()).append(':').append(p.type())
                    .append(Arrays.toString(p.shape()));
        }
        return s.append(']').toString();
    }
}
