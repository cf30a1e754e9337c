package org.optbench.harness.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The log of a trial's or helper's JVM: what it prints, read through a pipe into a file of bounded size. The first
 * {@link #HEAD_BYTES} go to the file as they come; the last {@link #TAIL_BYTES} are kept in memory and written,
 * after a line saying how much was left out, when the output ends; what lies between is read and dropped. So a JVM
 * that prints without end (a submission looping inside a step) fills neither the disk beside the study's records
 * nor the launcher's memory, is never blocked on a full pipe, and its first and last words are kept.
 */
public final class BoundedLog {
    /** How much of the start of the output is kept. */
    public static final long HEAD_BYTES = 8L << 20;
    /** How much of the end of the output is kept. */
    public static final int TAIL_BYTES = 256 << 10;
    /** How long {@link #finish()} waits for the output to end once the process is gone. */
    private static final long FINISH_WAIT_MILLIS = 5000;

    private final OutputStream file;
    private final byte[] tail = new byte[TAIL_BYTES];
    private final Thread reader;
    private long written;
    /** Bytes past the head, the tail's among them. */
    private long pastHead;
    private boolean sealed;

    private BoundedLog(OutputStream file, InputStream output, String threadName) {
        this.file = file;
        this.reader = new Thread(() -> copy(output), threadName);
        reader.setDaemon(true);
    }

    /** Starts reading {@code output} (a process's merged standard output and error) into {@code log}. */
    static BoundedLog start(InputStream output, Path log, String threadName) {
        try {
            BoundedLog bounded = new BoundedLog(Files.newOutputStream(log), output, threadName);
            bounded.reader.start();
            return bounded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log " + log, e);
        }
    }

    private void copy(InputStream output) {
        byte[] buffer = new byte[64 << 10];
        try (output) {
            int n;
            while ((n = output.read(buffer)) >= 0) {
                if (!append(buffer, n)) {
                    break;
                }
            }
        } catch (IOException e) {
            // The process is gone, or the stream was closed: what came is what there is.
        }
        seal();
    }

    /** Adds {@code n} bytes; false once the log is sealed. */
    private synchronized boolean append(byte[] buffer, int n) throws IOException {
        if (sealed) {
            return false;
        }
        int head = (int) Math.min(n, HEAD_BYTES - written);
        if (head > 0) {
            file.write(buffer, 0, head);
            written += head;
        }
        for (int i = head; i < n; i++) {
            tail[(int) (pastHead++ % TAIL_BYTES)] = buffer[i];
        }
        return true;
    }

    /**
     * Waits until the output has ended (every process holding the pipe is gone), at most a few seconds, and
     * completes the file; call it once the process has exited.
     */
    void finish() {
        try {
            reader.join(FINISH_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        seal();
    }

    /** Writes the tail, after a line that says how much was left out before it, and closes the file; once. */
    private synchronized void seal() {
        if (sealed) {
            return;
        }
        sealed = true;
        try (file) {
            if (pastHead == 0) {
                return;
            }
            int kept = (int) Math.min(pastHead, TAIL_BYTES);
            byte[] last = new byte[kept];
            for (int i = 0; i < kept; i++) {
                last[i] = tail[(int) ((pastHead - kept + i) % TAIL_BYTES)];
            }
            int from = 0;
            long dropped = pastHead - kept;
            if (dropped > 0) {
                // Start the tail at a line of its own.
                while (from < kept && last[from] != '\n') {
                    from++;
                }
                from = Math.min(kept, from + 1);
                dropped += from;
                file.write(String.format(Locale.ROOT, "%n[optbench: %d bytes of output left out here]%n", dropped)
                        .getBytes(StandardCharsets.UTF_8));
            }
            file.write(last, from, kept - from);
        } catch (IOException e) {
            // A log that cannot be completed is only a shorter log.
        }
    }
}
