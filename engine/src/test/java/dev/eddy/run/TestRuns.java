package dev.eddy.run;

import dev.eddy.model.Pipeline;
import dev.eddy.model.PipelineReader;
import dev.eddy.runtime.ResultTables;
import dev.eddy.runtime.driver.JobResult;
import dev.eddy.types.Row;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a pipeline written as JSON, the way a user's file would run, and keeps what it produced. */
public final class TestRuns {
    private TestRuns() {}

    /** What a run left behind: its result, what it printed, and where its files went. */
    public record Outcome(JobResult result, String stdout, Path outputDir) {
        public List<Row> table(String node) {
            ResultTables.Table t = result.tables().get(node);
            return t == null ? List.of() : t.rows();
        }

        public List<ResultTables.Entry> entries(String node) {
            ResultTables.Table t = result.tables().get(node);
            return t == null ? List.of() : t.entries();
        }

        public List<String> lines(String relativePath) {
            try {
                return Files.readAllLines(outputDir.resolve(relativePath));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public List<String> stdoutLines() {
            List<String> out = new ArrayList<>();
            for (String l : stdout.split("\n")) if (!l.isEmpty()) out.add(l);
            return out;
        }
    }

    public static Pipeline pipeline(String json) {
        try {
            return PipelineReader.read(json, "test pipeline");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Outcome run(String json, Path dir) {
        return run(json, dir, RunOptions.defaults());
    }

    public static Outcome run(String json, Path dir, RunOptions options) {
        return run(pipeline(json), dir, options);
    }

    public static Outcome run(Pipeline p, Path dir, RunOptions options) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try {
            JobResult r = PipelineRunner.standard().prepare(p, dir, options.withOutputDir(dir).withStdout(out)).run();
            return new Outcome(r, bytes.toString(StandardCharsets.UTF_8), dir);
        } catch (dev.eddy.validate.InvalidPipelineException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A pipeline document from its nodes and edges, written as JSON fragments. */
    public static String doc(String settings, String nodes, String edges) {
        return "{\"format\": \"eddy.pipeline\", \"version\": 1, \"name\": \"test\""
                + (settings == null ? "" : ", \"settings\": " + settings)
                + ", \"nodes\": [" + nodes + "], \"edges\": [" + edges + "]}";
    }

    public static String edge(String from, String to) {
        return "{\"from\": \"" + from + "\", \"to\": \"" + to + "\"}";
    }

    public static String chain(String... ids) {
        List<String> es = new ArrayList<>();
        for (int i = 0; i + 1 < ids.length; i++) es.add(edge(ids[i], ids[i + 1]));
        return String.join(", ", es);
    }
}
