package org.optbench.harness.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.optbench.api.BadInputException;
import org.optbench.harness.trial.Failures;

/** An output directory a user named: created if missing, and refused in one line when it cannot be written. */
public final class OutputDirectory {
    private OutputDirectory() {
    }

    /** {@code dir}, created and writable. */
    public static Path writable(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new BadInputException("cannot create output directory '" + dir + "': "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : Failures.oneLine(e.getMessage())));
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new BadInputException("output directory '" + dir + "' is not a writable directory");
        }
        return dir;
    }
}
