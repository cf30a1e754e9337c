package org.optbench.harness.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.optbench.api.BadInputException;
import org.optbench.harness.budgets.Budgets;
import org.optbench.harness.launch.TrialSettings;
import org.optbench.harness.hardware.HardwareFingerprint;
import org.optbench.harness.probe.ProbeRecord;
import org.optbench.harness.probe.SpeedProbe;
import org.optbench.workloads.Suites;

/**
 * The machine a study runs on, measured before it starts: its hardware class and budgets, and the factor its speed
 * probe says the budgets must be scaled by ({@link SpeedProbe}). A study whose budgets the user gave
 * ({@code --budget-seconds}) is not probed: those seconds are this machine's; nor is one with nothing left to run.
 *
 * @param budgets the class and its budgets
 * @param budgetScale what every trial's budget is multiplied by on this machine
 * @param notes lines to show the user (how the class was chosen, what the probe found)
 */
public record MachineSetup(Budgets budgets, double budgetScale, List<String> notes) {

    /** Resolves the hardware class and its budgets; the budget scale is 1 until {@link #probed} measures it. */
    public static MachineSetup resolve(RunEnvironment env) {
        Budgets budgets = Budgets.resolve(env.hardwareClass(), env.budgetsDir());
        List<String> notes = new ArrayList<>();
        if (budgets.note() != null) {
            notes.add(budgets.note());
        }
        return new MachineSetup(budgets, 1.0, List.copyOf(notes));
    }

    /**
     * This machine probed: the budget scale set to the probe's ratio, or a refusal under {@code --strict-hardware}
     * when it differs from the class by more than the tolerance. The ratio applies within the tolerance too: a dead
     * band made the budgets jump by its width where a probe crossed its edge (this machine, quiet at 0.80, had its
     * budgets scaled; beside two busy loops at 0.88 it ran them unscaled, 25 % longer). The figures are kept in
     * the output directory ({@link ProbeRecord}), so a resumed study scales its budgets as it began. Every base
     * workload is probed, whatever the study trains: the machine's ratio is one number, and one workload's figure
     * alone moved by a third between probes minutes apart where the geometric mean of seven moved by a tenth.
     *
     * @param helperSettings the sandbox and heap the probe's JVM runs with
     */
    public MachineSetup probed(RunEnvironment env, List<String> workloads, TrialSettings helperSettings) {
        Map<String, Double> measured = ProbeRecord.figures(env.out(), SpeedProbe.probedWorkloads(
                Suites.workloads("quick", Suites.DEFAULT_HELD_OUT_SEED)), HardwareFingerprint.probe(),
                needed -> SpeedProbe.measure(needed, helperSettings));
        SpeedProbe.Comparison probe = SpeedProbe.compare(measured, budgets.table());
        return scaled(probe, env.strictHardware());
    }

    /** The budgets scaled by the probe's ratio, with one line saying so; refused when strict and out of tolerance. */
    MachineSetup scaled(SpeedProbe.Comparison probe, boolean strictHardware) {
        if (probe.differs() && strictHardware) {
            throw new BadInputException(probe.describe(budgets.hardwareClass()) + ", more than "
                    + Math.round(SpeedProbe.TOLERANCE * 100) + " % off: --strict-hardware refuses to run here");
        }
        List<String> more = new ArrayList<>(notes);
        more.add(probe.differs()
                ? probe.describe(budgets.hardwareClass()) + String.format(Locale.ROOT,
                        "; more than %.0f %% off, budgets scaled by %.2f (--strict-hardware refuses instead)",
                        SpeedProbe.TOLERANCE * 100, probe.ratio())
                : String.format(Locale.ROOT, "this machine's speed probe is %.2fx %s's, within %.0f %%: budgets "
                        + "scaled by %.2f", probe.ratio(), budgets.hardwareClass(), SpeedProbe.TOLERANCE * 100,
                        probe.ratio()));
        return new MachineSetup(budgets, probe.ratio(), List.copyOf(more));
    }
}
