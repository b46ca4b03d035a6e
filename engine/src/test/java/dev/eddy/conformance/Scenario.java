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
        List<String> nodes = new ArrayList<>();
        nodes.add("{\"id\": \"script\", \"type\": \"source.scripted\", \"params\": {\"schema\": " + schema + ", \"steps\": [" + steps + "]}}");
        List<String> ids = new ArrayList<>(List.of("script"));
        for (int i = 0; i < middle.length; i++) {
            String id = "n" + i;
            nodes.add(middle[i].replaceFirst("\\{", "{\"id\": \"" + id + "\", "));
            ids.add(id);
        }
        nodes.add("{\"id\": \"trace\", \"type\": \"sink.trace\", \"params\": {\"path\": \"trace.jsonl\"}}");
        ids.add("trace");
        String json = TestRuns.doc("{\"startTime\": 0}", String.join(", ", nodes), TestRuns.chain(ids.toArray(new String[0])));
        var o = TestRuns.run(json, dir, RunOptions.defaults());
        assertTrue(o.result().succeeded(), o.result().failure());
        return o.lines("trace.jsonl");
    }

    static String record(String fields, Long ts) {
        return "{\"record\": {" + fields + "}, \"ts\": " + ts + "}";
    }

    static String watermark(long wm) { return "{\"watermark\": " + wm + "}"; }

    static void assertTrace(List<String> actual, String... expected) {
        assertEquals(List.of(expected), actual);
    }
}
