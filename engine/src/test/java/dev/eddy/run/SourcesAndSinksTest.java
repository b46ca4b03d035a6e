package dev.eddy.run;

import static dev.eddy.run.TestRuns.chain;
import static dev.eddy.run.TestRuns.doc;
import static dev.eddy.run.TestRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.types.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sources and sinks, each as a person would use it in a pipeline file. */
class SourcesAndSinksTest {
    @TempDir
    Path dir;

    @Test
    void jsonLinesAndCsvFilesReadByTheirSchema() throws Exception {
        Files.writeString(dir.resolve("in.jsonl"), "{\"name\": \"x\", \"at\": \"2024-01-01T00:00:01Z\", \"ok\": true}\n\n{\"name\": \"y\", \"at\": 5000}\n");
        Files.writeString(dir.resolve("in.csv"), "x;\"a;b\";3\n");
        String json = doc(null, """
                {"id": "j", "type": "source.file", "params": {"path": "in.jsonl", "format": "jsonl", "schema": {"name": "STRING", "at": "TIMESTAMP", "ok": "BOOLEAN"}}},
                {"id": "c", "type": "source.file", "params": {"path": "in.csv", "header": false, "delimiter": ";", "schema": {"a": "STRING", "b": "STRING", "n": "BIGINT"}}},
                {"id": "jo", "type": "sink.table"}, {"id": "co", "type": "sink.table"}
                """, chain("j", "jo") + ", " + chain("c", "co"));
        var o = run(json, dir);
        assertEquals(List.of(Row.of("x", Instant.parse("2024-01-01T00:00:01Z"), true), Row.of("y", Instant.ofEpochMilli(5000), null)), o.table("jo"));
        assertEquals(List.of(Row.of("x", "a;b", 3L)), o.table("co"));
    }

    @Test
    void fileSinkWritesOnePartFilePerSubtaskInFormat() {
        String json = doc("{\"parallelism\": 2}", """
                {"id": "seq", "type": "source.sequence", "params": {"from": 1, "to": 6}},
                {"id": "sq", "type": "map", "params": {"fields": {"n": "value", "square": "value * value"}}},
                {"id": "files", "type": "sink.file", "params": {"path": "out", "format": "csv"}}
                """, chain("seq", "sq", "files"));
        var o = run(json, dir);
        assertTrue(o.result().succeeded(), o.result().failure());
        assertEquals(List.of("n,square", "1,1", "2,4", "3,9"), o.lines("out/part-0-0.csv"));
        assertEquals(List.of("n,square", "4,16", "5,25", "6,36"), o.lines("out/part-1-0.csv"));
    }

    @Test
    void traceSinkShowsRecordsWithTimestampsAndTheFinalWatermark() {
        String json = doc(null, """
                {"id": "src", "type": "source.rows", "params": {"schema": {"w": "STRING"}, "rows": [{"w": "a"}, {"w": "b"}]}},
                {"id": "t", "type": "sink.trace", "params": {"path": "trace.jsonl"}}
                """, chain("src", "t"));
        assertEquals(List.of("{\"record\": {\"w\":\"a\"}, \"ts\": null}", "{\"record\": {\"w\":\"b\"}, \"ts\": null}",
                "{\"watermark\": 9223372036854775807}"), run(json, dir).lines("trace.jsonl"));
    }

    @Test
    void generatorsAreDeterministicAndTheSameAtAnyParallelism() {
        for (String type : List.of("source.sensors", "source.clicks", "source.payments", "source.sentences")) {
            String json = doc(null, "{\"id\": \"g\", \"type\": \"" + type + "\", \"params\": {\"count\": 40}}, {\"id\": \"out\", \"type\": \"sink.table\"}",
                    chain("g", "out"));
            List<Row> one = run(json, dir).table("out");
            List<Row> again = run(json, dir).table("out");
            List<Row> four = run(json, dir, RunOptions.defaults().withParallelism(4)).table("out");
            assertEquals(40, one.size(), type);
            assertEquals(one, again, type + " repeats itself");
            assertEquals(new HashSet<>(one), new HashSet<>(four), type + " at parallelism 4");
            List<Row> otherSeed = run(json, dir, RunOptions.defaults().withSeed(7L)).table("out");
            assertTrue(!otherSeed.equals(one), type + " depends on the seed");
        }
    }

    @Test
    void sensorReadingsArriveOutOfOrderWithinMaxDelayExceptTheLateShare() {
        String json = doc(null, """
                {"id": "g", "type": "source.sensors", "params": {"count": 2000, "rate": 100, "maxDelay": "2s", "lateRatio": 0.1}},
                {"id": "out", "type": "sink.table"}
                """, chain("g", "out"));
        List<Row> rows = run(json, dir).table("out");
        long maxSeen = Long.MIN_VALUE;
        int late = 0;
        int outOfOrder = 0;
        for (Row r : rows) {
            long ts = ((Instant) r.get(3)).toEpochMilli();
            if (ts < maxSeen) outOfOrder++;
            if (ts < maxSeen - 2000) late++;
            maxSeen = Math.max(maxSeen, ts);
        }
        assertTrue(outOfOrder > 500, "out of order: " + outOfOrder);
        assertTrue(late > 100 && late < 300, "late beyond maxDelay: " + late);
    }

    @Test
    void clickSessionsAreSeparatedByMoreThanTheGap() {
        String json = doc(null, """
                {"id": "g", "type": "source.clicks", "params": {"users": 1, "sessionGap": "10s", "count": 60}},
                {"id": "out", "type": "sink.table"}
                """, chain("g", "out"));
        List<Row> rows = run(json, dir).table("out");
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            gaps.add(((Instant) rows.get(i).get(2)).toEpochMilli() - ((Instant) rows.get(i - 1).get(2)).toEpochMilli());
        }
        long sessions = gaps.stream().filter(g -> g > 10_000).count();
        assertTrue(sessions >= 5, "session breaks: " + sessions + " in " + gaps);
        assertTrue(gaps.stream().filter(g -> g <= 10_000).count() > 20, "clicks within sessions");
    }

    @Test
    void maxRecordsEndsAnUnboundedSourceCleanly() {
        String json = doc(null, """
                {"id": "g", "type": "source.sensors"},
                {"id": "t", "type": "sink.trace", "params": {"path": "t.jsonl"}}
                """, chain("g", "t"));
        var o = run(json, dir, RunOptions.defaults().withMaxRecords(5));
        List<String> lines = o.lines("t.jsonl");
        assertEquals(6, lines.size());
        assertEquals("{\"watermark\": 9223372036854775807}", lines.get(5));
    }

    @Test
    void ratedSourcesAdvanceTheVirtualClock() {
        String json = doc(null, """
                {"id": "g", "type": "source.sequence", "params": {"to": 11, "rate": 10}},
                {"id": "out", "type": "sink.table"}
                """, chain("g", "out"));
        var o = run(json, dir);
        assertEquals(dev.eddy.model.Settings.DEFAULT_START_TIME + 1000, o.result().virtualEndTime());
    }
}
