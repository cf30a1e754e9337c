/**
 * Trial records, AlgoPerf compatible: per trial a directory
 * {@code <experiment>/<submission>/study_<j>/<workload>/trial_<k>/} with {@code eval_measurements.csv},
 * {@code hparams.json}, {@code meta_data.json} and, written last, {@code trial.json}
 * ({@link org.optbench.results.records.TrialRecordWriter}, {@link org.optbench.results.records.TrialRecords}).
 * Every file is replaced atomically; a directory is complete exactly when its {@code trial.json} exists.
 */
package org.optbench.results.records;
