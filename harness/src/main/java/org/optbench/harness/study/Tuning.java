package org.optbench.harness.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.optbench.api.BadInputException;
import org.optbench.harness.catalog.SubmissionDescription;
import org.optbench.harness.launch.TrialSettings;
import org.optbench.harness.trial.ClockKind;
import org.optbench.results.records.TrialRecord;
import org.optbench.tuning.plan.Ruleset;
import org.optbench.tuning.plan.StudyPlan;
import org.optbench.tuning.plan.StudyPlanner;
import org.optbench.tuning.plan.TrialSpec;
import org.optbench.tuning.plan.WorkloadBudget;
import org.optbench.tuning.search.SearchSpace;
import org.optbench.tuning.search.SearchSpaceReader;
import org.optbench.workloads.Workloads;

/**
 * Tuning studies, {@code tune}'s and {@code leaderboard}'s alike: checks each submission (a jar in a confined JVM),
 * measures the machine, plans each study, and runs the missing trials of all of them through one executor.
 */
public final class Tuning {
    private Tuning() {
    }

    /** Studies ready to run, and how. */
    public record Prepared(List<PlannedStudy> studies, StudyExecutor executor, MachineSetup machine, ClockKind clock) {
    }

    /**
     * The clock of a ruleset preset: AlgoPerf's presets keep its wall clock, whose rules assume a dedicated machine;
     * {@code local} times by CPU time, which holds on a shared one.
     */
    public static ClockKind presetClock(String preset) {
        return preset != null && preset.startsWith("algoperf-") ? ClockKind.WALL : ClockKind.CPU;
    }

    /**
     * Checks, measures and plans.
     *
     * @param notes hears lines for the user (how the machine was classed and scaled, how trials are sized)
     */
    public static Prepared prepare(RunEnvironment env, List<StudyRequest> requests, Consumer<String> notes) {
        if (requests.isEmpty()) {
            throw new BadInputException("no submission to run");
        }
        ClockKind clock = env.clock() != null ? env.clock() : presetClock(requests.get(0).preset());
        List<SubmissionDescription> described = new ArrayList<>();
        Map<String, String> namedBy = new HashMap<>();
        Set<String> workloads = new LinkedHashSet<>();
        boolean budgetsGiven = true;
        for (StudyRequest request : requests) {
            SubmissionDescription submission = Submissions.describe(request.submission(), env.allowUnchecked(),
                    helperSettings(env, request.submission()));
            String source = request.submission().isJar() ? request.submission().jar().getFileName().toString()
                    : request.submission().nameOrJar();
            String other = namedBy.putIfAbsent(submission.name(), source);
            if (other != null) {
                // Records are kept by name: the second study's trials would be the first's.
                throw new BadInputException("two submissions are named '" + submission.name() + "' (" + other
                        + " and " + source + "); each needs a name of its own");
            }
            described.add(submission);
            request.workloads().forEach(Workloads::spec); // an unknown name fails here, before anything runs
            workloads.addAll(request.workloads());
            budgetsGiven &= request.budgetSeconds() != null;
        }
        OutputDirectory.writable(env.out());
        MachineSetup machine = MachineSetup.resolve(env);
        List<StudyPlan> plans = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            plans.add(plan(requests.get(i), described.get(i), machine, env.allowUnknownHparams()));
        }
        if (!budgetsGiven && anyMissing(plans, new StudyLayout(env.out()), clock)) {
            machine = machine.probed(env, List.copyOf(workloads),
                    helperSettings(env, new SubmissionChoice("adamw", null)));
        }
        machine.notes().forEach(notes);
        ExecutorFactory.Sized sized = ExecutorFactory.create(env, clock, machine.budgets().hardwareClass(),
                env.out().resolve("slurm"));
        sized.notes().forEach(notes);
        List<PlannedStudy> studies = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            StudyRequest request = requests.get(i);
            SubmissionDescription submission = described.get(i);
            StudyPlan plan = plans.get(i);
            TrialSettings settings = TrialSettings.defaults()
                    .withDataDir(env.dataDir() == null ? null : env.dataDir().toAbsolutePath().toString())
                    .withEvalPeriodSeconds(env.evalPeriodSeconds())
                    .withHardwareClass(machine.budgets().hardwareClass())
                    .withSubmissionJar(submission.jar(), submission.jar() == null ? null : submission.className())
                    .withClock(clock).withBudgetScale(machine.budgetScale()).withLimits(sized.limits())
                    .withSandbox(env.sandboxFor(request.submission()));
            studies.add(new PlannedStudy(plan, new StudyLayout(env.out()), settings, true));
        }
        return new Prepared(studies, sized.executor(), machine, clock);
    }

    private static boolean anyMissing(List<StudyPlan> plans, StudyLayout layout, ClockKind clock) {
        for (StudyPlan plan : plans) {
            for (TrialSpec spec : plan.trials()) {
                if (!FinishedTrials.holds(layout.trialDir(spec), spec, clock)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Runs the prepared studies' missing trials; each study's records, in plan order. */
    public static List<List<TrialRecord>> run(Prepared prepared, StudyProgress progress) {
        return Studies.run(prepared.studies(), prepared.executor(), progress);
    }

    /** The plan a request describes; deterministic, so the same command plans the same study. */
    static StudyPlan plan(StudyRequest request, SubmissionDescription submission, MachineSetup machine,
                          boolean allowUnknownHparams) {
        Ruleset rules = Ruleset.preset(request.preset(), request.kind());
        if (request.studies() != null) {
            rules = rules.withStudies(request.studies());
        }
        if (request.trials() != null) {
            if (request.kind() == Ruleset.Kind.SELF_TUNING && request.trials() != 1) {
                throw new BadInputException("--trials must be 1 under the self-tuning ruleset, got "
                        + request.trials());
            }
            rules = rules.withTrialsPerStudy(request.trials());
        }
        List<WorkloadBudget> budgets = new ArrayList<>();
        for (String name : request.workloads()) {
            double budget = request.budgetSeconds() != null ? request.budgetSeconds()
                    : machine.budgets().budgetSeconds(name);
            if (!(budget > 0)) {
                throw new BadInputException("--budget-seconds must be positive, got " + budget);
            }
            budgets.add(new WorkloadBudget(name, budget));
        }
        if (request.kind() == Ruleset.Kind.SELF_TUNING) {
            return StudyPlanner.planSelfTuning(submission.name(), budgets, rules, submission.defaults(),
                    request.seed());
        }
        SearchSpace space;
        if (request.searchSpace() != null) {
            space = SearchSpaceReader.read(request.searchSpace());
            Map<String, Object> names = new LinkedHashMap<>();
            space.names().forEach(n -> names.put(n, 0));
            Submissions.checkNames(submission, names, "search space " + request.searchSpace(), allowUnknownHparams);
        } else {
            String json = submission.searchSpace().orElseThrow(() -> new BadInputException("submission '"
                    + submission.name() + "' ships no search space; give one with --search-space FILE"));
            space = SearchSpaceReader.parse(json, submission.name() + " default search space");
        }
        return StudyPlanner.planExternal(submission.name(), budgets, rules, space, request.seed());
    }

    /** The settings a helper JVM (inspection, probe) for this submission runs with. */
    static TrialSettings helperSettings(RunEnvironment env, SubmissionChoice submission) {
        return TrialSettings.defaults().withSandbox(env.sandboxFor(submission)).withLimits(env.limits());
    }
}
