package dev.eddy.conformance;

import static dev.eddy.conformance.Scenario.KV;
import static dev.eddy.conformance.Scenario.MAX;
import static dev.eddy.conformance.Scenario.assertTrace;
import static dev.eddy.conformance.Scenario.kv;
import static dev.eddy.conformance.Scenario.sum;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flink's BATCH mode (FLINK-SEMANTICS.md §9): keyed input sorted by key, then timestamp;
 * all of a key's timers at the end of the key, event time first, then processing time, and none
 * registered while they fire; early-firing triggers see every element already.
 */
class BatchModeTest {
    @TempDir
    Path dir;

    private static final String STREAMING = "{\"startTime\": 0}";
    private static final String BATCH = "{\"startTime\": 0, \"mode\": \"batch\"}";

    private List<String> keyedWindow(String settings, String steps, String window) {
        var o = Scenario.keyedWindowRun(dir, settings, KV, steps, window);
        assertTrue(o.result().succeeded(), o.result().failure());
        return o.lines("out.jsonl");
    }

    private List<String> rolling(String settings, String steps) {
        return Scenario.traceWithSettings(dir, settings, KV, steps, "", "{\"type\": \"key-by\", \"params\": {\"key\": \"k\"}}",
                "{\"type\": \"reduce\", \"params\": {\"combine\": {\"v\": \"last\"}}}");
    }

    @Test
    void aKeysRecordsArriveInTimestampOrderSoLastMeansLatest() {
        String steps = kv("b", 2, 1000) + ", " + kv("a", 1, 3000) + ", " + kv("a", 4, 1000) + ", " + kv("a", 8, 2000);
        // Streaming: "last" is the last to arrive. Batch: keys one after the other, each sorted by
        // timestamp, and only the final result per key (BatchGroupedReduceOperator stamps it
        // Long.MAX_VALUE): a's latest record (3000) is the 1.
        assertTrace(rolling(STREAMING, steps), lineOf("b", 2, 1000),
                lineOf("a", 1, 3000), lineOf("a", 4, 1000), lineOf("a", 8, 2000), MAX);
        assertTrace(rolling(BATCH, steps), lineOf("a", 1, Long.MAX_VALUE), lineOf("b", 2, Long.MAX_VALUE), MAX);
    }

    private static String lineOf(String k, long v, long ts) {
        return "{\"record\": {\"k\":\"" + k + "\",\"v\":" + v + "}, \"ts\": " + ts + "}";
    }

    @Test
    void anEarlyFiringTriggerFiresOnceAtItsFirstTimerAndOnceAtTheWindowEnd() {
        // The continuous trigger's first timer (2000) fires at the key's end with all elements in; the
        // next one it registers there (4000) is ignored, the timer service being quiesced; then the
        // window end fires. Streaming with only the final watermark walks every interval instead.
        String steps = kv("a", 1, 1000) + ", " + kv("a", 2, 5000) + ", " + kv("a", 4, 9000);
        String window = "{\"size\": \"10s\", \"trigger\": \"continuous-event-time\", \"triggerInterval\": \"2s\", \"aggregates\": {\"sum\": \"SUM(v)\"}}";
        String seven = sum("a", 0, 10000, 7, 9999);
        assertTrace(keyedWindow(BATCH, steps, window), seven, seven, MAX);
        assertTrace(keyedWindow(STREAMING, steps, window), seven, seven, seven, seven, seven, MAX);
    }

    @Test
    void processingTimeWindowsFireAtTheEndOfTheKeyWithTheClockOfTheEnd() {
        // Batch sorts the whole input before any window sees it, so both records are assigned by the
        // clock at the end of input (5000), and the window's timer fires at the end of the key.
        // Streaming assigns them at 0 and 5000; the second window is still open at the end.
        String steps = kv("a", 1, 7) + ", {\"processingTime\": 5000}, " + kv("a", 2, 7);
        String window = "{\"time\": \"processing\", \"size\": \"1s\", \"aggregates\": {\"sum\": \"SUM(v)\"}}";
        assertTrace(keyedWindow(BATCH, steps, window), sum("a", 5000, 6000, 3, 5999), MAX);
        assertTrace(keyedWindow(STREAMING, steps, window), sum("a", 0, 1000, 1, 999), MAX);
    }
}
