package org.optbench.harness.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.optbench.api.BadInputException;
import org.optbench.api.Submission;

/** The built-in submissions, found through {@link ServiceLoader} on the class path, by name. */
public final class SubmissionCatalog {
    private SubmissionCatalog() {
    }

    /** Name to a factory of fresh instances, sorted by name. */
    public static Map<String, Supplier<Submission>> builtIns() {
        Map<String, Supplier<Submission>> byName = new TreeMap<>();
        for (ServiceLoader.Provider<Submission> provider : ServiceLoader.load(Submission.class).stream().toList()) {
            Submission probe = provider.get();
            byName.put(probe.name(), provider::get);
        }
        return byName;
    }

    /** The names of the built-in submissions. */
    public static List<String> names() {
        return new ArrayList<>(builtIns().keySet());
    }

    /** A fresh instance of the built-in submission of this name. */
    public static Submission create(String name) {
        Supplier<Submission> factory = builtIns().get(name);
        if (factory == null) {
            throw new BadInputException("unknown submission '" + name + "'; known: " + String.join(", ", names())
                    + " (or a path to a submission jar)");
        }
        return factory.get();
    }
}
