package dev.eddy.run;

import static dev.eddy.run.TestRuns.chain;
import static dev.eddy.run.TestRuns.doc;
import static dev.eddy.run.TestRuns.edge;
import static dev.eddy.run.TestRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.observe.JobState;
import dev.eddy.types.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record that fails is never lost: the job stops naming it, or it goes to the errors port. */
class FailureHandlingTest {
    @TempDir
    Path dir;

    private static String divide(String policy) {
        return doc(null, """
                {"id": "src", "type": "source.rows", "params": {"schema": {"a": "BIGINT", "b": "BIGINT"},
                  "rows": [{"a": 6, "b": 3}, {"a": 1, "b": 0}, {"a": 8, "b": 2}]}},
                {"id": "ratio", "type": "map", "params": {"fields": {"q": "a / b"}, "onError": "%s"}},
                {"id": "out", "type": "sink.table"},
                {"id": "dead", "type": "sink.table"}
                """.formatted(policy), chain("src", "ratio", "out") + ", {\"from\": \"ratio\", \"port\": \"errors\", \"to\": \"dead\"}");
    }

    @Test
    void underFailTheJobStopsWithTheNodeTheRecordAndTheReason() {
        var o = run(divide("fail"), dir);
        assertEquals(JobState.FAILED, o.result().state());
        assertEquals("ratio", o.result().failedNode());
        String msg = o.result().failure();
        assertTrue(msg.startsWith("node \"ratio\" (map) failed on {\"a\":1,\"b\":0}: division by zero"), msg);
        assertTrue(msg.contains("\"onError\": \"skip\""), msg);
        assertEquals(List.of(Row.of(2L)), o.table("out"));
    }

    @Test
    void underSkipTheRecordGoesToTheErrorsPortAndIsCounted() {
        var o = run(divide("skip"), dir);
        assertTrue(o.result().succeeded(), o.result().failure());
        assertEquals(List.of(Row.of(2L), Row.of(4L)), o.table("out"));
        List<Row> dead = o.table("dead");
        assertEquals(1, dead.size());
        assertEquals("ratio", dead.get(0).get(0));
        assertTrue(((String) dead.get(0).get(1)).startsWith("division by zero"), dead.toString());
        assertEquals("{\"a\":1,\"b\":0}", dead.get(0).get(2));
        assertEquals(1, o.result().totals().get("ratio").errors());
    }

    @Test
    void aCsvLineThatDoesNotParseNamesTheFileLineAndField() throws Exception {
        Files.writeString(dir.resolve("readings.csv"), "room,temp\nlab,21.5\nhall,warm\nlab,22.0\n");
        String json = doc(null, """
                {"id": "csv", "type": "source.file", "params": {"path": "readings.csv", "schema": {"room": "STRING", "temp": "DOUBLE"}}},
                {"id": "out", "type": "sink.table"}
                """, chain("csv", "out"));
        var o = run(json, dir);
        assertEquals(JobState.FAILED, o.result().state());
        assertEquals("node \"csv\" (source.file) failed on readings.csv line 3 (hall,warm): field \"temp\": \"warm\" is not a DOUBLE"
                + " (a number such as 21.5) (set \"onError\": \"skip\" on the node to set such records aside instead)", o.result().failure());
        var skipped = run(json.replace("\"path\": \"readings.csv\"", "\"path\": \"readings.csv\", \"onError\": \"skip\""), dir);
        assertEquals(List.of(Row.of("lab", 21.5), Row.of("lab", 22.0)), skipped.table("out"));
        assertEquals(1, skipped.result().totals().get("csv").errors());
    }

    @Test
    void aMissingInputFileFailsAtTheStartWithItsPath() {
        String json = doc(null, """
                {"id": "csv", "type": "source.file", "params": {"path": "nope.csv", "format": "text"}},
                {"id": "out", "type": "sink.table"}
                """, chain("csv", "out"));
        var o = run(json, dir);
        assertEquals(JobState.FAILED, o.result().state());
        assertEquals("source \"csv\" could not start: " + dir.resolve("nope.csv") + ": no such file or directory", o.result().failure());
    }

    @Test
    void anUnwritableOutputFailsNamingTheSinkAndTheFile() throws Exception {
        Files.writeString(dir.resolve("blocker"), "a file where the sink wants a directory");
        String json = doc(null, """
                {"id": "seq", "type": "source.sequence", "params": {"to": 3}},
                {"id": "files", "type": "sink.file", "params": {"path": "blocker/out"}}
                """, chain("seq", "files"));
        var o = run(json, dir);
        assertEquals(JobState.FAILED, o.result().state());
        assertTrue(o.result().failure().startsWith("sink \"files\" cannot write " + dir.resolve("blocker/out")), o.result().failure());
    }

    @Test
    void aFullDiskFailsTheJobWithThatReason() {
        String json = doc(null, """
                {"id": "seq", "type": "source.sequence", "params": {"to": 100000}},
                {"id": "t", "type": "sink.trace", "params": {"path": "/dev/full"}}
                """, chain("seq", "t"));
        var o = run(json, dir);
        assertEquals(JobState.FAILED, o.result().state());
        assertTrue(o.result().failure().contains("the disk is full"), o.result().failure());
    }

    @Test
    void aKeyThatCannotBeComputedStopsTheJob() {
        String json = doc(null, """
                {"id": "src", "type": "source.rows", "params": {"schema": {"k": "STRING"}, "rows": [{"k": "a"}, {}]}},
                {"id": "byK", "type": "key-by", "params": {"key": "k"}},
                {"id": "n", "type": "aggregate", "params": {"aggregates": {"n": "COUNT(*)"}}},
                {"id": "out", "type": "sink.table"}
                """, chain("src", "byK", "n", "out"));
        var o = run(json, dir);
        assertFalse(o.result().succeeded());
        assertTrue(o.result().failure().startsWith("key-by \"byK\" cannot compute the key of {\"k\":null}: the key is NULL"), o.result().failure());
    }

    @Test
    void errorsOfAFlatMapGoToItsErrorsPortToo() {
        String json = doc(null, """
                {"id": "src", "type": "source.rows", "params": {"schema": {"s": "STRING", "n": "BIGINT"}, "rows": [{"s": "a b", "n": 1}, {"s": "c", "n": 0}]}},
                {"id": "split", "type": "flat-map", "params": {"split": "SPLIT(SUBSTRING(s, 1, 10 / n), ' ')", "as": "w", "onError": "skip"}},
                {"id": "out", "type": "sink.table"},
                {"id": "dead", "type": "sink.table"}
                """, chain("src", "split", "out") + ", {\"from\": \"split\", \"port\": \"errors\", \"to\": \"dead\"}");
        var o = run(json, dir);
        assertEquals(List.of(Row.of("a"), Row.of("b")), o.table("out"));
        assertEquals(1, o.table("dead").size());
    }
}
