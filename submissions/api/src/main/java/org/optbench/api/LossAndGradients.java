package org.optbench.api;

/**
 * The result of one forward and backward pass: the mean training loss over the batch and its gradient with
 * respect to each parameter, in the order and shapes of {@link Params}. The gradient tensors are reused by the next
 * call: read them, or copy them, before asking again.
 *
 * @param loss the mean loss over the batch (not finite when training diverged)
 * @param gradients d loss / d parameter, same names, types and shapes as the parameters
 */
public record LossAndGradients(double loss, Params gradients) {
}
