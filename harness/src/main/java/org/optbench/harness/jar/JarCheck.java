package org.optbench.harness.jar;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.optbench.api.ApiVersion;
import org.optbench.api.BadInputException;
import org.optbench.api.HyperParameters;
import org.optbench.api.Submission;
import org.optbench.tuning.search.SearchSpaceReader;

/**
 * Checks a submission jar before it runs:
 * <ol>
 *   <li>it opens, names its submission classes in {@code META-INF/services/org.optbench.api.Submission}, and every
 *       class is compiled for this Java and refers only to classes in the jar, the JDK, the api or ND4J (any of
 *       these failing is a malformed jar: {@link BadInputException});</li>
 *   <li>the api version in its manifest has the same major part as {@link ApiVersion#CURRENT} (a different one is
 *       a finding; none at all is a warning, because the reference check of step 1 already proves the jar links
 *       against this api);</li>
 *   <li>its bytecode, every class file of it ({@code META-INF/versions/} included), references nothing but its
 *       own classes and what the allow-list names ({@code allowed-references.txt}), and nothing the deny-list
 *       forbids: each reference that breaks a {@link Rule} is a finding;</li>
 *   <li>only then, since running the jar's code is what the check guards against: each submission class can be
 *       instantiated, its {@code name()} is a usable lowercase name, {@code defaultHyperParameters()} returns, and
 *       {@code searchSpaceJson()}, if present, parses as an AlgoPerf search space.</li>
 * </ol>
 */
public final class JarCheck {
    private JarCheck() {
    }

    /** Checks a jar; see the class comment. */
    public static CheckReport check(Path jarPath) {
        try (SubmissionJar jar = SubmissionJar.open(jarPath)) {
            List<Finding> findings = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            String jarName = jar.path().getFileName().toString();

            ClassLoader visible = jar.classLoader().getParent();
            BytecodeScanner scanner = scan(jar, visible);
            checkReferencesResolve(jar, scanner.referencedTypes(), visible);

            String apiVersion = jar.apiVersion().orElse(null);
            if (apiVersion == null) {
                warnings.add(jarName + ": the manifest has no " + ApiVersion.MANIFEST_ATTRIBUTE + " attribute; "
                        + "its classes link against api " + ApiVersion.CURRENT);
            } else {
                apiVersionFinding(apiVersion).ifPresent(findings::add);
            }
            findings.addAll(scanner.findings());

            Map<String, Class<? extends Submission>> classes = jar.submissionClasses();
            if (classes.isEmpty()) {
                throw new BadInputException(jarName + ": " + SubmissionJar.SERVICE_FILE
                        + " names no class that implements " + Submission.class.getName());
            }
            Map<String, String> submissions = new LinkedHashMap<>();
            if (findings.isEmpty()) {
                for (Class<? extends Submission> type : classes.values()) {
                    submissions.put(type.getName(), checkHooks(jar, type, findings));
                }
            } else {
                classes.keySet().forEach(name -> submissions.put(name, ""));
                warnings.add(jarName + ": the hooks were not run because the bytecode breaks the rules");
            }
            return new CheckReport(jar.path(), submissions, apiVersion, findings, warnings);
        }
    }

    /** Scans every class file of the jar against the {@link ReferencePolicy}. */
    private static BytecodeScanner scan(SubmissionJar jar, ClassLoader visible) {
        JarClasses own = new JarClasses(jar, visible);
        for (Map.Entry<String, byte[]> classFile : jar.classFiles().entrySet()) {
            try {
                own.add(classFile.getKey(), classFile.getValue());
            } catch (RuntimeException e) {
                throw invalidClassFile(jar, classFile.getKey(), e);
            }
        }
        BytecodeScanner scanner = new BytecodeScanner(new ReferencePolicy(new ForbiddenReferences(visible),
                AllowList.standard(), own));
        for (Map.Entry<String, byte[]> classFile : jar.classFiles().entrySet()) {
            try {
                scanner.scan(classFile.getKey(), classFile.getValue(), own.mayRun(classFile.getKey()));
            } catch (RuntimeException e) {
                throw invalidClassFile(jar, classFile.getKey(), e);
            }
        }
        return scanner;
    }

    private static BadInputException invalidClassFile(SubmissionJar jar, String entry, RuntimeException e) {
        return new BadInputException(jar.path().getFileName() + ": " + entry + " is not a valid class file ("
                + e.getClass().getSimpleName() + ")", e);
    }

    private static Optional<Finding> apiVersionFinding(String apiVersion) {
        String where = "manifest " + ApiVersion.MANIFEST_ATTRIBUTE;
        int major;
        try {
            major = ApiVersion.major(apiVersion);
        } catch (BadInputException e) {
            return Optional.of(new Finding(where, "is '" + apiVersion + "', not MAJOR.MINOR", Rule.API_VERSION));
        }
        if (major != ApiVersion.major(ApiVersion.CURRENT)) {
            return Optional.of(new Finding(where, "is " + apiVersion + ", but this optbench has api "
                    + ApiVersion.CURRENT + " (the major versions must match)", Rule.API_VERSION));
        }
        return Optional.empty();
    }

    private static void checkReferencesResolve(SubmissionJar jar, Map<String, String> referenced,
                                               ClassLoader visible) {
        List<String> missing = new ArrayList<>();
        String firstReferrer = null;
        for (Map.Entry<String, String> ref : referenced.entrySet()) {
            String type = ref.getKey();
            if (jar.definesClass(type) || isJdk(type)) {
                // A JDK class is the scan's to judge: one a confined JVM lacks (java.beans, java.desktop) is off
                // the allow-list, a finding; bundling it in the jar is no advice.
                continue;
            }
            try {
                Class.forName(type.replace('/', '.'), false, visible);
            } catch (ClassNotFoundException | LinkageError e) {
                if (missing.isEmpty()) {
                    firstReferrer = ref.getValue();
                }
                missing.add(type.replace('/', '.'));
            }
        }
        if (!missing.isEmpty()) {
            throw new BadInputException(jar.path().getFileName() + ": " + firstReferrer + " needs " + missing.get(0)
                    + ", which is neither in the jar nor in optbench-api, ND4J or its JavaCPP and OpenBLAS (" + missing.size()
                    + " missing class" + (missing.size() == 1 ? "" : "es") + "; bundle them in the jar)");
        }
    }

    private static boolean isJdk(String internalName) {
        return internalName.startsWith("java/") || internalName.startsWith("javax/") || internalName.startsWith("jdk/")
                || internalName.startsWith("sun/") || internalName.startsWith("com/sun/");
    }

    /** Runs the untimed, argument-free hooks once; returns the submission's name ("" when it failed). */
    private static String checkHooks(SubmissionJar jar, Class<? extends Submission> type, List<Finding> findings) {
        String where = type.getName();
        Submission submission;
        try {
            submission = jar.newInstance(type);
        } catch (BadInputException e) {
            findings.add(new Finding(where, "cannot be instantiated: " + e.getMessage(), Rule.HOOKS));
            return "";
        }
        String name;
        try {
            name = submission.name();
            if (name == null || !name.matches("[a-z0-9][a-z0-9_.-]{0,63}")) {
                findings.add(new Finding(where + ".name()", "returned '" + name + "'; expected a short lowercase "
                        + "name of letters, digits, '_', '.' or '-'", Rule.HOOKS));
                name = "";
            }
            HyperParameters defaults = submission.defaultHyperParameters();
            if (defaults == null) {
                findings.add(new Finding(where + ".defaultHyperParameters()", "returned null", Rule.HOOKS));
            }
            Optional<String> searchSpace = submission.searchSpaceJson();
            if (searchSpace == null) {
                findings.add(new Finding(where + ".searchSpaceJson()", "returned null; return Optional.empty()",
                        Rule.HOOKS));
            } else if (searchSpace.isPresent()) {
                try {
                    SearchSpaceReader.parse(searchSpace.get(), where + ".searchSpaceJson()");
                } catch (BadInputException e) {
                    findings.add(new Finding(where + ".searchSpaceJson()", "does not parse: " + e.getMessage(),
                            Rule.SEARCH_SPACE));
                }
            }
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            findings.add(new Finding(where, "threw " + SubmissionJar.describeLoadFailure(e)
                    + " in a no-argument hook", Rule.HOOKS));
            return "";
        }
        return name;
    }

    /**
     * Refuses a jar that fails the check: a {@link org.optbench.api.BadInputException} (exit code 2) with one line
     * naming the first finding. {@code run} and {@code tune} call it unless given {@code --allow-unchecked}.
     */
    public static void requirePassed(Path jar) {
        CheckReport report = check(jar);
        if (!report.passed()) {
            int n = report.findings().size();
            throw new org.optbench.api.BadInputException(jar.getFileName() + " fails the check: "
                    + report.findings().get(0) + " (" + n + " finding" + (n == 1 ? "" : "s") + "; see 'optbench check "
                    + jar + "', or run it anyway with --allow-unchecked)");
        }
    }
}
