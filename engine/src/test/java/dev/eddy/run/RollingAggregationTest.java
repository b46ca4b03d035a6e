package dev.eddy.run;

import static dev.eddy.run.TestRuns.chain;
import static dev.eddy.run.TestRuns.doc;
import static dev.eddy.run.TestRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.model.RuntimeMode;
import dev.eddy.types.Row;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyed rolling reduce and aggregate, streaming and batch, as Flink's grouped reduce operators behave. */
class RollingAggregationTest {
    @TempDir
    Path dir;

    /** fromSequence(0, 10).keyBy(i % 2).reduce(sum): DataStreamBatchExecutionITCase#batchReduceSingleResultPerKey. */
    private static String sumByParity(String sink) {
        return doc(null, """
                {"id": "seq", "type": "source.sequence", "params": {"from": 0, "to": 10}},
                {"id": "parity", "type": "map", "params": {"fields": {"k": "value % 2", "value": "value"}}},
                {"id": "byK", "type": "key-by", "params": {"key": "k"}},
                {"id": "sum", "type": "reduce", "params": {"combine": {"value": "sum"}}},
                """ + sink, chain("seq", "parity", "byK", "sum", "out"));
    }

    @Test
    void streamingEmitsOneUpdatedResultPerRecord() {
        var o = run(sumByParity("{\"id\": \"out\", \"type\": \"sink.table\"}"), dir);
        List<Object> sums = o.table("out").stream().map(r -> r.get(1)).toList();
        assertEquals(List.<Object>of(0L, 1L, 2L, 4L, 6L, 9L, 12L, 16L, 20L, 25L, 30L), sums);
    }

    @Test
    void batchEmitsOnlyTheFinalResultPerKeyWithTimestampMax() {
        var o = run(sumByParity("{\"id\": \"out\", \"type\": \"sink.trace\", \"params\": {\"path\": \"trace.jsonl\"}}"), dir,
                RunOptions.defaults().withMode(RuntimeMode.BATCH));
        // Keys 0 and 1 sort by their big-endian bytes: 0 before 1.
        assertEquals(List.of(
                "{\"record\": {\"k\":0,\"value\":30}, \"ts\": 9223372036854775807}",
                "{\"record\": {\"k\":1,\"value\":25}, \"ts\": 9223372036854775807}",
                "{\"watermark\": 9223372036854775807}"), o.lines("trace.jsonl"));
    }

    @Test
    void fieldsWithoutACombinerKeepTheFirstRecordsValue() {
        String json = doc(null, """
                {"id": "src", "type": "source.rows", "params": {"schema": {"k": "STRING", "v": "BIGINT", "note": "STRING"},
                  "rows": [{"k": "a", "v": 5, "note": "first"}, {"k": "a", "v": 3, "note": "second"}, {"k": "a", "v": 9, "note": "third"}]}},
                {"id": "byK", "type": "key-by", "params": {"key": "k"}},
                {"id": "r", "type": "reduce", "params": {"combine": {"v": "min"}}},
                {"id": "out", "type": "sink.table"}
                """, chain("src", "byK", "r", "out"));
        assertEquals(List.of(Row.of("a", 5L, "first"), Row.of("a", 3L, "first"), Row.of("a", 3L, "first")), run(json, dir).table("out"));
    }

    @Test
    void aggregateComputesEveryFunctionPerKey() {
        String json = doc(null, """
                {"id": "src", "type": "source.rows", "params": {"schema": {"room": "STRING", "t": "DOUBLE", "n": "BIGINT"},
                  "rows": [{"room": "x", "t": 20.0, "n": 1}, {"room": "y", "t": 10.0}, {"room": "x", "t": 24.0, "n": 2}]}},
                {"id": "byRoom", "type": "key-by", "params": {"key": "room"}},
                {"id": "agg", "type": "aggregate", "params": {"aggregates": {"readings": "COUNT(*)", "ns": "COUNT(n)", "total": "SUM(t)",
                  "low": "MIN(t)", "high": "MAX(t)", "mean": "AVG(t)", "firstN": "FIRST(n)", "lastT": "LAST(t)", "sumN": "SUM(n)"}}},
                {"id": "out", "type": "sink.table"}
                """, chain("src", "byRoom", "agg", "out"));
        assertEquals(List.of(
                Row.of("x", 1L, 1L, 20.0, 20.0, 20.0, 20.0, 1L, 20.0, 1L),
                Row.of("y", 1L, 0L, 10.0, 10.0, 10.0, 10.0, null, 10.0, null),
                Row.of("x", 2L, 2L, 44.0, 20.0, 24.0, 22.0, 1L, 24.0, 3L)), run(json, dir).table("out"));
    }

    @Test
    void aCompositeKeyGivesOneColumnPerKeyPart() {
        String json = doc(null, """
                {"id": "src", "type": "source.rows", "params": {"schema": {"a": "STRING", "b": "BIGINT"},
                  "rows": [{"a": "x", "b": 1}, {"a": "x", "b": 2}, {"a": "x", "b": 1}]}},
                {"id": "byAB", "type": "key-by", "params": {"key": ["a", "b * 10"]}},
                {"id": "agg", "type": "aggregate", "params": {"aggregates": {"n": "COUNT(*)"}}},
                {"id": "out", "type": "sink.table"}
                """, chain("src", "byAB", "agg", "out"));
        assertEquals(List.of(Row.of("x", 10L, 1L), Row.of("x", 20L, 1L), Row.of("x", 10L, 2L)), run(json, dir).table("out"));
    }
}
