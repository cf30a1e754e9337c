package org.optbench.harness.cli;

import java.io.IOException;

/**
 * Ends a forked trial JVM when its parent is gone. The parent holds the write end of the child's standard input
 * and never writes; when the parent dies, even by {@code kill -9}, the pipe closes and the read returns end of
 * file. Without this, an orphaned trial would go on writing records while a resumed study reruns the same trial.
 */
final class ParentWatch {
    private ParentWatch() {
    }

    static void start() {
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // The parent writes nothing; anything read is ignored.
                }
            } catch (IOException e) {
                // Treat a broken pipe like end of file.
            }
            Runtime.getRuntime().halt(137);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
