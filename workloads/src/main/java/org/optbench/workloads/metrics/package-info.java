/**
 * Ranking metrics of binary predictions computed from scores and labels in plain Java: average precision (as
 * scikit-learn's {@code average_precision_score}) and the area under the ROC curve.
 */
package org.optbench.workloads.metrics;
