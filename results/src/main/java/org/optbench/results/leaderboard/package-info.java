/**
 * The leaderboard: record trees scored per experiment with bootstrap intervals, written as Markdown, CSV and a
 * self-contained HTML page with plots, and as a baseline for the regression gate.
 */
package org.optbench.results.leaderboard;
