package dev.eddy.conformance;

import static dev.eddy.conformance.Scenario.KV;
import static dev.eddy.conformance.Scenario.MAX;
import static dev.eddy.conformance.Scenario.assertTrace;
import static dev.eddy.conformance.Scenario.kv;
import static dev.eddy.conformance.Scenario.record;
import static dev.eddy.conformance.Scenario.trace;
import static dev.eddy.conformance.Scenario.traceWithSettings;
import static dev.eddy.conformance.Scenario.watermark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process node and the nodes written with it, end to end through the pipeline file: keyed
 * state per key, event-time and processing-time timers with the output timestamps of Flink's
 * KeyedProcessOperator, side outputs, state time-to-live, and BATCH mode.
 */
class ProcessNodeTest {
    @TempDir
    Path dir;

    private static final String BY_K = "{\"type\": \"key-by\", \"params\": {\"key\": \"k\"}}";

    static String process(String... lines) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (String l : lines) a.add(l);
        return "{\"type\": \"process\", \"params\": {\"program\": " + a + "}}";
    }

    private static String clock(long t) { return "{\"processingTime\": " + t + "}"; }

    @Test
    void valueStatePerKeyRunsATotalAndOutputKeepsTheRecordsTimestamp() {
        var out = trace(dir, KV, kv("a", 1, 10) + ", " + kv("b", 5, 20) + ", " + kv("a", 2, 30), BY_K, process(
                "state total BIGINT;",
                "on record {",
                "  total = COALESCE(total, 0) + v;",
                "  emit k, total;",
                "}"));
        assertTrace(out, record("\"k\":\"a\",\"total\":1", 10L), record("\"k\":\"b\",\"total\":5", 20L),
                record("\"k\":\"a\",\"total\":3", 30L), MAX);
    }

    @Test
    void anEventTimeTimerFiresWhenTheWatermarkReachesItAndItsOutputCarriesTheTimersTime() {
        // KeyedProcessOperator#onEventTime stamps the timer's time; the timer fires before the watermark goes on.
        var out = trace(dir, KV, kv("a", 1, 10) + ", " + watermark(4) + ", " + watermark(15) + ", " + kv("a", 2, 20), BY_K, process(
                "on record {",
                "  register event timer TIMESTAMP_ADD(record_time, 5);",
                "  emit k, v;",
                "}",
                "on timer {",
                "  emit k, -1 AS v;",
                "}"));
        assertTrace(out, record("\"k\":\"a\",\"v\":1", 10L), watermark(4), record("\"k\":\"a\",\"v\":-1", 15L), watermark(15),
                record("\"k\":\"a\",\"v\":2", 20L), record("\"k\":\"a\",\"v\":-1", 25L), MAX);
    }

    @Test
    void aProcessingTimeTimerEmitsWithoutATimestampOnTheMainOutputAndWithItsTimeOnASideOutput() {
        String steps = kv("a", 1, 10) + ", " + clock(100) + ", " + kv("a", 2, 20);
        String program = process(
                "on record {",
                "  register processing timer TIMESTAMP_ADD(now, 50);",
                "}",
                "on timer {",
                "  emit k, timer_domain AS domain;",
                "  emit to side k, EPOCH_MILLIS(timer_time) AS at;",
                "}");
        var out = trace(dir, KV, steps, BY_K, program);
        // The second timer, at 150, is still pending when input ends: processing-time timers do not fire then.
        assertTrace(out, record("\"k\":\"a\",\"domain\":\"processing\"", null), MAX);
        String nodes = "{\"id\": \"script\", \"type\": \"source.scripted\", \"params\": {\"schema\": " + KV + ", \"steps\": [" + steps + "]}},"
                + " {\"id\": \"byK\", \"type\": \"key-by\", \"params\": {\"key\": \"k\"}},"
                + program.replaceFirst("\\{", "{\"id\": \"p\", ") + ","
                + " {\"id\": \"side\", \"type\": \"sink.trace\", \"params\": {\"path\": \"side.jsonl\"}}";
        String edges = dev.eddy.run.TestRuns.chain("script", "byK", "p") + ", {\"from\": \"p\", \"port\": \"side\", \"to\": \"side\"}";
        var o = dev.eddy.run.TestRuns.run(dev.eddy.run.TestRuns.doc("{\"startTime\": 0}", nodes, edges), dir,
                dev.eddy.run.RunOptions.defaults());
        assertTrace(o.lines("side.jsonl"), record("\"k\":\"a\",\"at\":50", 50L), MAX);
    }

    @Test
    void deletingATimerKeepsItFromFiringAndOneTimerPerTimeAndKeyFiresOnce() {
        var out = trace(dir, KV, kv("a", 1, 10) + ", " + kv("a", 2, 10) + ", " + kv("b", 3, 10) + ", " + kv("b", 0, 11), BY_K, process(
                "on record {",
                "  if v > 0 {",
                "    register event timer 100;",
                "  } else {",
                "    delete event timer 100;",
                "  }",
                "}",
                "on timer {",
                "  emit k, EPOCH_MILLIS(timer_time) AS at;",
                "}"));
        assertTrace(out, record("\"k\":\"a\",\"at\":100", 100L), MAX);
    }

    @Test
    void listAndMapStatesWithALoop() {
        var out = trace(dir, KV, kv("a", 3, 1) + ", " + kv("a", 1, 2) + ", " + kv("a", 3, 3), BY_K, process(
                "state seen LIST<BIGINT>;",
                "state counts MAP<BIGINT, BIGINT>;",
                "on record {",
                "  seen.add(v);",
                "  let n = counts.get(v);",
                "  counts.put(v, COALESCE(n, 0) + 1);",
                "  let keys = counts.keys();",
                "  let summary = '';",
                "  for x in keys {",
                "    let c = counts.get(x);",
                "    summary = summary || CAST(x AS STRING) || 'x' || CAST(c AS STRING) || ' ';",
                "  }",
                "  emit k, CARDINALITY(seen) AS n, TRIM(summary) AS summary;",
                "}"));
        assertTrace(out, record("\"k\":\"a\",\"n\":1,\"summary\":\"3x1\"", 1L), record("\"k\":\"a\",\"n\":2,\"summary\":\"1x1 3x1\"", 2L),
                record("\"k\":\"a\",\"n\":3,\"summary\":\"1x1 3x2\"", 3L), MAX);
    }

    @Test
    void aValueWithATimeToLiveIsGoneOnceTheClockPassesItsWriteTimePlusTheTtl() {
        // StateTtlConfig with OnCreateAndWrite and NeverReturnExpired: written at 0, expired from 1000 on.
        var out = trace(dir, KV, kv("a", 1, 1) + ", " + clock(999) + ", " + kv("a", 2, 2) + ", " + clock(1999) + ", " + kv("a", 3, 3)
                + ", " + clock(3000) + ", " + kv("a", 4, 4), BY_K, process(
                "state last BIGINT ttl 1s;",
                "on record {",
                "  emit k, v, last;",
                "  last = v;",
                "}"));
        // Each write restarts the time-to-live: 2 at 999 lives until 1999, and 3 at 1999 is gone by 3000.
        assertTrace(out, record("\"k\":\"a\",\"v\":1,\"last\":null", 1L), record("\"k\":\"a\",\"v\":2,\"last\":1", 2L),
                record("\"k\":\"a\",\"v\":3,\"last\":null", 3L), record("\"k\":\"a\",\"v\":4,\"last\":null", 4L), MAX);
    }

    @Test
    void refreshOnReadKeepsAValueAliveWhileItIsRead() {
        var out = trace(dir, KV, kv("a", 1, 1) + ", " + clock(800) + ", " + kv("a", 0, 2) + ", " + clock(1600) + ", " + kv("a", 0, 3)
                + ", " + clock(2700) + ", " + kv("a", 0, 4), BY_K, process(
                "state first BIGINT ttl 1s refresh on read;",
                "on record {",
                "  if v > 0 {",
                "    first = v;",
                "  }",
                "  emit k, first;",
                "}"));
        // Read at 800 and 1600, so alive until 2600; at 2700 it is gone.
        assertTrace(out, record("\"k\":\"a\",\"first\":1", 1L), record("\"k\":\"a\",\"first\":1", 2L),
                record("\"k\":\"a\",\"first\":1", 3L), record("\"k\":\"a\",\"first\":null", 4L), MAX);
    }

    @Test
    void inBatchModeAKeysTimersFireWhenTheNextKeyBeginsWithTheWatermarkAtItsMaximum() {
        // BatchExecutionInternalTimeService: records of a key see the watermark at its minimum, timers
        // registered while firing are ignored, and each key's timers fire before the next key's records.
        var out = traceWithSettings(dir, "{\"startTime\": 0, \"mode\": \"batch\"}", KV,
                kv("b", 1, 10) + ", " + kv("a", 2, 20) + ", " + kv("b", 3, 5), "", BY_K, process(
                        "on record {",
                        "  register event timer TIMESTAMP_ADD(record_time, 100);",
                        "  emit k, v, watermark IS NULL AS before;",
                        "}",
                        "on timer {",
                        "  register event timer TIMESTAMP_ADD(timer_time, 1);",
                        "  emit k, EPOCH_MILLIS(timer_time) AS v, EPOCH_MILLIS(watermark) = 9223372036854775807 AS before;",
                        "}"));
        assertTrace(out, record("\"k\":\"a\",\"v\":2,\"before\":true", 20L), record("\"k\":\"a\",\"v\":120,\"before\":true", 120L),
                record("\"k\":\"b\",\"v\":3,\"before\":true", 5L), record("\"k\":\"b\",\"v\":1,\"before\":true", 10L),
                record("\"k\":\"b\",\"v\":105,\"before\":true", 105L), record("\"k\":\"b\",\"v\":110,\"before\":true", 110L), MAX);
    }

    @Test
    void theChangeAlertComparesWithTheLastReadingWithinTheIntervalAndForgetsItAfter() {
        String schema = "{\"room\": \"STRING\", \"temperature\": \"DOUBLE\"}";
        String steps = "{\"record\": {\"room\": \"a\", \"temperature\": 20.0}, \"ts\": 1000},"
                + " {\"record\": {\"room\": \"a\", \"temperature\": 45.0}, \"ts\": 30000},"
                + " {\"record\": {\"room\": \"b\", \"temperature\": 10.0}, \"ts\": 31000},"
                + " {\"record\": {\"room\": \"b\", \"temperature\": 25.0}, \"ts\": 32000},"
                + " {\"watermark\": 100000},"
                + " {\"record\": {\"room\": \"a\", \"temperature\": 70.0}, \"ts\": 110000}";
        var out = trace(dir, schema, steps, "{\"type\": \"key-by\", \"params\": {\"key\": \"room\"}}",
                "{\"type\": \"change-alert\", \"params\": {\"value\": \"temperature\", \"threshold\": 20, \"within\": \"1m\"}}");
        assertTrace(out, record("\"room\":\"a\",\"previous\":20.0,\"current\":45.0,\"change\":25.0,"
                        + "\"previous_time\":\"1970-01-01T00:00:01Z\",\"time\":\"1970-01-01T00:00:30Z\"", 30000L),
                watermark(100000), MAX);
    }

    @Test
    void deduplicateInEventTimeForgetsAKeyAfterTheSpan() {
        var out = trace(dir, KV, kv("a", 1, 0) + ", " + kv("a", 2, 500) + ", " + watermark(1000) + ", " + kv("a", 3, 1200), BY_K,
                "{\"type\": \"deduplicate\", \"params\": {\"within\": \"1s\"}}");
        assertTrace(out, record("\"k\":\"a\",\"v\":1", 0L), watermark(1000), record("\"k\":\"a\",\"v\":3", 1200L), MAX);
    }

    @Test
    void deduplicateInProcessingTimeUsesTheStatesTimeToLive() {
        var out = trace(dir, KV, kv("a", 1, 0) + ", " + clock(999) + ", " + kv("a", 2, 0) + ", " + clock(1000) + ", " + kv("a", 3, 0),
                BY_K, "{\"type\": \"deduplicate\", \"params\": {\"within\": \"1s\", \"time\": \"processing\"}}");
        assertTrace(out, record("\"k\":\"a\",\"v\":1", 0L), record("\"k\":\"a\",\"v\":3", 0L), MAX);
    }

    @Test
    void topNEmitsTheNewTopWhenARecordEntersIt() {
        var out = trace(dir, KV, kv("a", 5, 1) + ", " + kv("a", 1, 2) + ", " + kv("a", 7, 3) + ", " + kv("a", 0, 4) + ", " + kv("a", 6, 5),
                BY_K, "{\"type\": \"top-n\", \"params\": {\"value\": \"v\", \"n\": 2}}");
        assertTrace(out, record("\"k\":\"a\",\"top\":[5.0]", 1L), record("\"k\":\"a\",\"top\":[5.0,1.0]", 2L),
                record("\"k\":\"a\",\"top\":[7.0,5.0]", 3L), record("\"k\":\"a\",\"top\":[7.0,6.0]", 5L), MAX);
    }

    @Test
    void aRecordThatFailsGoesToErrorsWithTheLineAndStatementThatFailed() {
        String program = process(
                "state xs LIST<BIGINT>;",
                "on record {",
                "  if v > 0 {",
                "    xs.add(CASE WHEN v > 20 THEN CAST(NULL AS BIGINT) ELSE v END);",
                "  }",
                "  emit k, CARDINALITY(xs) AS n;",
                "}").replace("]}}", "], \"onError\": \"skip\"}}");
        String nodes = "{\"id\": \"script\", \"type\": \"source.scripted\", \"params\": {\"schema\": " + KV + ", \"steps\": ["
                + kv("a", 1, 10) + ", " + kv("a", 25, 11) + ", " + kv("a", 2, 12) + "]}},"
                + " {\"id\": \"byK\", \"type\": \"key-by\", \"params\": {\"key\": \"k\"}},"
                + program.replaceFirst("\\{", "{\"id\": \"p\", ") + ","
                + " {\"id\": \"out\", \"type\": \"sink.trace\", \"params\": {\"path\": \"out.jsonl\"}},"
                + " {\"id\": \"bad\", \"type\": \"sink.trace\", \"params\": {\"path\": \"bad.jsonl\"}}";
        String edges = dev.eddy.run.TestRuns.chain("script", "byK", "p", "out") + ", {\"from\": \"p\", \"port\": \"errors\", \"to\": \"bad\"}";
        var o = dev.eddy.run.TestRuns.run(dev.eddy.run.TestRuns.doc("{\"startTime\": 0}", nodes, edges), dir,
                dev.eddy.run.RunOptions.defaults());
        // The failing record emits nothing; the ones around it go on with the state it did not change.
        assertTrace(o.lines("out.jsonl"), record("\"k\":\"a\",\"n\":1", 10L), record("\"k\":\"a\",\"n\":2", 12L), MAX);
        var bad = o.lines("bad.jsonl");
        org.junit.jupiter.api.Assertions.assertTrue(bad.get(0).contains("line 4 (`xs.add(CASE WHEN v > 20 THEN CAST(NULL AS BIGINT) ELSE v"), bad.get(0));
        org.junit.jupiter.api.Assertions.assertTrue(bad.get(0).contains("cannot add NULL to list state"), bad.get(0));
    }
}
