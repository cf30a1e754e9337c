package org.optbench.workloads.lm;

/** Where a decoder block's two LayerNorms sit relative to its residual connections. */
public enum NormPlacement {
    /** {@code h = x + attn(LN1(x))}, {@code y = h + mlp(LN2(h))} (GPT-2; the stream itself is never normalised). */
    PRE,
    /** {@code h = LN1(x + attn(x))}, {@code y = LN2(h + mlp(h))} (the original Transformer). */
    POST
}
