package org.optbench.tuning.plan;

import java.util.List;
import java.util.Locale;
import org.optbench.api.BadInputException;

/**
 * How many trials a submission gets on each workload, and with what budget (AlgoPerf's tuning rulesets).
 * <ul>
 *   <li>{@link Kind#EXTERNAL}: S studies x T trials, each trial with hyperparameters drawn from the submission's
 *       search space and the workload's full budget (factor 1).</li>
 *   <li>{@link Kind#SELF_TUNING}: S studies x 1 trial, no search space, the budget multiplied by a factor.</li>
 * </ul>
 * Presets ({@link #preset}): {@code algoperf-v0.5} (external 5 x 5; self-tuning 5 x 1, budget x3),
 * {@code algoperf-v0.6} (external 3 x 5; self-tuning 3 x 1, budget x1.5) and {@code local}, the default, sized
 * for one small machine (external 1 x 3; self-tuning 1 x 1, budget x1).
 *
 * @param name the preset's name, recorded with every trial
 * @param kind external or self-tuning
 * @param studies S, the number of independent studies (&gt;= 1)
 * @param trialsPerStudy T, trials per study and workload (&gt;= 1; exactly 1 for self-tuning)
 * @param budgetFactor the workload budget's multiplier (exactly 1 for external; &gt; 0 for self-tuning)
 */
public record Ruleset(String name, Kind kind, int studies, int trialsPerStudy, double budgetFactor) {

    /** The preset used when none is named. */
    public static final String DEFAULT_PRESET = "local";

    private static final List<String> PRESETS = List.of("algoperf-v0.5", "algoperf-v0.6", "local");

    /** The two tuning rulesets. */
    public enum Kind {
        /** A search space, S x T trials, the full budget each. */
        EXTERNAL("external", "external_tuning"),
        /** No search space, S x 1 trial, the budget times a factor. */
        SELF_TUNING("self-tuning", "self_tuning");

        private final String label;
        private final String directoryName;

        Kind(String label, String directoryName) {
            this.label = label;
            this.directoryName = directoryName;
        }

        /** The name users type and files store: {@code external} or {@code self-tuning}. */
        public String label() {
            return label;
        }

        /** AlgoPerf's name in log directories: {@code external_tuning} or {@code self_tuning}. */
        public String directoryName() {
            return directoryName;
        }

        /** Parses {@code external} or {@code self-tuning} (also {@code self_tuning}, any case). */
        public static Kind parse(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            return switch (t) {
                case "external", "external-tuning" -> EXTERNAL;
                case "self-tuning", "self" -> SELF_TUNING;
                default -> throw new BadInputException("unknown tuning ruleset kind '" + text
                        + "', expected external or self-tuning");
            };
        }
    }

    public Ruleset {
        if (name == null || name.isBlank()) {
            throw new BadInputException("a ruleset needs a name");
        }
        if (kind == null) {
            throw new BadInputException("ruleset '" + name + "' needs a kind: external or self-tuning");
        }
        if (studies < 1) {
            throw new BadInputException("ruleset '" + name + "': studies must be at least 1, got " + studies);
        }
        if (trialsPerStudy < 1) {
            throw new BadInputException("ruleset '" + name + "': trials per study must be at least 1, got "
                    + trialsPerStudy);
        }
        if (kind == Kind.SELF_TUNING && trialsPerStudy != 1) {
            throw new BadInputException("ruleset '" + name + "': self-tuning runs exactly 1 trial per study, got "
                    + trialsPerStudy);
        }
        if (!(budgetFactor > 0) || Double.isInfinite(budgetFactor)) {
            throw new BadInputException("ruleset '" + name + "': the budget factor must be a positive number, got "
                    + budgetFactor);
        }
        if (kind == Kind.EXTERNAL && budgetFactor != 1.0) {
            throw new BadInputException("ruleset '" + name
                    + "': external tuning gives every trial the full budget (factor 1), got " + budgetFactor);
        }
    }

    /** The known preset names. */
    public static List<String> presetNames() {
        return PRESETS;
    }

    /** A named preset of the given kind; an unknown name is a {@link BadInputException} listing the known ones. */
    public static Ruleset preset(String name, Kind kind) {
        boolean external = kind == Kind.EXTERNAL;
        return switch (name == null ? "" : name) {
            case "algoperf-v0.5" -> external ? new Ruleset(name, kind, 5, 5, 1.0) : new Ruleset(name, kind, 5, 1, 3.0);
            case "algoperf-v0.6" -> external ? new Ruleset(name, kind, 3, 5, 1.0) : new Ruleset(name, kind, 3, 1, 1.5);
            case "local" -> external ? new Ruleset(name, kind, 1, 3, 1.0) : new Ruleset(name, kind, 1, 1, 1.0);
            default -> throw new BadInputException("unknown ruleset '" + name + "' (known: "
                    + String.join(", ", PRESETS) + ")");
        };
    }

    /** This ruleset with another number of studies (a user's override). */
    public Ruleset withStudies(int studies) {
        return new Ruleset(name, kind, studies, trialsPerStudy, budgetFactor);
    }

    /** This ruleset with another number of trials per study (a user's override; self-tuning allows only 1). */
    public Ruleset withTrialsPerStudy(int trials) {
        return new Ruleset(name, kind, studies, trials, budgetFactor);
    }

    /** The budget of every trial on a workload whose own budget is {@code workloadBudgetSeconds}. */
    public double trialBudgetSeconds(double workloadBudgetSeconds) {
        return workloadBudgetSeconds * budgetFactor;
    }
}
