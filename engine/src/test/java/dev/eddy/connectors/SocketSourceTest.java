package dev.eddy.connectors;

import static dev.eddy.run.TestRuns.chain;
import static dev.eddy.run.TestRuns.doc;
import static dev.eddy.run.TestRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.observe.JobState;
import dev.eddy.types.Row;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The socket source against a real server on loopback, like `nc -lk 9999`. */
class SocketSourceTest {
    @TempDir
    Path dir;

    private static String pipeline(int port, String extra) {
        return doc(null, "{\"id\": \"sock\", \"type\": \"source.socket\", \"params\": {\"port\": " + port + extra + "}},"
                + " {\"id\": \"out\", \"type\": \"sink.table\"}", chain("sock", "out"));
    }

    @Test
    void linesArriveUntilTheConnectionClosesAndTheRestIsKept() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread writer = new Thread(() -> {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("hello world\r\nto be\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(50);
                    out.write("or not".getBytes(StandardCharsets.UTF_8));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            writer.start();
            var o = run(pipeline(server.getLocalPort(), ", \"host\": \"127.0.0.1\""), dir);
            writer.join();
            assertTrue(o.result().succeeded(), o.result().failure());
            assertEquals(List.of(Row.of("hello world"), Row.of("to be"), Row.of("or not")), o.table("out"));
        }
    }

    @Test
    void anUnreachableSocketFailsWithAHint() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        var o = run(pipeline(port, ", \"host\": \"127.0.0.1\""), dir);
        assertEquals(JobState.FAILED, o.result().state());
        String msg = o.result().failure();
        assertTrue(msg.startsWith("source \"sock\" could not start") || msg.startsWith("source \"sock\" cannot connect to 127.0.0.1:" + port), msg);
        assertTrue(msg.contains("connection refused") && msg.contains("nc -lk " + port), msg);
    }
}
