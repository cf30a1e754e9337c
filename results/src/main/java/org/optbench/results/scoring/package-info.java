/**
 * AlgoPerf's benchmark score, each step a small function: time to target per trial
 * ({@link org.optbench.results.scoring.TimeToTarget}), the best trial per study
 * ({@link org.optbench.results.scoring.BestTrial}), the median over studies
 * ({@link org.optbench.results.scoring.StudyMedian}), the held-out and 4x rules
 * ({@link org.optbench.results.scoring.Penalties}), ratios, performance profiles and the normalised integral
 * ({@link org.optbench.results.scoring.PerformanceProfile}), tied together by
 * {@link org.optbench.results.scoring.Scoring}. Inputs: optbench records
 * ({@link org.optbench.results.scoring.RecordTimes}), AlgoPerf's logs with a targets file
 * ({@link org.optbench.results.scoring.AlgoPerfLogs}), or a CSV of per-workload times
 * ({@link org.optbench.results.scoring.TimesCsv}).
 */
package org.optbench.results.scoring;
