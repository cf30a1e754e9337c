/**
 * Rulesets and study plans.
 *
 * <p>{@link org.optbench.tuning.plan.StudyPlanner} turns a submission, its workloads with their budgets, a
 * {@link org.optbench.tuning.plan.Ruleset} (external or self-tuning, with AlgoPerf's presets) and one experiment seed
 * into a {@link org.optbench.tuning.plan.StudyPlan}: immutable {@link org.optbench.tuning.plan.TrialSpec}s with
 * seeds from {@link org.optbench.tuning.plan.SeedDerivation}, written and read by
 * {@link org.optbench.tuning.plan.PlanJson}.
 */
package org.optbench.tuning.plan;
