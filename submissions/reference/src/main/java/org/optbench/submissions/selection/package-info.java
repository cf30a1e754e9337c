/**
 * Data selection for the built-in submissions: the baseline that keeps the examples a workload scores highest.
 */
package org.optbench.submissions.selection;
