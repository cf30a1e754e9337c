package org.optbench.harness.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.optbench.harness.trial.ClockKind;

/** The launcher's budget backstop, fed readings by hand: budget 25.1 s, so the limit is 25.1 x 1.1 + 5 = 32.61 s. */
class BudgetBackstopTest {
    private static final double BUDGET = 25.1;
    private static final long S = 1_000_000_000L;

    @Test
    void timeTheTrialsClockLeavesOutBeforeItsLastReportIsNotCounted() {
        // The process tree started the clock at 100 s of CPU; by the report of 24.0 s of submission time it had spent
        // 33.0 s (9 s of them its JIT compilers'), more than the limit counted from the start.
        BudgetBackstop backstop = new BudgetBackstop(ClockKind.CPU, BUDGET, 100, 0);
        backstop.reported(24.0, 133.0, 50 * S);
        assertNull(backstop.verdict(133.3, 51 * S, 0.0));
        assertEquals(24.3, backstop.used(133.3, 51 * S), 1e-9);
    }

    @Test
    void aStepThatNeverEndsIsKilledOnceItsOwnTimeCarriesThePastTheLimit() {
        BudgetBackstop backstop = new BudgetBackstop(ClockKind.CPU, BUDGET, 100, 0);
        backstop.reported(24.0, 133.0, 50 * S);
        assertNull(backstop.verdict(133.0 + 8.6, 60 * S, 0.0), "24.0 + 8.6 = 32.6 s, under 32.61");
        assertEquals("over budget: 32.7 s of cpu time inside one step, past the 25.1-s budget; the trial JVM was "
                + "killed", backstop.verdict(133.0 + 8.7, 61 * S, 0.0));
    }

    @Test
    void beforeAnyReportTheClocksStartIsTheAnchor() {
        BudgetBackstop backstop = new BudgetBackstop(ClockKind.CPU, 1.0, 7.0, 0);
        assertNull(backstop.verdict(7.0 + 6.0, 100 * S, 0.0), "1.1 + 5 = 6.1 s");
        assertEquals("over budget: 6.2 s of cpu time inside one step, past the 1.0-s budget; the trial JVM was killed",
                backstop.verdict(7.0 + 6.2, 100 * S, 0.0));
    }

    @Test
    void onTheWallClockTheAnchorIsTheReportsWallTime() {
        BudgetBackstop backstop = new BudgetBackstop(ClockKind.WALL, BUDGET, 0, 10 * S);
        backstop.reported(20.0, 0, 40 * S);
        // 20 s reported at 40 s; 12.6 s later the step has run 32.6 s in all: not yet; at 12.7 s it has.
        assertNull(backstop.verdict(999, 40 * S + 12_600_000_000L, 0.0));
        assertEquals("over budget: 32.7 s of wall time inside one step, past the 25.1-s budget; the trial JVM was "
                + "killed", backstop.verdict(999, 40 * S + 12_700_000_000L, 0.0));
    }

    @Test
    void reportsThatUnderstateTheTimeStillMeetTheWholeProcessBound() {
        // Reports that say 1 s however much the process works: the bound on the whole tree, 2 x 25.1 + 30 = 80.2 s
        // outside evaluations (here 10 s of them), ends it.
        BudgetBackstop backstop = new BudgetBackstop(ClockKind.CPU, BUDGET, 0, 0);
        backstop.reported(1.0, 90.0, 0);
        assertNull(backstop.verdict(90.2, 0, 10.0));
        assertEquals("over budget: its processes spent 80.3 s of cpu time outside evaluations, past twice the "
                + "25.1-s budget; the trial JVM was killed", backstop.verdict(90.3, 0, 10.0));
    }
}
