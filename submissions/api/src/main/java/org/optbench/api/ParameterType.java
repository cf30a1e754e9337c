package org.optbench.api;

/**
 * What a parameter tensor is in its model. Optimizers may use it generically, for example to exempt biases and
 * normalisation parameters from weight decay; they may not use it to identify a workload.
 */
public enum ParameterType {
    /** A dense layer's weight matrix, shape {@code [in, out]}. */
    WEIGHT,
    /** An additive bias, shape {@code [n]}. */
    BIAS,
    /** A convolution kernel, shape {@code [out channels, in channels, kernel height, kernel width]}. */
    CONV_WEIGHT,
    /** An embedding table, shape {@code [rows, dimension]}. */
    EMBEDDING,
    /** The scale (gamma) of a normalisation layer, shape {@code [n]}. */
    NORM_SCALE,
    /** The shift (beta) of a normalisation layer, shape {@code [n]}. */
    NORM_BIAS,
    /** Anything else, for example the solution vector of a least-squares problem. */
    OTHER
}
