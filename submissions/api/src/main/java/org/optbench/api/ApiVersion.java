package org.optbench.api;

/** The version of this contract. A submission jar records the version it was built against in its manifest. */
public final class ApiVersion {
    /** Major.minor of the api. The major part changes only when a jar built against the old one would break. */
    public static final String CURRENT = "1.2";

    /** The manifest attribute in which a submission jar names the api version it was compiled against. */
    public static final String MANIFEST_ATTRIBUTE = "Optbench-Api-Version";

    private ApiVersion() {
    }

    /** The major part of a version string such as {@code "1.0"}; a string without a dot is all major. */
    public static int major(String version) {
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version.trim() : version.substring(0, dot).trim());
        } catch (NumberFormatException e) {
            throw new BadInputException("api version '" + version + "' is not of the form MAJOR.MINOR");
        }
    }
}
