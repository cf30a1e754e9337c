/**
 * The {@code quadratic} workloads: least squares on a synthetic, ill-conditioned design whose condition number is
 * a parameter. Fast (a step is tens of microseconds), and a problem on which preconditioning visibly matters.
 */
package org.optbench.workloads.quadratic;
