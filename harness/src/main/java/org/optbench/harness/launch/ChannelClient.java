package org.optbench.harness.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The trial JVM's end of the channel ({@link ChannelServer}): connected before any submission code is loaded. */
public final class ChannelClient implements AutoCloseable {
    private final SocketChannel connection;
    private final BufferedReader in;
    private final OutputStream out;

    private ChannelClient(SocketChannel connection) {
        this.connection = connection;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(connection),
                StandardCharsets.UTF_8));
        this.out = Channels.newOutputStream(connection);
    }

    /** Connects to the launcher's socket. */
    public static ChannelClient connect(Path socket) {
        try {
            return new ChannelClient(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to the launcher's channel " + socket, e);
        }
    }

    /** Sends one line. */
    public synchronized void send(String line) {
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the launcher's channel is closed", e);
        }
    }

    /** Sends one line and waits for the launcher's one-line answer. */
    public synchronized String ask(String line) {
        send(line);
        try {
            String answer = in.readLine();
            if (answer == null) {
                throw new IOException("no answer");
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException("the launcher's channel closed before it answered", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            // Already gone.
        }
    }
}
