package dev.eddy.conformance;

import static dev.eddy.conformance.Scenario.KV;
import static dev.eddy.conformance.Scenario.MAX;
import static dev.eddy.conformance.Scenario.assertTrace;
import static dev.eddy.conformance.Scenario.keyedWindow;
import static dev.eddy.conformance.Scenario.kv;
import static dev.eddy.conformance.Scenario.sum;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Windows and triggers on processing time, driven by the scripted source's clock steps as
 * Flink's harness drives its TestProcessingTimeService: windows come from the clock, not from
 * the records' timestamps (here all 5), fire when the clock passes their max timestamp, and what
 * is still open at the end of input never fires. Flink itself cannot be compared here:
 * its processing time is the wall clock.
 */
class ProcessingTimeWindowsTest {
    @TempDir
    Path dir;

    private static final String SUM = "\"aggregates\": {\"sum\": \"SUM(v)\"}";

    private static String clock(long t) { return "{\"processingTime\": " + t + "}"; }

    @Test
    void slidingWindowsComeFromTheClockAndFireInOrderOfTheirEnds() {
        // At 0 the record falls into [-1000, 1000) and [0, 2000); at 1500 into [0, 2000) and [1000, 3000).
        var r = keyedWindow(dir, KV, kv("a", 1, 5) + ", " + clock(1500) + ", " + kv("a", 2, 5) + ", " + clock(3000),
                "{\"assigner\": \"sliding\", \"time\": \"processing\", \"size\": \"2s\", \"slide\": \"1s\", " + SUM + "}");
        assertTrace(r.get(0), sum("a", -1000, 1000, 1, 999), sum("a", 0, 2000, 3, 1999), sum("a", 1000, 3000, 2, 2999), MAX);
    }

    @Test
    void processingTimeSessionsMergeAndFireAfterTheGapOfTheClock() {
        // [0, 1000) and [500, 1500) merge; b's session at 2000 is still open when input ends.
        var r = keyedWindow(dir, KV, kv("a", 1, 5) + ", " + clock(500) + ", " + kv("a", 2, 5) + ", " + clock(2000) + ", " + kv("b", 4, 5),
                "{\"assigner\": \"session\", \"time\": \"processing\", \"gap\": \"1s\", " + SUM + "}");
        assertTrace(r.get(0), sum("a", 0, 1500, 3, 1499), MAX);
    }

    @Test
    void aProcessingTimeTriggerFiresAnEventTimeWindowOnTheClock() {
        // ProcessingTimeTrigger on [0, 1000) of event time: its timer is at processing time 999; the
        // final watermark then only cleans the window up, it does not fire it again.
        var r = keyedWindow(dir, KV, kv("a", 1, 5) + ", " + kv("b", 2, 7) + ", " + clock(1000),
                "{\"size\": \"1s\", \"trigger\": \"processing-time\", " + SUM + "}");
        assertTrace(r.get(0), sum("a", 0, 1000, 1, 999), sum("b", 0, 1000, 2, 999), MAX);
    }

    @Test
    void aContinuousProcessingTimeTriggerFiresEveryIntervalFromTheFirstElementsInterval() {
        // First element at 100: the first fire is at 500 (100 rounded down to the interval, plus it), then every 500.
        var r = keyedWindow(dir, KV, clock(100) + ", " + kv("a", 1, 5) + ", " + clock(600) + ", " + kv("a", 2, 5) + ", " + clock(1000),
                "{\"assigner\": \"global\", \"trigger\": \"continuous-processing-time\", \"triggerInterval\": \"500ms\", " + SUM + "}");
        String g = "\"window_start\":null,\"window_end\":null";
        assertTrace(r.get(0), "{\"record\": {\"k\":\"a\"," + g + ",\"sum\":1}, \"ts\": 9223372036854775807}",
                "{\"record\": {\"k\":\"a\"," + g + ",\"sum\":3}, \"ts\": 9223372036854775807}", MAX);
    }
}
