package org.optbench.harness.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.optbench.api.BadInputException;
import org.optbench.harness.budgets.Budgets;
import org.optbench.harness.probe.SpeedProbe;

/**
 * The budget scale follows the speed probe's ratio continuously: a machine probed at 0.88x and one at 0.80x get
 * budgets 0.88 and 0.80 of the class's (before, the first ran unscaled, 1/0.88 = 14 % more than its speed gives,
 * while the second was scaled: two probes 10 % apart gave budgets 25 % apart). The tolerance only says whether the
 * machine is outside the class, which {@code --strict-hardware} refuses.
 */
class MachineSetupTest {
    private static MachineSetup unprobed() {
        return new MachineSetup(Budgets.resolve("cpu-2core", null), 1.0, List.of());
    }

    private static SpeedProbe.Comparison probe(double ratio) {
        return new SpeedProbe.Comparison(Map.of("mnist_mlp", 0.002 * ratio), Map.of("mnist_mlp", 0.002), ratio);
    }

    @Test
    void withinTheToleranceTheBudgetsAreScaledByTheRatioAndOneLineSaysSo() {
        MachineSetup m = unprobed().scaled(probe(0.88), true);
        assertEquals(0.88, m.budgetScale(), 1e-12);
        assertEquals(List.of("this machine's speed probe is 0.88x cpu-2core's, within 15 %: budgets scaled by 0.88"),
                m.notes());
    }

    @Test
    void beyondItTheyAreScaledTooOrStrictHardwareRefuses() {
        MachineSetup m = unprobed().scaled(probe(0.80), false);
        assertEquals(0.80, m.budgetScale(), 1e-12);
        assertEquals(1, m.notes().size());
        assertTrue(m.notes().get(0).startsWith("this machine's speed probe is 0.80x cpu-2core's (mnist_mlp 1.60 ms vs "
                + "2.00 ms); more than 15 % off, budgets scaled by 0.80"), m.notes().get(0));
        BadInputException refused = assertThrows(BadInputException.class, () -> unprobed().scaled(probe(0.80), true));
        assertTrue(refused.getMessage().endsWith("more than 15 % off: --strict-hardware refuses to run here"),
                refused.getMessage());
    }

    @Test
    void theScaleHasNoJumpAtTheToleranceEdges() {
        for (double edge : List.of(1 - SpeedProbe.TOLERANCE, 1 + SpeedProbe.TOLERANCE)) {
            double below = unprobed().scaled(probe(edge - 0.001), false).budgetScale();
            double above = unprobed().scaled(probe(edge + 0.001), false).budgetScale();
            assertEquals(0.002, above - below, 1e-9, "at " + edge);
        }
    }
}
