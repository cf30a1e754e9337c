/** Leaderboard charts (XChart), rendered to PNG for files and the HTML report. */
package org.optbench.results.plots;
