package dev.eddy.conformance;

import static dev.eddy.conformance.ProcessNodeTest.process;
import static dev.eddy.conformance.Scenario.KV;
import static dev.eddy.conformance.Scenario.MAX;
import static dev.eddy.conformance.Scenario.assertTrace;
import static dev.eddy.conformance.Scenario.kv;
import static dev.eddy.conformance.Scenario.record;
import static dev.eddy.conformance.Scenario.trace;
import static dev.eddy.conformance.Scenario.watermark;

import dev.eddy.run.RunOptions;
import dev.eddy.run.TestRuns;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cases of Flink's KeyedProcessOperatorTest, written as process programs and run through the
 * pipeline file: what a handler sees of the record's timestamp and the watermark, timers of both
 * domains with the timestamps their output carries, state that does not leak between keys when
 * timers are set and deleted, and side outputs. (Its snapshot-and-restore case belongs to
 * checkpoints; its null-tag case cannot be written, since a side output is a port.)
 */
class KeyedProcessOperatorScenariosTest {
    @TempDir
    Path dir;

    private static final String BY_K = "{\"type\": \"key-by\", \"params\": {\"key\": \"k\"}}";

    private static String untimed(String k, long v) { return "{\"record\": {\"k\": \"" + k + "\", \"v\": " + v + "}}"; }

    private static String clock(long t) { return "{\"processingTime\": " + t + "}"; }

    private static String steps(String... s) { return String.join(", ", s); }

    @Test
    void aHandlerSeesTheRecordsTimestampAndTheCurrentWatermark() {
        // testTimestampAndWatermarkQuerying: W(17), 5@12, W(42), 6@13.
        var out = trace(dir, KV, steps(watermark(17), kv("x", 5, 12), watermark(42), kv("x", 6, 13)), BY_K, process(
                "on record {",
                "  emit v, EPOCH_MILLIS(watermark) AS wm, EPOCH_MILLIS(record_time) AS ts;",
                "}"));
        assertTrace(out, watermark(17), record("\"v\":5,\"wm\":17,\"ts\":12", 12L), watermark(42),
                record("\"v\":6,\"wm\":42,\"ts\":13", 13L), MAX);
    }

    @Test
    void aHandlerSeesTheProcessingTimeAndNoTimestampWhenTheRecordHasNone() {
        // testTimestampAndProcessingTimeQuerying: setProcessingTime(17), 5, setProcessingTime(42), 6.
        var out = trace(dir, KV, steps(clock(17), untimed("x", 5), clock(42), untimed("x", 6)), BY_K, process(
                "on record {",
                "  emit v, EPOCH_MILLIS(now) AS pt, record_time IS NULL AS untimed;",
                "}"));
        assertTrace(out, record("\"v\":5,\"pt\":17,\"untimed\":true", null), record("\"v\":6,\"pt\":42,\"untimed\":true", null), MAX);
    }

    @Test
    void anEventTimeTimerSetFromTheWatermarkFiresBeforeTheWatermarkThatReachesIt() {
        // testEventTimeTimers: W(0), 17@42 registers watermark + 5, W(5); the timer's output carries 5.
        var out = trace(dir, KV, steps(watermark(0), kv("17", 17, 42), watermark(5)), BY_K, process(
                "on record {",
                "  emit v;",
                "  register event timer TIMESTAMP_ADD(watermark, 5);",
                "}",
                "on timer {",
                "  emit 1777 AS v;",
                "}"));
        assertTrace(out, watermark(0), record("\"v\":17", 42L), record("\"v\":1777", 5L), watermark(5), MAX);
    }

    @Test
    void aProcessingTimeTimerFiresOnTheClockAndItsOutputHasNoTimestamp() {
        // testProcessingTimeTimers: 17 at processing time 0 registers now + 5; then the clock reaches 5.
        var out = trace(dir, KV, steps(untimed("17", 17), clock(5)), BY_K, process(
                "on record {",
                "  emit v;",
                "  register processing timer TIMESTAMP_ADD(now, 5);",
                "}",
                "on timer {",
                "  emit 1777 AS v;",
                "}"));
        assertTrace(out, record("\"v\":17", null), record("\"v\":1777", null), MAX);
    }

    private static final String SEEN_ONCE = "state seen BIGINT;\n"
            + "on record {\n"
            + "  if seen IS NULL {\n"
            + "    emit 'INPUT' AS what, v;\n"
            + "    seen = v;\n"
            + "    register DOMAIN timer TIMESTAMP_ADD(CLOCK, 5);\n"
            + "  } else {\n"
            + "    clear seen;\n"
            + "    delete DOMAIN timer TIMESTAMP_ADD(CLOCK, 4);\n"
            + "  }\n"
            + "}\n"
            + "on timer {\n"
            + "  emit 'STATE' AS what, seen AS v;\n"
            + "}";

    @Test
    void eventTimeTimersReadTheirOwnKeysStateAndADeletedOneNeverFires() {
        // testEventTimeTimerWithState: key 13 sees a second record, which clears its state and deletes its timer at 6.
        var out = trace(dir, KV, steps(watermark(1), kv("17", 17, 0), kv("13", 13, 0), watermark(2), kv("42", 42, 1),
                kv("13", 13, 1), watermark(6), watermark(7)), BY_K,
                process(SEEN_ONCE.replace("DOMAIN", "event").replace("CLOCK", "watermark").split("\n")));
        assertTrace(out, watermark(1), record("\"what\":\"INPUT\",\"v\":17", 0L), record("\"what\":\"INPUT\",\"v\":13", 0L),
                watermark(2), record("\"what\":\"INPUT\",\"v\":42", 1L), record("\"what\":\"STATE\",\"v\":17", 6L), watermark(6),
                record("\"what\":\"STATE\",\"v\":42", 7L), watermark(7), MAX);
    }

    @Test
    void processingTimeTimersReadTheirOwnKeysStateAndADeletedOneNeverFires() {
        // testProcessingTimeTimerWithState: the same on the clock; every timer's output is without a timestamp.
        var out = trace(dir, KV, steps(clock(1), untimed("17", 17), untimed("13", 13), clock(2), untimed("13", 13),
                untimed("42", 42), clock(6), clock(7)), BY_K,
                process(SEEN_ONCE.replace("DOMAIN", "processing").replace("CLOCK", "now").split("\n")));
        assertTrace(out, record("\"what\":\"INPUT\",\"v\":17", null), record("\"what\":\"INPUT\",\"v\":13", null),
                record("\"what\":\"INPUT\",\"v\":42", null), record("\"what\":\"STATE\",\"v\":17", null),
                record("\"what\":\"STATE\",\"v\":42", null), MAX);
    }

    @Test
    void aSideOutputCarriesTheRecordsTimestamp() {
        // testSideOutput: 42@17 gives "IN:42" on the main output and 42 on the side output, both at 17.
        String program = process(
                "on record {",
                "  emit 'IN:' || CAST(v AS STRING) AS s;",
                "  emit to side v;",
                "}");
        String nodes = "{\"id\": \"script\", \"type\": \"source.scripted\", \"params\": {\"schema\": " + KV
                + ", \"steps\": [" + kv("42", 42, 17) + "]}},"
                + " {\"id\": \"byK\", \"type\": \"key-by\", \"params\": {\"key\": \"k\"}},"
                + program.replaceFirst("\\{", "{\"id\": \"p\", ") + ","
                + " {\"id\": \"out\", \"type\": \"sink.trace\", \"params\": {\"path\": \"out.jsonl\"}},"
                + " {\"id\": \"side\", \"type\": \"sink.trace\", \"params\": {\"path\": \"side.jsonl\"}}";
        String edges = TestRuns.chain("script", "byK", "p", "out") + ", {\"from\": \"p\", \"port\": \"side\", \"to\": \"side\"}";
        var o = TestRuns.run(TestRuns.doc("{\"startTime\": 0}", nodes, edges), dir, RunOptions.defaults());
        assertTrace(o.lines("out.jsonl"), record("\"s\":\"IN:42\"", 17L), MAX);
        assertTrace(o.lines("side.jsonl"), record("\"v\":42", 17L), MAX);
    }
}
