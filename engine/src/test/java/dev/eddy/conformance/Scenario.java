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
        List<String> lines = o.lines("trace.jsonl");
        if (restoreInvariant(settings, sourceOptions, middle)) {
            String again = TestRuns.doc(settings, String.join(", ", nodes).replace("\"steps\": [" + steps + "]",
                    "\"steps\": [" + withRestores(steps) + "]"), TestRuns.chain(ids.toArray(new String[0])));
            var r = TestRuns.run(again, dir.resolve("restored"), RunOptions.defaults());
            assertTrue(r.result().succeeded(), r.result().failure());
            assertEquals(lines, advancing(r.lines("trace.jsonl")), "with every operator checkpointed and restored after each step");
        }
        return lines;
    }

    /**
     * Whether a restore after every step must leave the output as it is: time comes from the
     * script's own watermarks (which {@link #withRestores} sends again after each restore, as
     * Flink does not checkpoint watermarks), and the run is not BATCH (which takes no checkpoints).
     */
    private static boolean restoreInvariant(String settings, String sourceOptions, String... middle) {
        if (settings.toUpperCase(java.util.Locale.ROOT).contains("BATCH") || sourceOptions.contains("watermarks")) return false;
        for (String m : middle) if (m.contains("\"type\": \"watermarks\"")) return false;
        return true;
    }

    /**
     * A trace without the watermarks that do not advance: a restored operator starts from
     * Long.MIN_VALUE, so it passes the watermark sent again after the restore on, once more.
     */
    private static List<String> advancing(List<String> trace) {
        List<String> out = new ArrayList<>();
        long highest = Long.MIN_VALUE;
        for (String line : trace) {
            if (line.startsWith("{\"watermark\": ")) {
                long w = Long.parseLong(line.substring("{\"watermark\": ".length(), line.length() - 1));
                if (w <= highest) continue;
                highest = w;
            }
            out.add(line);
        }
        return out;
    }

    /** The steps with a checkpoint-and-restore after each one, followed by the last watermark so far again. */
    static String withRestores(String steps) {
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            var array = mapper.readTree("[" + steps + "]");
            List<String> out = new ArrayList<>();
            String lastWatermark = null;
            for (var step : array) {
                out.add(step.toString());
                if (step.has("watermark")) lastWatermark = step.toString();
                out.add("{\"checkpoint\": \"restore\"}");
                if (lastWatermark != null) out.add(lastWatermark);
            }
            return String.join(", ", out);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * A keyed window scenario with the late port traced too: script → key-by k → window → trace
     * "out.jsonl", and window.late → trace "late.jsonl". Returns {out lines, late lines}.
     */
    static List<List<String>> keyedWindow(Path dir, String schema, String steps, String windowParams) {
        return keyedWindow(dir, schema, steps, windowParams, true);
    }

    /**
     * As {@link #keyedWindow}; {@code restoreInvariant} false for a scenario whose timers sit behind
     * the watermark: the watermark sent again after a restore (from Long.MIN_VALUE) fires them
     * earlier than the next one would have, in Flink as here.
     */
    static List<List<String>> keyedWindow(Path dir, String schema, String steps, String windowParams, boolean restoreInvariant) {
        var o = keyedWindowRun(dir, "{\"startTime\": 0}", schema, steps, windowParams);
        assertTrue(o.result().succeeded(), o.result().failure());
        List<List<String>> lines = List.of(o.lines("out.jsonl"), o.lines("late.jsonl"));
        if (!restoreInvariant) return lines;
        var r = keyedWindowRun(dir.resolve("restored"), "{\"startTime\": 0}", schema, withRestores(steps), windowParams);
        assertTrue(r.result().succeeded(), r.result().failure());
        assertEquals(lines, List.of(advancing(r.lines("out.jsonl")), advancing(r.lines("late.jsonl"))),
                "with every operator checkpointed and restored after each step");
        return lines;
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
