package dev.eddy.conformance;

import static dev.eddy.conformance.Scenario.KV;
import static dev.eddy.conformance.Scenario.MAX;
import static dev.eddy.conformance.Scenario.assertTrace;
import static dev.eddy.conformance.Scenario.keyedWindow;
import static dev.eddy.conformance.Scenario.kv;
import static dev.eddy.conformance.Scenario.lateKv;
import static dev.eddy.conformance.Scenario.sum;
import static dev.eddy.conformance.Scenario.watermark;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Window rules of FLINK-SEMANTICS.md §2–§5, each as a scripted scenario through ./eddy's runtime. */
class WindowSemanticsTest {
    @TempDir
    Path dir;

    private static final String SUM = "\"aggregates\": {\"sum\": \"SUM(v)\"}";

    private static String wm(long t) { return "{\"watermark\": " + t + "}"; }

    @Test
    void aWindowFiresWhenTheWatermarkReachesItsMaxTimestampNotItsEnd() {
        // R-3.2 / D-1: window [0, 3000) has max timestamp 2999; watermark 2998 does not fire it, 2999 does.
        var r = keyedWindow(dir, KV, kv("a", 1, 0) + ", " + kv("a", 2, 2999) + ", " + wm(2998) + ", " + wm(2999),
                "{\"size\": \"3s\", " + SUM + "}");
        assertTrace(r.get(0), watermark(2998), sum("a", 0, 3000, 3, 2999), watermark(2999), MAX);
    }

    @Test
    void negativeTimestampsAndOffsetsFollowFlinksWindowStart() {
        // size 7, offset 3: -3 → [-4, 3); size 7, offset 0: -8 → [-14, -7).
        var r = keyedWindow(dir, KV, kv("a", 1, -3) + ", " + kv("b", 1, -8),
                "{\"size\": \"7ms\", \"offset\": \"3ms\", " + SUM + "}");
        var r2 = keyedWindow(dir, KV, kv("b", 1, -8), "{\"size\": \"7ms\", " + SUM + "}");
        // Both fire at the final watermark, in the order of their max timestamps.
        assertTrace(r.get(0), sum("b", -11, -4, 1, -5), sum("a", -4, 3, 1, 2), MAX);
        assertTrace(r2.get(0), sum("b", -14, -7, 1, -8), MAX);
    }

    @Test
    void slidingWindowsFireInOrderOfTheirEnds() {
        var r = keyedWindow(dir, KV, kv("a", 1, 0) + ", " + kv("a", 2, 1500) + ", " + kv("a", 4, 2500) + ", "
                        + wm(999) + ", " + wm(1999) + ", " + wm(2999),
                "{\"assigner\": \"sliding\", \"size\": \"3s\", \"slide\": \"1s\", " + SUM + "}");
        assertTrace(r.get(0), sum("a", -2000, 1000, 1, 999), watermark(999), sum("a", -1000, 2000, 3, 1999), watermark(1999),
                sum("a", 0, 3000, 7, 2999), watermark(2999), sum("a", 1000, 4000, 6, 3999), sum("a", 2000, 5000, 4, 4999), MAX);
    }

    @Test
    void aLateRecordWithinTheAllowedLatenessFiresTheWindowAgainWithTheFullResult() {
        // accumulating late firing.: one millisecond outside the lateness goes to the late port.
        var r = keyedWindow(dir, KV, kv("a", 1, 500) + ", " + wm(1999) + ", " + kv("a", 2, 1500) + ", " + wm(2998) + ", "
                        + kv("a", 4, 1999) + ", " + wm(2999) + ", " + kv("a", 8, 1999) + ", " + kv("a", 16, 2000),
                "{\"size\": \"2s\", \"allowedLateness\": \"1s\", " + SUM + "}");
        assertTrace(r.get(0), sum("a", 0, 2000, 1, 1999), watermark(1999), sum("a", 0, 2000, 3, 1999), watermark(2998),
                sum("a", 0, 2000, 7, 1999), watermark(2999), sum("a", 2000, 4000, 16, 3999), MAX);
        // Side outputs carry the watermarks too, as in Flink.
        assertTrace(r.get(1), watermark(1999), watermark(2998), watermark(2999), lateKv("a", 8, 1999), MAX);
    }

    @Test
    void aPurgingTriggerMakesLateFiringsCarryOnlyTheNewElements() {
        var r = keyedWindow(dir, KV, kv("a", 1, 500) + ", " + kv("a", 1, 600) + ", " + wm(1999) + ", " + kv("a", 5, 1500),
                "{\"size\": \"2s\", \"allowedLateness\": \"1s\", \"purging\": true, " + SUM + "}");
        assertTrace(r.get(0), sum("a", 0, 2000, 2, 1999), watermark(1999), sum("a", 0, 2000, 5, 1999), MAX);
    }

    @Test
    void withoutLatenessARecordAtTheWatermarkIsLate() {
        // D-3: an element with ts == watermark is late for a window whose max timestamp <= watermark.
        var r = keyedWindow(dir, KV, wm(1999) + ", " + kv("a", 1, 1999) + ", " + kv("a", 2, 2000),
                "{\"size\": \"2s\", " + SUM + "}");
        assertTrace(r.get(0), watermark(1999), sum("a", 2000, 4000, 2, 3999), MAX);
        assertTrace(r.get(1), watermark(1999), lateKv("a", 1, 1999), MAX);
    }

    @Test
    void aSlidingElementLateForSomeWindowsIsKeptByTheOthers() {
        // added to the windows still open, not side-output.
        var r = keyedWindow(dir, KV, wm(1999) + ", " + kv("a", 1, 1500),
                "{\"assigner\": \"sliding\", \"size\": \"2s\", \"slide\": \"1s\", " + SUM + "}");
        assertTrace(r.get(0), watermark(1999), sum("a", 1000, 3000, 1, 2999), MAX);
        assertTrace(r.get(1), watermark(1999), MAX);
    }

    @Test
    void sessionsMergeWhenANewRecordBridgesThemAndTouchingCounts() {
        var r = keyedWindow(dir, KV, kv("a", 1, 0) + ", " + kv("a", 2, 6000) + ", " + kv("b", 4, 100) + ", " + kv("a", 10, 3000)
                        + ", " + wm(8998) + ", " + wm(8999),
                "{\"assigner\": \"session\", \"gap\": \"3s\", " + SUM + "}");
        assertTrace(r.get(0), sum("b", 100, 3100, 4, 3099), watermark(8998), sum("a", 0, 9000, 13, 8999), watermark(8999), MAX);
    }

    @Test
    void aLateRecordWhoseSessionMergesIntoAnOpenOneIsAccepted() {
        var r = keyedWindow(dir, KV, kv("a", 1, 5000) + ", " + wm(4000) + ", " + kv("a", 2, 3000),
                "{\"assigner\": \"session\", \"gap\": \"3s\", " + SUM + "}");
        assertTrace(r.get(0), watermark(4000), sum("a", 3000, 8000, 3, 7999), MAX);
        assertTrace(r.get(1), watermark(4000), MAX);
    }

    @Test
    void tumblingCountWindowsFireEveryNAndDropTheRestAtTheEnd() {
        var r = keyedWindow(dir, KV, kv("a", 1, 1) + ", " + kv("a", 2, 2) + ", " + kv("a", 4, 3) + ", " + kv("a", 8, 4),
                "{\"assigner\": \"count\", \"count\": 3, " + SUM + "}");
        assertTrace(r.get(0), "{\"record\": {\"k\":\"a\",\"window_start\":null,\"window_end\":null,\"sum\":7}, \"ts\": 9223372036854775807}", MAX);
    }

    @Test
    void slidingCountWindowsFireEverySlideOverTheLastSize() {
        var r = keyedWindow(dir, KV, kv("a", 1, 1) + ", " + kv("a", 2, 2) + ", " + kv("a", 4, 3) + ", " + kv("a", 8, 4) + ", " + kv("a", 16, 5),
                "{\"assigner\": \"count\", \"count\": 3, \"countSlide\": 2, " + SUM + "}");
        String g = "\"window_start\":null,\"window_end\":null";
        assertTrace(r.get(0), "{\"record\": {\"k\":\"a\"," + g + ",\"sum\":3}, \"ts\": 9223372036854775807}",
                "{\"record\": {\"k\":\"a\"," + g + ",\"sum\":14}, \"ts\": 9223372036854775807}", MAX);
    }

    @Test
    void countEvictorBeforeAndAfterTheFunction() {
        String steps = kv("a", 1, 100) + ", " + kv("a", 2, 200) + ", " + kv("a", 4, 300) + ", " + wm(999) + ", " + kv("a", 8, 400);
        var before = keyedWindow(dir, KV, steps,
                "{\"size\": \"1s\", \"allowedLateness\": \"1s\", \"evictor\": \"count\", \"evictorCount\": 2, " + SUM + "}");
        assertTrace(before.get(0), sum("a", 0, 1000, 6, 999), watermark(999), sum("a", 0, 1000, 12, 999), MAX);
        var after = keyedWindow(dir, KV, steps,
                "{\"size\": \"1s\", \"allowedLateness\": \"1s\", \"evictor\": \"count\", \"evictorCount\": 2, \"evictAfter\": true, " + SUM + "}");
        assertTrace(after.get(0), sum("a", 0, 1000, 7, 999), watermark(999), sum("a", 0, 1000, 14, 999), MAX);
    }

    @Test
    void timeEvictorKeepsWhatIsNewerThanTheNewestMinusItsTime() {
        var r = keyedWindow(dir, KV, kv("a", 1, 100) + ", " + kv("a", 2, 500) + ", " + kv("a", 4, 900),
                "{\"size\": \"1s\", \"evictor\": \"time\", \"evictorTime\": \"400ms\", " + SUM + "}");
        assertTrace(r.get(0), sum("a", 0, 1000, 4, 999), MAX);
    }

    @Test
    void processingTimeWindowsFireOnTheClockAndNotAtTheEndOfInput() {
        var r = keyedWindow(dir, KV, kv("a", 1, 5) + ", {\"processingTime\": 1000}, " + kv("a", 2, 5) + ", " + kv("b", 4, 5),
                "{\"time\": \"processing\", \"size\": \"1s\", " + SUM + "}");
        // the window [1000, 2000) is still open when input ends, and is not flushed.
        assertTrace(r.get(0), sum("a", 0, 1000, 1, 999), MAX);
    }

    @Test
    void continuousEventTimeTriggerFiresEveryIntervalOnAGlobalWindow() {
        var r = keyedWindow(dir, KV, kv("a", 1, 100) + ", " + kv("a", 2, 1100) + ", " + wm(999) + ", " + wm(1999) + ", " + kv("a", 4, 2100),
                "{\"assigner\": \"global\", \"trigger\": \"continuous-event-time\", \"triggerInterval\": \"1s\", " + SUM + "}");
        String g = "\"window_start\":null,\"window_end\":null";
        // The first fire time is the first element's timestamp rounded up to the interval: 1000.
        // At the final watermark only the window-end firing happens (Flink would never finish).
        assertTrace(r.get(0), watermark(999), "{\"record\": {\"k\":\"a\"," + g + ",\"sum\":3}, \"ts\": 9223372036854775807}",
                watermark(1999), "{\"record\": {\"k\":\"a\"," + g + ",\"sum\":7}, \"ts\": 9223372036854775807}", MAX);
    }

    @Test
    void topNElementsOfEachWindow() {
        var r = keyedWindow(dir, KV, kv("a", 5, 1) + ", " + kv("a", 9, 2) + ", " + kv("a", 7, 3),
                "{\"size\": \"1s\", \"function\": \"elements\", \"orderBy\": \"v\", \"limit\": 2}");
        String b = "\"window_start\":\"1970-01-01T00:00:00Z\",\"window_end\":\"1970-01-01T00:00:01Z\"";
        assertTrace(r.get(0), "{\"record\": {" + b + ",\"k\":\"a\",\"v\":9}, \"ts\": 999}",
                "{\"record\": {" + b + ",\"k\":\"a\",\"v\":7}, \"ts\": 999}", MAX);
    }

    @Test
    void continuousEventTimeTriggerStepsThroughTheRestOfATimeWindowAtTheFinalWatermark() {
        // Found by the differential run against Flink 2.2: at Long.MAX_VALUE the fire timer at 1500
        // fires, registers the window end (2999) as the next fire time, and that fires too.
        var r = keyedWindow(dir, KV, kv("a", 1, 100), "{\"size\": \"3s\", \"trigger\": \"continuous-event-time\","
                + " \"triggerInterval\": \"1500ms\", " + SUM + "}");
        String b = "\"window_start\":\"1970-01-01T00:00:00Z\",\"window_end\":\"1970-01-01T00:00:03Z\"";
        String fired = "{\"record\": {\"k\":\"a\"," + b + ",\"sum\":1}, \"ts\": 2999}";
        assertTrace(r.get(0), fired, fired, MAX);
    }

    @Test
    void globalWindowWithEndOfStreamTriggerSeesEachKeyInTimestampOrderAndNoEarlierWatermark() {
        // Flink runs such a window on sorted input even when streaming (FLIP-331): LAST is the latest
        // timestamp, not the last arrival, and the watermark 999 never reaches the output.
        var r = keyedWindow(dir, KV, kv("a", 1, 500) + ", " + wm(999) + ", " + kv("a", 2, 100),
                "{\"assigner\": \"global\", \"trigger\": \"end-of-stream\", \"aggregates\": {\"last\": \"LAST(v)\"}}");
        String g = "\"window_start\":null,\"window_end\":null";
        assertTrace(r.get(0), "{\"record\": {\"k\":\"a\"," + g + ",\"last\":1}, \"ts\": 9223372036854775807}", MAX);
    }

    @Test
    void aSessionMergedFromThreeKeepsTheStateOfTheWindowFlinksHashSetNamesFirst() {
        // Found by the Flink differential: [-6953,-5140) and [-4702,-2889) are bridged by a record at -6103. Flink
        // keeps the state of the first merged window in its HashSet's order, here the second session's, so
        // FIRST(v) is that session's first value (6), not the earliest record's (9).
        var r = keyedWindow(dir, KV, kv("a", 9, -6953) + ", " + kv("a", 6, -4702) + ", " + kv("a", 3, -6103),
                "{\"assigner\": \"session\", \"gap\": \"1813ms\", \"aggregates\": {\"n\": \"COUNT(*)\", \"first\": \"FIRST(v)\"}}");
        assertEquals(1, r.get(0).stream().filter(l -> l.startsWith("{\"record\"")).count(), r.get(0).toString());
        assertTrue(r.get(0).get(0).contains("\"n\":3,\"first\":6"), r.get(0).toString());
    }

    @Test
    void reduceCombinesAWindowsRecordsFieldByFieldIntoOne() {
        // window(...).reduce(f, windowFunction): one record of the input's schema per window, with its bounds.
        var r = keyedWindow(dir, KV, kv("a", 1, 10) + ", " + kv("a", 2, 20) + ", " + kv("b", 5, 30) + ", " + kv("a", 3, 1500),
                "{\"size\": \"1s\", \"function\": \"reduce\", \"combine\": {\"v\": \"sum\"}}");
        assertTrace(r.get(0), reduced(0, 1000, "a", 3, 999), reduced(0, 1000, "b", 5, 999), reduced(1000, 2000, "a", 3, 1999), MAX);
    }

    @Test
    void aReduceOverMergedSessionsKeepsTheStateWindowsFirstValueAsFlinksReducingStateDoes() {
        // The same three sessions as above: Flink's reducing state merges the others into the state window's, so
        // "first" is that session's first value (6), and the sum covers all three records.
        var r = keyedWindow(dir, KV, kv("a", 9, -6953) + ", " + kv("a", 6, -4702) + ", " + kv("a", 3, -6103),
                "{\"assigner\": \"session\", \"gap\": \"1813ms\", \"function\": \"reduce\", \"combine\": {\"v\": \"first\"}}");
        assertTrace(r.get(0), reduced(-6953, -2889, "a", 6, -2890), MAX);
    }

    @Test
    void aReduceWithAnEvictorReducesWhatTheEvictorLeaves() {
        // EvictingWindowOperator keeps every element and reduces those left after evictBefore.
        var r = keyedWindow(dir, KV, kv("a", 1, 10) + ", " + kv("a", 2, 20) + ", " + kv("a", 4, 30),
                "{\"size\": \"1s\", \"evictor\": \"count\", \"evictorCount\": 2, \"function\": \"reduce\", \"combine\": {\"v\": \"sum\"}}");
        assertTrace(r.get(0), reduced(0, 1000, "a", 6, 999), MAX);
    }

    private static String reduced(long start, long end, String k, long v, long ts) {
        return "{\"record\": {\"window_start\":\"" + java.time.Instant.ofEpochMilli(start) + "\",\"window_end\":\""
                + java.time.Instant.ofEpochMilli(end) + "\",\"k\":\"" + k + "\",\"v\":" + v + "}, \"ts\": " + ts + "}";
    }
}
