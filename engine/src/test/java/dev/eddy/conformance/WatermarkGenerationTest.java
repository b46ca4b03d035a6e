package dev.eddy.conformance;

import static dev.eddy.conformance.Scenario.assertTrace;
import static dev.eddy.conformance.Scenario.trace;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** how the watermarks node assigns timestamps and emits watermarks. */
class WatermarkGenerationTest {
    private static final String MAX = "{\"watermark\": 9223372036854775807}";

    @TempDir
    Path dir;

    private static final String SCHEMA = "{\"t\": \"BIGINT\"}";

    private static String rec(long t) { return "{\"record\": {\"t\": " + t + "}}"; }

    @Test
    void boundedOutOfOrdernessTrailsTheLargestTimestampByTheBoundPlusOne() {
        // BoundedOutOfOrdernessWatermarksTest: d = 10ms, events 12345, 12300, 12340, 12280 → 12334.
        var lines = trace(dir, SCHEMA, rec(12345) + ", " + rec(12300) + ", " + rec(12340) + ", " + rec(12280)
                        + ", {\"processingTime\": 200}",
                "{\"type\": \"watermarks\", \"params\": {\"timestamp\": \"t\", \"maxOutOfOrderness\": \"10ms\"}}");
        assertTrace(lines, "{\"record\": {\"t\":12345}, \"ts\": 12345}", "{\"record\": {\"t\":12300}, \"ts\": 12300}",
                "{\"record\": {\"t\":12340}, \"ts\": 12340}", "{\"record\": {\"t\":12280}, \"ts\": 12280}",
                "{\"watermark\": 12334}", MAX);
    }

    @Test
    void monotonousTimestampsGiveTheLargestMinusOne() {
        var lines = trace(dir, SCHEMA, rec(12345) + ", " + rec(12340) + ", {\"processingTime\": 200}",
                "{\"type\": \"watermarks\", \"params\": {\"timestamp\": \"t\", \"strategy\": \"monotonous\"}}");
        assertTrace(lines, "{\"record\": {\"t\":12345}, \"ts\": 12345}", "{\"record\": {\"t\":12340}, \"ts\": 12340}",
                "{\"watermark\": 12344}", MAX);
    }

    @Test
    void periodicWatermarksComeEveryIntervalAndOnlyWhenTheyAdvance() {
        var lines = trace(dir, SCHEMA, "{\"processingTime\": 200}, " + rec(1000) + ", {\"processingTime\": 399}, {\"processingTime\": 400}, "
                        + rec(900) + ", {\"processingTime\": 600}, " + rec(2000) + ", {\"processingTime\": 800}",
                "{\"type\": \"watermarks\", \"params\": {\"timestamp\": \"t\"}}");
        // Before any record the generator's watermark is Long.MIN_VALUE, which is never forwarded.
        assertTrace(lines, "{\"record\": {\"t\":1000}, \"ts\": 1000}", "{\"watermark\": 999}",
                "{\"record\": {\"t\":900}, \"ts\": 900}", "{\"record\": {\"t\":2000}, \"ts\": 2000}", "{\"watermark\": 1999}", MAX);
    }

    @Test
    void withAnIntervalOfZeroPeriodicGeneratorsNeverEmitOnlyTheFinalWatermarkComes() {
        var lines = Scenario.traceWithSettings(dir, "{\"startTime\": 0, \"autoWatermarkInterval\": \"0ms\"}", SCHEMA,
                rec(1000) + ", {\"processingTime\": 1000}, " + rec(2000) + ", {\"processingTime\": 5000}", "",
                "{\"type\": \"watermarks\", \"params\": {\"timestamp\": \"t\"}}");
        assertTrace(lines, "{\"record\": {\"t\":1000}, \"ts\": 1000}", "{\"record\": {\"t\":2000}, \"ts\": 2000}", MAX);
    }

    @Test
    void aPunctuatedWatermarkFollowsItsRecordImmediately() {
        var lines = trace(dir, "{\"t\": \"BIGINT\", \"mark\": \"BOOLEAN\"}",
                "{\"record\": {\"t\": 100, \"mark\": false}}, {\"record\": {\"t\": 200, \"mark\": true}}, {\"record\": {\"t\": 150, \"mark\": true}}",
                "{\"type\": \"watermarks\", \"params\": {\"timestamp\": \"t\", \"strategy\": \"punctuated\", \"when\": \"mark\"}}");
        assertTrace(lines, "{\"record\": {\"t\":100,\"mark\":false}, \"ts\": 100}", "{\"record\": {\"t\":200,\"mark\":true}, \"ts\": 200}",
                "{\"watermark\": 200}", "{\"record\": {\"t\":150,\"mark\":true}, \"ts\": 150}", MAX);
    }

    @Test
    void upstreamWatermarksAreSwallowedExceptTheFinalOne() {
        var lines = trace(dir, SCHEMA, "{\"record\": {\"t\": 5}, \"ts\": 5}, {\"watermark\": 5000}",
                "{\"type\": \"watermarks\", \"params\": {\"strategy\": \"none\"}}");
        assertTrace(lines, "{\"record\": {\"t\":5}, \"ts\": 5}", MAX);
    }

    @Test
    void withoutATimestampExpressionTheRecordKeepsItsOwn() {
        var lines = trace(dir, SCHEMA, "{\"record\": {\"t\": 1}, \"ts\": 7000}, {\"processingTime\": 200}",
                "{\"type\": \"watermarks\", \"params\": {\"maxOutOfOrderness\": \"1s\"}}");
        assertTrace(lines, "{\"record\": {\"t\":1}, \"ts\": 7000}", "{\"watermark\": 5999}", MAX);
    }

    @Test
    void ingestionTimeStampsRecordsWithTheClock() {
        var lines = trace(dir, SCHEMA, rec(1) + ", {\"processingTime\": 50}, " + rec(2) + ", {\"processingTime\": 200}",
                "{\"type\": \"watermarks\", \"params\": {\"strategy\": \"ingestion-time\"}}");
        assertTrace(lines, "{\"record\": {\"t\":1}, \"ts\": 0}", "{\"record\": {\"t\":2}, \"ts\": 50}", "{\"watermark\": 49}", MAX);
    }

    @Test
    void aQuietInputGoesIdleAndBecomesActiveWithItsNextWatermark() {
        // Probes at 200 (activity), 400 (quiet: the clock starts), 600 and 800 (not yet longer than 500),
        // 1000 (600 > 500: idle). The record at 1100 is activity; the probe at 1200 emits its watermark.
        var lines = trace(dir, SCHEMA, rec(1000) + ", {\"processingTime\": 1000}, " + rec(3000) + ", {\"processingTime\": 1200}",
                "{\"type\": \"watermarks\", \"params\": {\"timestamp\": \"t\", \"idleness\": \"500ms\"}}");
        assertTrace(lines, "{\"record\": {\"t\":1000}, \"ts\": 1000}", "{\"watermark\": 999}", "{\"watermarkStatus\": \"IDLE\"}",
                "{\"record\": {\"t\":3000}, \"ts\": 3000}", "{\"watermarkStatus\": \"ACTIVE\"}", "{\"watermark\": 2999}", MAX);
    }
}
