package dev.eddy.conformance;

import static dev.eddy.conformance.Scenario.KV;
import static dev.eddy.conformance.Scenario.MAX;
import static dev.eddy.conformance.Scenario.assertTrace;
import static dev.eddy.conformance.Scenario.keyedWindow;
import static dev.eddy.conformance.Scenario.kv;
import static dev.eddy.conformance.Scenario.sum;
import static dev.eddy.conformance.Scenario.watermark;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corners of FLINK-SEMANTICS.md that no other scenario reaches: timers behind the watermark
 * firings with nothing in the window, several windows fired by one record,
 * global windows, dynamic processing-time sessions, a time evictor without
 * timestamps, and lateness so large that window end + lateness overflows.
 * Each expected trace was worked out from Flink's trigger, evictor and operator code.
 */
class WindowEdgeCasesTest {
    @TempDir
    Path dir;

    private static final String SUM = "\"aggregates\": {\"sum\": \"SUM(v)\"}";
    private static final String HUGE_LATENESS = "\"allowedLateness\": \"9223372036854775000ms\"";

    private static String global(String k, Object sum) {
        return "{\"record\": {\"k\":\"" + k + "\",\"window_start\":null,\"window_end\":null,\"sum\":" + sum + "}, \"ts\": 9223372036854775807}";
    }

    private static String noTimestamp(String k, long v) {
        return "{\"record\": {\"k\": \"" + k + "\", \"v\": " + v + "}}";
    }

    @Test
    void aContinuousTriggersTimerBehindTheWatermarkFiresAtTheNextWatermarkAndSoDoTheTimersItRegistersThere() {
        // The record at 3500 arrives behind watermark 5000: its first continuous timer is 4000, which
        // only the next watermark (6000) fires. Firing at 4000 registers 5000, and that 6000, both
        // still at or below 6000, so the same watermark fires them too; 7000 waits.
        var r = keyedWindow(dir, KV, watermark(5000) + ", " + kv("a", 1, 3500) + ", " + kv("a", 2, 5200) + ", " + watermark(6000),
                "{\"size\": \"10s\", \"trigger\": \"continuous-event-time\", \"triggerInterval\": \"1s\", " + SUM + "}", false);
        assertTrace(r.get(0), watermark(5000), sum("a", 0, 10000, 3, 9999), sum("a", 0, 10000, 3, 9999), sum("a", 0, 10000, 3, 9999),
                watermark(6000), sum("a", 0, 10000, 3, 9999), sum("a", 0, 10000, 3, 9999), sum("a", 0, 10000, 3, 9999),
                sum("a", 0, 10000, 3, 9999), MAX);
    }

    @Test
    void aFiringAfterAPurgeFindsNothingAndEmitsNothing() {
        // Purging continuous trigger every 2s on [0, 10000): 2000 fires 1 + 2 and purges; 4000, fired by
        // the same watermark, finds the window empty. At the end 6000 fires the 5; 8000 and the window
        // end find it empty again. A COUNT would show every empty firing as a 0.
        var r = keyedWindow(dir, KV, kv("a", 1, 1000) + ", " + kv("a", 2, 2500) + ", " + watermark(4000) + ", " + kv("a", 5, 5000),
                "{\"size\": \"10s\", \"trigger\": \"continuous-event-time\", \"triggerInterval\": \"2s\", \"purging\": true,"
                        + " \"aggregates\": {\"sum\": \"SUM(v)\", \"n\": \"COUNT(*)\"}}");
        String window = "\"k\":\"a\",\"window_start\":\"1970-01-01T00:00:00Z\",\"window_end\":\"1970-01-01T00:00:10Z\"";
        assertTrace(r.get(0), "{\"record\": {" + window + ",\"sum\":3,\"n\":2}, \"ts\": 9999}", watermark(4000),
                "{\"record\": {" + window + ",\"sum\":5,\"n\":1}, \"ts\": 9999}", MAX);
    }

    @Test
    void aLateRecordThatCompletesSeveralSlidingWindowsFiresThemLatestStartFirst() {
        // 8500 belongs to [8000, 11000), [7000, 10000) and [6000, 9000), assigned in that order; the
        // last two already lie behind watermark 10000, so EventTimeTrigger fires each on the spot.
        var r = keyedWindow(dir, KV, watermark(10000) + ", " + kv("a", 1, 8500),
                "{\"assigner\": \"sliding\", \"size\": \"3s\", \"slide\": \"1s\", \"allowedLateness\": \"5s\", " + SUM + "}");
        assertTrace(r.get(0), watermark(10000), sum("a", 7000, 10000, 1, 9999), sum("a", 6000, 9000, 1, 8999),
                sum("a", 8000, 11000, 1, 10999), MAX);
        assertTrue(r.get(1).stream().noneMatch(l -> l.startsWith("{\"record\"")), r.get(1).toString());
    }

    @Test
    void slidingWindowsWhoseSizeIsNotAMultipleOfTheSlideStillCoverEveryRecord() {
        // Size 3s, slide 2s: 500 lies in [0, 3000) and [-2000, 1000); 2500 in [2000, 5000) and [0, 3000).
        var r = keyedWindow(dir, KV, kv("a", 1, 500) + ", " + kv("a", 2, 2500),
                "{\"assigner\": \"sliding\", \"size\": \"3s\", \"slide\": \"2s\", " + SUM + "}");
        assertTrace(r.get(0), sum("a", -2000, 1000, 1, 999), sum("a", 0, 3000, 3, 2999), sum("a", 2000, 5000, 2, 4999), MAX);
    }

    @Test
    void aGlobalWindowWithItsDefaultTriggerNeverFiresNotEvenAtTheEnd() {
        var r = keyedWindow(dir, KV, kv("a", 1, 1000) + ", " + watermark(5000), "{\"assigner\": \"global\", " + SUM + "}");
        assertTrace(r.get(0), watermark(5000), MAX);
    }

    @Test
    void nothingIsEverLateForAGlobalWindow() {
        // GlobalWindows is not an event-time assigner: timestamps far behind the watermark still count.
        var r = keyedWindow(dir, KV, watermark(10000) + ", " + kv("a", 1, 5) + ", " + kv("a", 2, 6),
                "{\"assigner\": \"global\", \"trigger\": \"count\", \"triggerCount\": 2, " + SUM + "}");
        assertTrace(r.get(0), watermark(10000), global("a", 3L), MAX);
        assertTrace(r.get(1), watermark(10000), MAX);
    }

    @Test
    void dynamicProcessingTimeSessionsTakeEachRecordsGapFromTheClock() {
        // At 0 a gap of 100 gives [0, 100); at 50 a gap of 200 gives [50, 250): they merge into [0, 250),
        // which fires when the clock passes 249. b's session at 300 is open when input ends.
        String clock50 = "{\"processingTime\": 50}";
        String clock300 = "{\"processingTime\": 300}";
        var r = keyedWindow(dir, KV, kv("a", 100, 7) + ", " + clock50 + ", " + kv("a", 200, 7) + ", " + clock300 + ", " + kv("b", 1000, 7),
                "{\"assigner\": \"session\", \"time\": \"processing\", \"dynamicGap\": \"v\", " + SUM + "}");
        assertTrace(r.get(0), sum("a", 0, 250, 300, 249), MAX);
    }

    @Test
    void aTimeEvictorEmptiesAWindowOfRecordsWithoutTimestampsAndTheWindowStillFires() {
        // Flink's sources stamp a record without a timestamp with Long.MIN_VALUE, so TimeEvictor's
        // "no timestamp" test never holds: the cutoff Long.MIN_VALUE - 1000 wraps around to a huge
        // value and every element goes; the function still runs, on nothing (a NULL sum). With
        // timestamps the cutoff is the newest (5500) minus 1s, so 1000 goes. Checked on Flink 2.2.
        var r = keyedWindow(dir, KV, noTimestamp("a", 1) + ", " + noTimestamp("a", 2) + ", " + noTimestamp("a", 4) + ", "
                        + kv("b", 1, 1000) + ", " + kv("b", 2, 5000) + ", " + kv("b", 4, 5500),
                "{\"assigner\": \"global\", \"trigger\": \"count\", \"triggerCount\": 3, \"evictor\": \"time\", \"evictorTime\": \"1s\", " + SUM + "}");
        assertTrace(r.get(0), global("a", "null"), global("b", "6"), MAX);
    }

    @Test
    void whenWindowEndPlusLatenessOverflowsTheWindowIsNeverCleanedUp() {
        // cleanupTime overflows, so it is Long.MAX_VALUE: the window keeps taking late records.
        var r = keyedWindow(dir, KV, kv("a", 1, 500) + ", " + watermark(20000) + ", " + kv("a", 2, 600) + ", " + watermark(30000)
                        + ", " + kv("a", 4, 700),
                "{\"size\": \"10s\", " + HUGE_LATENESS + ", " + SUM + "}");
        assertTrace(r.get(0), sum("a", 0, 10000, 1, 9999), watermark(20000), sum("a", 0, 10000, 3, 9999), watermark(30000),
                sum("a", 0, 10000, 7, 9999), MAX);
    }

    @Test
    void aSessionMergeWhoseEndPlusLatenessOverflowsFailsTheJobAsInFlink() {
        // WindowOperator's merge check adds end and lateness without the overflow guard of cleanupTime:
        // the merged session [1000, 2500) looks late against watermark 0 and Flink throws.
        var o = Scenario.keyedWindowRun(dir, "{\"startTime\": 0}", KV, watermark(0) + ", " + kv("a", 1, 1000) + ", " + kv("a", 2, 1500),
                "{\"assigner\": \"session\", \"gap\": \"1s\", " + HUGE_LATENESS + ", " + SUM + "}");
        assertFalse(o.result().succeeded());
        assertTrue(o.result().failure().contains("cannot become earlier than the current watermark by merging"), o.result().failure());
        List<String> lines = o.lines("out.jsonl");
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("{\"record\"")), lines.toString());
    }

    @Test
    void aDynamicGapThatIsNotAboveZeroFailsTheJobAsFlinksAssignerDoes() {
        // DynamicEventTimeSessionWindows throws for a gap <= 0; Eddy names the node, the record and the gap.
        var o = Scenario.keyedWindowRun(dir, "{\"startTime\": 0}", KV, kv("a", 500, 1000) + ", " + kv("a", 0, 1200),
                "{\"assigner\": \"session\", \"dynamicGap\": \"v\", " + SUM + "}");
        assertFalse(o.result().succeeded());
        String failure = o.result().failure();
        assertTrue(failure.contains("the session gap `v` is 0; it must be above 0") && failure.contains("\"v\":0"), failure);
    }
}
