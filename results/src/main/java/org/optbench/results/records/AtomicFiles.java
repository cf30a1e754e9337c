package org.optbench.results.records;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
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
        // A fresh name, created with the process's umask (Files.createTempFile would make it owner-only).
        Path temp = directory.resolve(TEMP_PREFIX + target.getFileName() + "-" + Long.toUnsignedString(
                ThreadLocalRandom.current().nextLong(), 36));
        boolean created = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                created = true;
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // On disk before the rename, so that a crash cannot leave a renamed but empty file.
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            if (created) {
                deleteQuietly(temp);
            }
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
