package org.optbench.tuning.search;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test resources as files. */
final class TestFiles {
    private TestFiles() {
    }

    static Path resource(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }
}
