package dev.eddy.conformance;

import static dev.eddy.run.TestRuns.chain;
import static dev.eddy.run.TestRuns.doc;
import static dev.eddy.run.TestRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.model.RuntimeMode;
import dev.eddy.run.RunOptions;
import dev.eddy.types.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyed windows give the same results at every parallelism, under both drivers, and in batch mode. */
class WindowParallelismTest {
    @TempDir
    Path dir;

    private static String pipeline(String window) {
        return doc(null, """
                {"id": "g", "type": "source.sensors", "params": {"count": 600, "rate": 100, "maxDelay": "1s", "lateRatio": 0}},
                {"id": "t", "type": "watermarks", "params": {"timestamp": "ts", "maxOutOfOrderness": "1s"}},
                {"id": "byRoom", "type": "key-by", "params": {"key": "room"}},
                {"id": "w", "type": "window", "params": %s},
                {"id": "out", "type": "sink.table"}
                """.formatted(window), chain("g", "t", "byRoom", "w", "out"));
    }

    private List<String> results(String json, RunOptions options) {
        var o = run(json, dir, options);
        assertTrue(o.result().succeeded(), o.result().failure());
        List<String> rows = new ArrayList<>();
        // Batch mode folds each key's records in timestamp order (as Flink's sorted input does), so
        // DOUBLE sums may differ in the last bits: compare them rounded.
        for (Row r : o.table("out")) {
            Object[] v = r.copyValues();
            for (int i = 0; i < v.length; i++) if (v[i] instanceof Double d) v[i] = Math.round(d * 1e9) / 1e9;
            rows.add(java.util.Arrays.toString(v));
        }
        rows.sort(null);
        return rows;
    }

    @Test
    void tumblingSlidingAndSessionWindowsAgreeAtParallelismOneTwoAndFour() {
        for (String window : List.of(
                "{\"size\": \"2s\", \"aggregates\": {\"n\": \"COUNT(*)\", \"avg\": \"AVG(temperature)\"}}",
                "{\"assigner\": \"sliding\", \"size\": \"2s\", \"slide\": \"500ms\", \"aggregates\": {\"n\": \"COUNT(*)\", \"max\": \"MAX(temperature)\"}}",
                "{\"assigner\": \"session\", \"gap\": \"100ms\", \"aggregates\": {\"n\": \"COUNT(*)\"}}")) {
            String json = pipeline(window);
            List<String> one = results(json, RunOptions.defaults());
            assertTrue(one.size() > 5, window + ": " + one.size() + " results");
            assertEquals(one, results(json, RunOptions.defaults().withParallelism(2)), window + " at parallelism 2");
            assertEquals(one, results(json, RunOptions.defaults().withParallelism(4)), window + " at parallelism 4");
            assertEquals(one, results(json, RunOptions.defaults().withParallelism(2).withParallelDriver(true)), window + " parallel driver");
            assertEquals(one, results(json, RunOptions.defaults().withMode(RuntimeMode.BATCH)), window + " in batch mode");
        }
    }

    @Test
    void aDynamicSessionGapComesFromAnExpression() {
        var r = Scenario.keyedWindow(dir, Scenario.KV, Scenario.kv("a", 1, 0) + ", " + Scenario.kv("a", 5000, 4000) + ", "
                        + Scenario.kv("a", 1, 9500),
                "{\"assigner\": \"session\", \"dynamicGap\": \"v\", \"aggregates\": {\"sum\": \"SUM(v)\"}}");
        // [0,1) and [4000,9000) do not touch; [9500, 9501) does not touch [4000, 9000) either.
        Scenario.assertTrace(r.get(0), Scenario.sum("a", 0, 1, 1, 0), Scenario.sum("a", 4000, 9000, 5000, 8999),
                Scenario.sum("a", 9500, 9501, 1, 9500), Scenario.MAX);
    }

    @Test
    void aNonKeyedWindowWaitsForTheSlowestOfTheSubtasksBeforeIt() {
        // windowAll runs in one subtask behind both watermark subtasks; the records alternate
        // between them, so one holds 1000..2500 and the other 5000..7000, and the window's watermark
        // is the smaller of the two.
        String steps = Stream.of(1000, 5000, 1500, 6000).map(t -> "{\"record\": {\"t\": " + t + "}, \"ts\": " + t + "}")
                .collect(Collectors.joining(", ")) + ", {\"processingTime\": 200}, {\"record\": {\"t\": 2500}, \"ts\": 2500},"
                + " {\"record\": {\"t\": 7000}, \"ts\": 7000}, {\"processingTime\": 400}";
        String json = doc("{\"startTime\": 0}", """
                {"id": "s", "type": "source.scripted", "params": {"schema": {"t": "BIGINT"}, "steps": [%s]}},
                {"id": "spread", "type": "rebalance"},
                {"id": "wm", "type": "watermarks", "parallelism": 2, "params": {"strategy": "monotonous"}},
                {"id": "w", "type": "window", "params": {"size": "1s", "aggregates": {"n": "COUNT(*)"}}},
                {"id": "out", "type": "sink.trace", "params": {"path": "out.jsonl"}}
                """.formatted(steps), chain("s", "spread", "wm", "w", "out"));
        var o = run(json, dir, RunOptions.defaults());
        assertTrue(o.result().succeeded(), o.result().failure());
        List<String> lines = o.lines("out.jsonl");
        assertEquals(List.of("{\"watermark\": 1499}", window(1000, 2), "{\"watermark\": 2499}"), lines.subList(0, 3));
        // At the end, which watermark subtask finishes first is up to the scheduler (in Flink too):
        // the rest fire then, perhaps at the other subtask's last watermark (6999) first.
        assertEquals(List.of(window(2000, 1), window(5000, 1), window(6000, 1), window(7000, 1)),
                lines.subList(3, lines.size()).stream().filter(l -> l.startsWith("{\"record\"")).toList());
    }

    private static String window(long start, long n) {
        return "{\"record\": {\"window_start\":\"" + java.time.Instant.ofEpochMilli(start) + "\",\"window_end\":\""
                + java.time.Instant.ofEpochMilli(start + 1000) + "\",\"n\":" + n + "}, \"ts\": " + (start + 999) + "}";
    }
}
