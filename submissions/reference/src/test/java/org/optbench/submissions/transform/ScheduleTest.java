package org.optbench.submissions.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScheduleTest {
    @Test
    void warmupCosineDecayAtHandComputedPoints() {
        // step hint 10, warm-up factor 0.2: W = 2, D = 8
        Schedule s = Schedule.warmupCosineDecay(1.0, 0.2, 10);
        assertEquals(0.0, s.at(0), 0);
        assertEquals(0.5, s.at(1), 1e-15);
        assertEquals(1.0, s.at(2), 1e-15);
        assertEquals(0.5 + Math.sqrt(2) / 4, s.at(4), 1e-15); // cos(pi/4)
        assertEquals(0.5, s.at(6), 1e-15);                    // cos(pi/2)
        assertEquals(0.5 - Math.sqrt(2) / 4, s.at(8), 1e-15); // cos(3pi/4)
        assertEquals(0.0, s.at(10), 1e-15);                   // end of decay
        assertEquals(0.0, s.at(1000), 1e-15);                 // stays at 0 past the step hint
    }

    @Test
    void warmupStepsRoundDownAndZeroWarmupStartsAtThePeak() {
        // int(0.05 * 30) = int(1.5) = 1: lr(0) = 0, then the cosine over D = 29 starts at lr0
        Schedule s = Schedule.warmupCosineDecay(2.0, 0.05, 30);
        assertEquals(0.0, s.at(0), 0);
        assertEquals(2.0, s.at(1), 1e-15);
        assertEquals(2.0 * 0.5 * (1 + Math.cos(Math.PI / 29)), s.at(2), 1e-15);
        Schedule noWarmup = Schedule.warmupCosineDecay(3.0, 0.0, 4);
        assertEquals(3.0, noWarmup.at(0), 0);
        assertEquals(1.5, noWarmup.at(2), 1e-15);
    }

    @Test
    void scheduleFreeWarmupCountsTheFirstStep() {
        Schedule s = Schedule.linearWarmupFromFirstStep(0.3, 3);
        assertEquals(0.1, s.at(0), 1e-15);
        assertEquals(0.2, s.at(1), 1e-15);
        assertEquals(0.3, s.at(2), 1e-15);
        assertEquals(0.3, s.at(50), 0);
        assertEquals(0.3, Schedule.linearWarmupFromFirstStep(0.3, 0).at(0), 0);
    }
}
