package dev.eddy.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.run.RunOptions;
import dev.eddy.run.TestRuns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A conformance scenario as Flink's operator test harness would run it: a scripted timeline
 * (settings.startTime 0, so processing time starts where the harness's does) through the node
 * under test into a trace sink, compared line by line with the expected output.
 */
final class Scenario {
    private Scenario() {}

    /** Runs {source.scripted → middle nodes → trace} and returns the trace lines. */
    static List<String> trace(Path dir, String schema, String steps, String... middle) {
        return traceWithSourceOptions(dir, schema, steps, "", middle);
    }

    /** As {@link #trace}, with more parameters of the scripted source (", \"watermarks\": ..."). */
    static List<String> traceWithSourceOptions(Path dir, String schema, String steps, String sourceOptions, String... middle) {
        return traceWithSettings(dir, "{\"startTime\": 0}", schema, steps, sourceOptions, middle);
    }

    /** As {@link #traceWithSourceOptions}, with the pipeline's settings too. */
    static List<String> traceWithSettings(Path dir, String settings, String schema, String steps, String sourceOptions, String... middle) {
        List<String> nodes = new ArrayList<>();
        nodes.add("{\"id\": \"script\", \"type\": \"source.scripted\", \"params\": {\"schema\": " + schema + ", \"steps\": [" + steps + "]"
                + sourceOptions + "}}");
        List<String> ids = new ArrayList<>(List.of("script"));
        for (int i = 0; i < middle.length; i++) {
            String id = "n" + i;
            nodes.add(middle[i].replaceFirst("\\{", "{\"id\": \"" + id + "\", "));
            ids.add(id);
        }
        nodes.add("{\"id\": \"trace\", \"type\": \"sink.trace\", \"params\": {\"path\": \"trace.jsonl\"}}");
        ids.add("trace");
        String json = TestRuns.doc(settings, String.join(", ", nodes), TestRuns.chain(ids.toArray(new String[0])));
        var o = TestRuns.run(json, dir, RunOptions.defaults());
        assertTrue(o.result().succeeded(), o.result().failure());
        return o.lines("trace.jsonl");
    }

    /**
     * A keyed window scenario with the late port traced too: script → key-by k → window → trace
     * "out.jsonl", and window.late → trace "late.jsonl". Returns {out lines, late lines}.
     */
    static List<List<String>> keyedWindow(Path dir, String schema, String steps, String windowParams) {
        var o = keyedWindowRun(dir, "{\"startTime\": 0}", schema, steps, windowParams);
        assertTrue(o.result().succeeded(), o.result().failure());
        return List.of(o.lines("out.jsonl"), o.lines("late.jsonl"));
    }

    /** As {@link #keyedWindow}, with settings of its own, returning the run whether or not it succeeded. */
    static TestRuns.Outcome keyedWindowRun(Path dir, String settings, String schema, String steps, String windowParams) {
        String nodes = "{\"id\": \"script\", \"type\": \"source.scripted\", \"params\": {\"schema\": " + schema + ", \"steps\": [" + steps + "]}},"
                + " {\"id\": \"byK\", \"type\": \"key-by\", \"params\": {\"key\": \"k\"}},"
                + " {\"id\": \"w\", \"type\": \"window\", \"params\": " + windowParams + "},"
                + " {\"id\": \"out\", \"type\": \"sink.trace\", \"params\": {\"path\": \"out.jsonl\"}},"
                + " {\"id\": \"late\", \"type\": \"sink.trace\", \"params\": {\"path\": \"late.jsonl\"}}";
        String edges = TestRuns.chain("script", "byK", "w", "out") + ", {\"from\": \"w\", \"port\": \"late\", \"to\": \"late\"}";
        return TestRuns.run(TestRuns.doc(settings, nodes, edges), dir, RunOptions.defaults());
    }

    /** {"k": "a", "v": 3} at ts, as a scripted record step. */
    static String kv(String k, long v, long ts) {
        return "{\"record\": {\"k\": \"" + k + "\", \"v\": " + v + "}, \"ts\": " + ts + "}";
    }

    static final String KV = "{\"k\": \"STRING\", \"v\": \"BIGINT\"}";

    /** A window result line of a keyed sum: key, bounds as instants, sum, timestamp. */
    static String sum(String k, long start, long end, long sum, long ts) {
        return "{\"record\": {\"k\":\"" + k + "\",\"window_start\":\"" + java.time.Instant.ofEpochMilli(start)
                + "\",\"window_end\":\"" + java.time.Instant.ofEpochMilli(end) + "\",\"sum\":" + sum + "}, \"ts\": " + ts + "}";
    }

    /** A late record line as the late port passes it on: the original record and timestamp. */
    static String lateKv(String k, long v, long ts) {
        return "{\"record\": {\"k\":\"" + k + "\",\"v\":" + v + "}, \"ts\": " + ts + "}";
    }

    static final String MAX = "{\"watermark\": 9223372036854775807}";

    static String record(String fields, Long ts) {
        return "{\"record\": {" + fields + "}, \"ts\": " + ts + "}";
    }

    static String watermark(long wm) { return "{\"watermark\": " + wm + "}"; }

    static void assertTrace(List<String> actual, String... expected) {
        assertEquals(List.of(expected), actual);
    }
}
