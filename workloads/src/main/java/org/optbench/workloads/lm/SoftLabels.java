package org.optbench.workloads.lm;

/**
 * A small model's help in training a larger one: its next-symbol distribution at every position, mixed into the
 * training loss with {@code weight} ({@code (1 - weight)} cross-entropy to the text, {@code weight} KL divergence to
 * the small model). Evaluation is untouched: the validation metric stays the plain cross-entropy on held-out text.
 *
 * @param model the small model
 * @param weight the KL term's weight, in [0, 1]; 0 trains exactly as without it
 */
public record SoftLabels(CharNgramModel model, double weight) {
    /** Checks the weight. */
    public SoftLabels {
        if (model == null || !(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("soft labels need a model and a weight in [0, 1], got " + weight);
        }
    }
}
