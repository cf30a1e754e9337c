/**
 * Second-order preconditioners as {@link org.optbench.submissions.transform.GradientTransformation} links, and the
 * optimizers built from them ({@link org.optbench.submissions.precondition.PreconditionedOptimizers}):
 * <ul>
 *   <li>Shampoo, Google {@code distributed_shampoo} semantics: {@link ShampooPreconditioner} (blocked EMA
 *       statistics, {@link InverseRoot} by symmetric eigendecomposition) inside {@link ShampooDirection}
 *       (RMSProp-normalised graft, two momenta, Nesterov).</li>
 *   <li>SONew, init2winit {@code tds} semantics: {@link ScaleBySonew} over the closed-form LogDet solves
 *       {@link TridiagonalLogDet} and {@link BandedLogDet}.</li>
 *   <li>Sketchy, tearfree's composition: {@link ScaleBySketchy} over per-axis {@link FrequentDirections}
 *       sketches.</li>
 * </ul>
 * Every link works in float32 and float64 (the parameters' type) and allocates no tensors per step except where
 * a decomposition is recomputed (Shampoo's roots, Sketchy's per-step eigendecomposition).
 */
package org.optbench.submissions.precondition;
