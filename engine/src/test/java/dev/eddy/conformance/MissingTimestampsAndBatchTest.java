package dev.eddy.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.run.RunOptions;
import dev.eddy.run.TestRuns;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R-1.5 (records without a timestamp in event-time windows) and R-9.2 (no progressive watermarks in BATCH). */
class MissingTimestampsAndBatchTest {
    @TempDir
    Path dir;

    private TestRuns.Outcome run(String settings, String steps, String... middle) {
        StringBuilder nodes = new StringBuilder("{\"id\": \"script\", \"type\": \"source.scripted\", \"params\": {\"schema\":"
                + " {\"k\": \"STRING\", \"t\": \"BIGINT\"}, \"steps\": [" + steps + "]}}");
        String[] ids = new String[middle.length + 2];
        ids[0] = "script";
        for (int i = 0; i < middle.length; i++) {
            ids[i + 1] = "n" + i;
            nodes.append(", ").append(middle[i].replaceFirst("\\{", "{\"id\": \"n" + i + "\", "));
        }
        ids[ids.length - 1] = "trace";
        nodes.append(", {\"id\": \"trace\", \"type\": \"sink.trace\", \"params\": {\"path\": \"trace.jsonl\"}}");
        return TestRuns.run(TestRuns.doc(settings, nodes.toString(), TestRuns.chain(ids)), dir, RunOptions.defaults());
    }

    private static String rec(String k, long t) { return "{\"record\": {\"k\": \"" + k + "\", \"t\": " + t + "}}"; }

    @Test
    void aTumblingEventTimeWindowRefusesARecordWithoutATimestampAndSaysWhy() {
        var o = run("{\"startTime\": 0}", rec("a", 1), "{\"type\": \"key-by\", \"params\": {\"key\": \"k\"}}",
                "{\"type\": \"window\", \"params\": {\"size\": \"1s\", \"aggregates\": {\"n\": \"COUNT(*)\"}}}");
        assertFalse(o.result().succeeded());
        assertTrue(o.result().failure().contains("the record has no event timestamp"), o.result().failure());
    }

    @Test
    void anEventTimeSessionWindowTakesARecordWithoutATimestampAsFlinksDoes() {
        // EventTimeSessionWindows does not check: the record opens [Long.MIN_VALUE, Long.MIN_VALUE + gap).
        var o = run("{\"startTime\": 0}", rec("a", 1) + ", " + rec("a", 2), "{\"type\": \"key-by\", \"params\": {\"key\": \"k\"}}",
                "{\"type\": \"window\", \"params\": {\"assigner\": \"session\", \"gap\": \"1s\", \"aggregates\": {\"n\": \"COUNT(*)\"}}}");
        assertTrue(o.result().succeeded(), o.result().failure());
        List<String> lines = o.lines("trace.jsonl");
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\"n\":2}, \"ts\": " + (Long.MIN_VALUE + 999)), lines.get(0));
    }

    @Test
    void batchModeHasNoProgressiveWatermarksOnlyTheFinalOne() {
        // The same timeline in streaming mode gives the periodic watermark 1999 at processing time 200.
        String steps = "{\"record\": {\"k\": \"a\", \"t\": 1000}}, {\"record\": {\"k\": \"a\", \"t\": 2000}}, {\"processingTime\": 200}";
        String watermarks = "{\"type\": \"watermarks\", \"params\": {\"timestamp\": \"t\", \"strategy\": \"monotonous\"}}";
        List<String> streaming = run("{\"startTime\": 0}", steps, watermarks).lines("trace.jsonl");
        assertTrue(streaming.contains("{\"watermark\": 1999}"), streaming.toString());
        var batch = run("{\"startTime\": 0, \"mode\": \"batch\"}", steps, watermarks);
        assertTrue(batch.result().succeeded(), batch.result().failure());
        assertEquals(List.of("{\"record\": {\"k\":\"a\",\"t\":1000}, \"ts\": 1000}", "{\"record\": {\"k\":\"a\",\"t\":2000}, \"ts\": 2000}",
                "{\"watermark\": 9223372036854775807}"), batch.lines("trace.jsonl"));
    }
}
