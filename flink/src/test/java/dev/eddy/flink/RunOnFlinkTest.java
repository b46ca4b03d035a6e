package dev.eddy.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.flink.cli.FlinkCommand;
import dev.eddy.flink.run.FlinkCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `eddy run --on flink=HOST:PORT` submits through Flink's REST API, writes Eddy's output files and reports the job. */
class RunOnFlinkTest {
    private static FlinkCluster cluster;

    @BeforeAll
    static void start() throws Exception { cluster = FlinkCluster.start(4); }

    @AfterAll
    static void stop() throws Exception { cluster.close(); }

    private record Ran(int exit, String out, String err) {}

    private static Ran eddy(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new FlinkCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Ran(exit, out.toString(), err.toString());
    }

    /** The cluster runs in this JVM and has Eddy's classes; the jar still travels through the REST upload. */
    private static Path someJar(Path dir) throws Exception {
        Path jar = dir.resolve("job.jar");
        new JarOutputStream(Files.newOutputStream(jar)).close();
        return jar;
    }

    @Test
    void wordCountOnARemoteClusterWritesTheExpectedCounts(@TempDir Path out) throws Exception {
        Ran r = eddy("run", "--on", "flink=" + cluster.address(), "--jar", someJar(out).toString(), "--output", out.toString(),
                "../samples/word-count/word-count.json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().matches("(?s).*job [0-9a-f]{32} finished, 88 records to the sinks.*"), r.err());
        assertTrue(r.err().matches("(?s).*count -> counts .* 1 +\\d+ +\\d+.*"), r.err());
        assertEquals(lines(Path.of("../samples/word-count/expected/word-count")), lines(out.resolve("word-count")));
    }

    @Test
    void aPipelineFlinkCannotRunIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.json");
        Files.writeString(file, """
                {"format": "eddy.pipeline", "version": 1, "nodes": [
                  {"id": "in", "type": "source.scripted", "params": {"schema": {"k": "STRING"},
                    "steps": [{"record": {"k": "a"}, "ts": 1}, {"processingTime": 5000}]}},
                  {"id": "out", "type": "sink.trace", "params": {"path": "t.jsonl"}}],
                 "edges": [{"from": "in", "to": "out"}]}""");
        Ran r = eddy("run", "--on", "flink=" + cluster.address(), "--jar", someJar(dir).toString(), file.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("\"in\" (source.scripted) cannot run on Flink: processingTime steps"), r.err());
    }

    @Test
    void aRecordThatFailsStopsTheJobWithEddysMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.json");
        Files.writeString(file, """
                {"format": "eddy.pipeline", "version": 1, "nodes": [
                  {"id": "in", "type": "source.rows", "params": {"schema": {"n": "BIGINT"}, "rows": [{"n": 1}, {"n": 0}]}},
                  {"id": "div", "type": "map", "params": {"fields": {"q": "10 / n"}}},
                  {"id": "out", "type": "sink.print"}],
                 "edges": [{"from": "in", "to": "div"}, {"from": "div", "to": "out"}]}""");
        Ran r = eddy("run", "--on", "flink=" + cluster.address(), "--jar", someJar(dir).toString(), "--output", dir.toString(), file.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("job failed: node \"div\" (map) failed on {\"n\":0}"), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void recordsWithoutAnEventTimeGoToTheErrorsPortOnFlinkAsInEddy(@TempDir Path dir) throws Exception {
        var p = dev.eddy.model.PipelineReader.read("""
                {"format": "eddy.pipeline", "version": 1, "nodes": [
                  {"id": "in", "type": "source.rows", "params": {"schema": {"k": "STRING", "t": "BIGINT"},
                    "rows": [{"k": "a", "t": 1000}, {"k": "b", "t": null}, {"k": "c", "t": 2500}]}},
                  {"id": "time", "type": "watermarks", "params": {"timestamp": "t", "onError": "skip"}},
                  {"id": "w", "type": "window", "params": {"size": "1s", "aggregates": {"n": "COUNT(*)"}}},
                  {"id": "counts", "type": "sink.trace", "params": {"path": "counts.jsonl"}},
                  {"id": "failed", "type": "sink.trace", "params": {"path": "failed.jsonl"}}],
                 "edges": [{"from": "in", "to": "time"}, {"from": "time", "to": "w"}, {"from": "w", "to": "counts"},
                   {"from": "time", "port": "errors", "to": "failed"}]}""", "test");
        var outcome = new dev.eddy.flink.diff.Differential(dev.eddy.flink.run.FlinkRunner.on(cluster)).compare(p, dir, dir);
        assertTrue(outcome.equal(), outcome.report());
        assertTrue(outcome.report().contains("sink \"failed\": 1 records"), outcome.report());
    }

    @Test
    void windowsWhoseEvictorLeavesNothingAgreeOnFlink(@TempDir Path dir) throws Exception {
        // Records without a timestamp carry Long.MIN_VALUE on Flink, so a time evictor drops them all;
        // a delta evictor with threshold 0 drops everything too. An aggregate still emits its empty
        // result, a reduce and an elements function emit nothing.
        for (String function : List.of("\"aggregates\": {\"sum\": \"SUM(v)\", \"n\": \"COUNT(*)\"}",
                "\"function\": \"reduce\", \"combine\": {\"v\": \"sum\"}", "\"function\": \"elements\"")) {
            for (String evictor : List.of("\"evictor\": \"time\", \"evictorTime\": \"1s\"",
                    "\"evictor\": \"delta\", \"deltaOf\": \"v\", \"evictorDelta\": 0")) {
                var p = dev.eddy.model.PipelineReader.read("""
                        {"format": "eddy.pipeline", "version": 1, "nodes": [
                          {"id": "in", "type": "source.scripted", "params": {"schema": {"k": "STRING", "v": "BIGINT"}, "steps": [
                            {"record": {"k": "a", "v": 1}}, {"record": {"k": "a", "v": 2}}, {"record": {"k": "b", "v": 4}, "ts": 5}]}},
                          {"id": "byK", "type": "key-by", "params": {"key": "k"}},
                          {"id": "w", "type": "window", "params": {"assigner": "global", "trigger": "count", "triggerCount": 2, %s, %s}},
                          {"id": "out", "type": "sink.trace", "params": {"path": "out.jsonl"}}],
                         "edges": [{"from": "in", "to": "byK"}, {"from": "byK", "to": "w"}, {"from": "w", "to": "out"}]}"""
                        .formatted(evictor, function), "test");
                var outcome = new dev.eddy.flink.diff.Differential(dev.eddy.flink.run.FlinkRunner.on(cluster)).compare(p, dir, dir);
                assertTrue(outcome.equal(), function + ", " + evictor + ": " + outcome.report());
            }
        }
    }

    @Test
    void anUnknownTargetIsExplained() {
        Ran r = eddy("run", "--on", "spark", "../samples/word-count/word-count.json");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--on takes flink or flink=HOST:PORT"), r.err());
    }

    private static List<String> lines(Path dir) throws Exception {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) all.addAll(Files.readAllLines(f));
        }
        all.sort(null);
        return all;
    }
}
