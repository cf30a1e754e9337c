/**
 * The CI regression gate: a baseline of times to target, step times and scores, compared with current records
 * under tolerances, reported as JUnit XML and Markdown.
 */
package org.optbench.results.regression;
