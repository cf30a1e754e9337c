package org.optbench.harness.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.optbench.api.BadInputException;
import org.optbench.api.HyperParameters;
import org.optbench.tuning.search.SearchSpaceReader;

/**
 * What a study needs to know of a submission before any trial: its name, its self-tuning default point and its
 * default search space. For a jar it comes out of a confined, time-limited JVM ({@code JarInspector} there); the
 * process that plans studies never loads a jar's classes.
 *
 * @param name its {@code name()}, checked to be a short lowercase name (it becomes a directory name)
 * @param className the implementing class
 * @param jar the jar's absolute path, or {@code null} for a built-in
 * @param defaults {@code defaultHyperParameters()}, in order
 * @param optionalHyperParameters {@code optionalHyperParameters()}: names it takes beyond its default point
 * @param searchSpaceJson {@code searchSpaceJson()}, or {@code null} when it has none
 */
public record SubmissionDescription(String name, String className, String jar, Map<String, Object> defaults,
                                    Set<String> optionalHyperParameters, String searchSpaceJson) {
    /** What a submission's {@code name()} may be: it names directories and leaderboard rows. */
    public static final String NAME_PATTERN = "[a-z0-9][a-z0-9_.-]{0,63}";

    /** Checks the name and the values. */
    public SubmissionDescription {
        if (name == null || !name.matches(NAME_PATTERN)) {
            throw new BadInputException((jar != null ? jar + ": " : "") + className + ".name() returned '" + name
                    + "'; expected a short lowercase name of letters, digits, '_', '.' or '-'");
        }
        defaults = new LinkedHashMap<>(HyperParameters.of(defaults == null ? Map.of() : defaults).asMap());
        optionalHyperParameters = optionalHyperParameters == null ? Set.of()
                : Collections.unmodifiableSet(new TreeSet<>(optionalHyperParameters));
    }

    /** The default search space, if it ships one. */
    public Optional<String> searchSpace() {
        return Optional.ofNullable(searchSpaceJson);
    }

    /**
     * The hyperparameters it is known to take: those of its default point, its optional ones and those of its search
     * space. Empty when it names none, in which case nothing can be checked.
     */
    public Set<String> knownHyperParameters() {
        Set<String> known = new LinkedHashSet<>(defaults.keySet());
        known.addAll(optionalHyperParameters);
        if (searchSpaceJson != null) {
            known.addAll(SearchSpaceReader.parse(searchSpaceJson, name + " default search space").names());
        }
        return known;
    }

    /** Describes a submission instance that may run in this process (a built-in). */
    public static SubmissionDescription of(org.optbench.api.Submission submission, String jar) {
        return new SubmissionDescription(submission.name(), submission.getClass().getName(), jar,
                submission.defaultHyperParameters().asMap(), submission.optionalHyperParameters(),
                submission.searchSpaceJson().orElse(null));
    }
}
