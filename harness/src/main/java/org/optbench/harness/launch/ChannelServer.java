package org.optbench.harness.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher's end of the channel to a trial JVM: a Unix-domain socket that accepts exactly one connection, then
 * stops listening and removes its file. The trial JVM connects before it loads any submission code, so the only
 * end a submission could reach afterwards is the harness's own socket object, which the JVM's encapsulation keeps
 * from it; what a submission prints on standard output is only a log line. Messages are lines of JSON.
 */
public final class ChannelServer implements AutoCloseable {
    /** A line longer than this is not a message of the protocol: the channel is closed. */
    static final int MAX_LINE_CHARS = 1 << 20;

    private final Path socket;
    private final ServerSocketChannel server;
    private SocketChannel connection;
    private BufferedReader in;
    private OutputStream out;

    private ChannelServer(Path socket, ServerSocketChannel server) {
        this.socket = socket;
        this.server = server;
    }

    /** Listens on {@code socket} (a path that must not exist yet). */
    public static ChannelServer listen(Path socket) {
        try {
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            return new ChannelServer(socket, server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + socket, e);
        }
    }

    /** The socket's path, for the trial JVM's command line. */
    public Path socket() {
        return socket;
    }

    /**
     * Waits for the one connection, then closes the listening socket and deletes its file so that nothing else can
     * connect. Returns false when the listener was closed before anyone connected ({@link #close()} from another
     * thread, e.g. because the trial JVM died).
     */
    public boolean accept() {
        try {
            connection = server.accept();
        } catch (IOException e) {
            return false;
        } finally {
            closeListener();
        }
        in = new BufferedReader(new InputStreamReader(Channels.newInputStream(connection), StandardCharsets.UTF_8));
        out = Channels.newOutputStream(connection);
        return true;
    }

    /** The next line, or {@code null} at the end of the stream (the trial JVM closed it or died). */
    public String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                return line.toString();
            }
            if (line.length() >= MAX_LINE_CHARS) {
                throw new IOException("a line of more than " + MAX_LINE_CHARS + " characters from the trial JVM");
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    /** Sends one line. */
    public void send(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void closeListener() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing a listener that is already closed or broken has nothing left to do.
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // The directory is removed with the trial's scratch space anyway.
        }
    }

    /** Stops listening (an {@link #accept()} waiting in another thread returns false) and closes the connection. */
    @Override
    public void close() {
        closeListener();
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException e) {
                // Already gone.
            }
        }
    }
}
