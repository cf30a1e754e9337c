package org.optbench.results.records;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.optbench.api.BadInputException;

/**
 * Writes a file so that a reader sees either the old content or the new, never a part: the bytes go to a temp
 * file in the same directory, which is then renamed over the target with {@code ATOMIC_MOVE}.
 */
public final class AtomicFiles {
    /** Temp files start with this prefix, so that a crash leaves names that say what they are. */
    static final String TEMP_PREFIX = ".tmp-";

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with {@code text} (UTF-8) atomically.
     *
     * @throws BadInputException naming the path when it cannot be written (a read-only or missing directory)
     */
    public static void writeString(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replaces {@code target} with {@code bytes} atomically.
     *
     * @throws BadInputException naming the path when it cannot be written (a read-only or missing directory)
     */
    public static void write(Path target, byte[] bytes) {
        Path directory = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(directory, TEMP_PREFIX + target.getFileName() + "-", "");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new BadInputException("cannot write " + target + ": " + describe(e), e);
        }
    }

    /** The exception's message without stack trace, e.g. {@code AccessDeniedException: /x}. */
    static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The write already failed; that is the error the caller must see.
        }
    }
}
