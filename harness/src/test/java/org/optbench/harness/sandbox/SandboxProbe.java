package org.optbench.harness.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a confined JVM may do, tried one operation at a time and printed one line each, {@code <op> <arg> -> ok} or
 * {@code <op> <arg> -> <exception class>: <message>}, for {@link SandboxTest} to check: {@code write PATH},
 * {@code read PATH}, {@code connect PORT} (to 127.0.0.1) and {@code fill PATH} (writes {@link #FILL_BYTES}).
 */
public final class SandboxProbe {
    /** 2 MiB. */
    static final long FILL_BYTES = 2L << 20;

    private SandboxProbe() {
    }

    public static void main(String[] args) {
        for (int i = 0; i < args.length; i += 2) {
            String op = args[i];
            String arg = args[i + 1];
            String outcome;
            try {
                switch (op) {
                    case "write" -> Files.writeString(Path.of(arg), "written by a confined JVM");
                    case "read" -> Files.readAllBytes(Path.of(arg));
                    case "connect" -> {
                        try (Socket socket = new Socket()) {
                            socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(arg)), 10_000);
                        }
                    }
                    case "fill" -> fill(Path.of(arg), FILL_BYTES);
                    default -> throw new IllegalArgumentException("unknown probe " + op);
                }
                outcome = "ok";
            } catch (IOException | RuntimeException e) {
                outcome = e.getClass().getName() + ": " + e.getMessage();
            }
            System.out.println(op + " " + arg + " -> " + outcome);
        }
    }

    private static void fill(Path file, long bytes) throws IOException {
        byte[] block = "0123456789abcdef".repeat(4096).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
    }
}
