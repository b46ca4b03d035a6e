package dev.eddy.app;

import dev.eddy.app.files.AppHome;
import dev.eddy.model.Edge;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.model.PipelineWriter;
import dev.eddy.nodes.StandardCatalog;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Measures what docs/benchmarks.md reports for the designer: the time from JVM start to the first
 * frame of a window with a pipeline in it, and the frame rate while panning a pipeline of 300
 * nodes. Run with {@code ./eddy design --measure [NODES]}; it prints the figures and exits.
 */
public final class DesignerMeasure extends Application {
    private static final long PAN_SECONDS = 5;

    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        int count = args.size() > 1 ? Integer.parseInt(args.get(1)) : 300;
        Path dir = Files.createTempDirectory("eddy-measure");
        Path file = dir.resolve("big.json");
        PipelineWriter.write(chains(count), file);
        DesignerWindow window = new DesignerWindow(stage, StandardCatalog.get(), new AppHome(dir.resolve("home")));
        window.show(file);
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        new AnimationTimer() {
            private long first;
            private long frames;

            @Override
            public void handle(long now) {
                if (first == 0) {
                    first = now;
                    System.out.printf("launch to first frame with %d nodes: %d ms%n", window.document().get().nodes().size(),
                            System.currentTimeMillis() - jvmStart);
                    return;
                }
                frames++;
                window.canvas().viewport().panBy(frames % 200 < 100 ? 4 : -4, frames % 120 < 60 ? 2 : -2);
                if (now - first >= PAN_SECONDS * 1_000_000_000L) {
                    stop();
                    System.out.printf("panning %d nodes: %.1f frames/s over %d s (pulse cap %s)%n", count,
                            frames * 1e9 / (now - first), PAN_SECONDS,
                            Boolean.getBoolean("javafx.animation.fullspeed") ? "off" : "60/s");
                    window.document().replace(dev.eddy.app.document.Document.empty(), null);
                    Platform.exit();
                }
            }
        }.start();
    }

    /** Chains of source → maps → sink, ten nodes each, so the canvas holds many cards and edges. */
    static Pipeline chains(int count) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        for (int c = 0; nodes.size() < count; c++) {
            String prev = null;
            for (int i = 0; i < 10 && nodes.size() < count; i++) {
                String id = "c" + c + "n" + i;
                var params = f.objectNode();
                String type;
                if (i == 0) {
                    type = "source.sequence";
                    params.put("to", 100);
                } else if (i == 9 || nodes.size() == count - 1) {
                    type = "sink.discard";
                } else {
                    type = "map";
                    params.putObject("fields").put("value", "value + " + i);
                }
                nodes.add(new Node(id, type, params));
                if (prev != null) edges.add(Edge.of(prev, id));
                prev = id;
            }
        }
        return new Pipeline("measure", "generated for the designer's frame-rate measurement", null, nodes, edges, null, null);
    }
}
