package dev.eddy.connectors;

import dev.eddy.runtime.Failures;
import dev.eddy.runtime.JobFailedException;
import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.SourceReader;
import dev.eddy.runtime.Time;
import dev.eddy.types.Row;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Lines of text from a TCP socket, like Flink's socketTextStream (the `nc -lk 9999` example):
 * text is split at the delimiter ("\n" by default, a trailing "\r" removed), and when the
 * connection closes the source reconnects up to maxRetry times (Flink's default 0: it ends),
 * emitting any text left without a delimiter. A socket that cannot be reached fails the job.
 */
public final class SocketSource implements SourceReader {
    private final String host;
    private final int port;
    private final String delimiter;
    private final int maxRetry;
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private volatile boolean ended;
    private volatile String readerFailure;
    private Thread readerThread;
    private volatile Socket socket;
    private String nodeId;

    public SocketSource(String host, int port, String delimiter, int maxRetry) {
        this.host = host;
        this.port = port;
        this.delimiter = delimiter;
        this.maxRetry = maxRetry;
    }

    @Override
    public void open(OperatorContext context) {
        nodeId = context.nodeId();
        socket = connect();
        readerThread = new Thread(this::readLoop, "eddy-socket-" + nodeId);
        readerThread.setDaemon(true);
        readerThread.start();
    }

    private Socket connect() {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), 5000);
            return s;
        } catch (IOException e) {
            throw new JobFailedException(nodeId, "source \"" + nodeId + "\" cannot connect to " + host + ":" + port + ": "
                    + Failures.describe(e) + " (is something listening, e.g. `nc -lk " + port + "`?)", e);
        }
    }

    private void readLoop() {
        int attempt = 0;
        StringBuilder buffer = new StringBuilder();
        try {
            while (true) {
                try (Reader in = new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)) {
                    char[] chunk = new char[8192];
                    int n;
                    while ((n = in.read(chunk)) >= 0) {
                        buffer.append(chunk, 0, n);
                        int at;
                        while ((at = buffer.indexOf(delimiter)) >= 0) {
                            String line = buffer.substring(0, at);
                            if (delimiter.equals("\n") && line.endsWith("\r")) line = line.substring(0, line.length() - 1);
                            lines.add(line);
                            buffer.delete(0, at + delimiter.length());
                        }
                    }
                }
                attempt++;
                if (maxRetry != -1 && attempt >= maxRetry) break;
                Thread.sleep(500);
                socket = connect();
            }
        } catch (IOException e) {
            readerFailure = "source \"" + nodeId + "\" lost its connection to " + host + ":" + port + ": " + Failures.describe(e);
        } catch (JobFailedException e) {
            readerFailure = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (buffer.length() > 0) lines.add(buffer.toString());
        ended = true;
    }

    @Override
    public Poll poll(Output output) {
        String line = lines.poll();
        if (line != null) {
            output.collect(Row.of(line), Time.NO_TIMESTAMP);
            return Poll.EMITTED;
        }
        if (ended && lines.isEmpty()) {
            if (readerFailure != null) throw new JobFailedException(nodeId, readerFailure);
            return Poll.END;
        }
        return Poll.NOTHING_YET;
    }

    @Override
    public boolean isLive() { return true; }

    @Override
    public void close() throws IOException {
        Socket s = socket;
        if (s != null) s.close();
        if (readerThread != null) readerThread.interrupt();
    }
}
