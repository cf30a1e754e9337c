package org.optbench.harness.trial;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** optbench's version and commit, and the library versions, for {@code meta_data.json}. */
public final class Software {
    private Software() {
    }

    /** The project version the harness was built as. */
    public static String version() {
        try (InputStream in = Software.class.getResourceAsStream("/optbench.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String mavenVersion(String pomProperties) {
        try (InputStream in = org.nd4j.linalg.factory.Nd4j.class.getResourceAsStream(pomProperties)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The git commit the launcher passed in ({@code -Doptbench.gitCommit}), or "unknown". */
    public static String gitCommit() {
        return System.getProperty("optbench.gitCommit", "unknown");
    }

    /** As a JSON-ready map. */
    public static Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("optbench_version", version());
        m.put("git_commit", gitCommit());
        m.put("nd4j_version", mavenVersion("/META-INF/maven/org.nd4j/nd4j-api/pom.properties"));
        m.put("java_version", System.getProperty("java.version"));
        return m;
    }
}
