package org.optbench.results.scoring;

/**
 * One study's time: the hit of its best trial (step 2).
 *
 * @param study the study index
 * @param best the best trial's hit, {@link TargetHit#never} when no trial reached the target
 */
public record StudyTime(int study, TargetHit best) {
}
