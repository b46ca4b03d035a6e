package dev.eddy.conformance;

import static dev.eddy.conformance.Scenario.assertTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.run.RunOptions;
import dev.eddy.run.TestRuns;
import dev.eddy.validate.PipelineValidator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watermark strategy as a source option (Flink's fromSource(source, strategy, name)): the same
 * timestamps and watermarks as a watermarks node right after the source. At the end of input
 * neither adds a last periodic watermark: Flink's SourceOperator stops its periodic emits, and a
 * TimestampsAndWatermarksOperator's last emit comes after the final watermark and is dropped.
 */
class SourceWatermarksTest {
    private static final String MAX = "{\"watermark\": 9223372036854775807}";

    @TempDir
    Path dir;

    private static String rec(long t) { return "{\"record\": {\"t\": " + t + "}}"; }

    private static final String STEPS = rec(1000) + ", " + rec(3000) + ", {\"processingTime\": 200}, " + rec(2000) + ", " + rec(5000);

    private List<String> run(String sourceOptions, String... middle) {
        return Scenario.traceWithSourceOptions(dir, "{\"t\": \"BIGINT\"}", STEPS, sourceOptions, middle);
    }

    @Test
    void aSourceWithAStrategyStampsItsRecordsAndEmitsWatermarks() {
        var lines = run(", \"watermarks\": \"bounded-out-of-orderness\", \"timestamp\": \"t\", \"maxOutOfOrderness\": \"500ms\"");
        assertTrace(lines, "{\"record\": {\"t\":1000}, \"ts\": 1000}", "{\"record\": {\"t\":3000}, \"ts\": 3000}",
                "{\"watermark\": 2499}", "{\"record\": {\"t\":2000}, \"ts\": 2000}", "{\"record\": {\"t\":5000}, \"ts\": 5000}", MAX);
    }

    @Test
    void aWatermarksNodeAfterTheSourceGivesTheSameTrace() {
        assertEquals(run(", \"watermarks\": \"bounded-out-of-orderness\", \"timestamp\": \"t\", \"maxOutOfOrderness\": \"500ms\""),
                run("", "{\"type\": \"watermarks\", \"params\": {\"timestamp\": \"t\", \"maxOutOfOrderness\": \"500ms\"}}"));
    }

    @Test
    void theSourceStrategyFeedsAnEventTimeWindowWithoutAWatermarksNode() {
        var lines = run(", \"watermarks\": \"monotonous\", \"timestamp\": \"t\"",
                "{\"type\": \"window\", \"params\": {\"size\": \"2s\", \"aggregates\": {\"n\": \"COUNT(*)\"}}}");
        // Watermark 2999 at processing time 200 fires [0, 2000); the record at 2000 is not late for [2000, 4000).
        assertTrace(lines, "{\"record\": {\"window_start\":\"1970-01-01T00:00:00Z\",\"window_end\":\"1970-01-01T00:00:02Z\",\"n\":1}, \"ts\": 1999}",
                "{\"watermark\": 2999}",
                "{\"record\": {\"window_start\":\"1970-01-01T00:00:02Z\",\"window_end\":\"1970-01-01T00:00:04Z\",\"n\":2}, \"ts\": 3999}",
                "{\"record\": {\"window_start\":\"1970-01-01T00:00:04Z\",\"window_end\":\"1970-01-01T00:00:06Z\",\"n\":1}, \"ts\": 5999}", MAX);
    }

    @Test
    void strategySettingsWithoutAStrategyAreFlagged() {
        String json = TestRuns.doc(null, "{\"id\": \"script\", \"type\": \"source.scripted\", \"params\": {\"schema\": {\"t\": \"BIGINT\"},"
                + " \"steps\": [" + rec(1) + "], \"maxOutOfOrderness\": \"1s\"}}, {\"id\": \"out\", \"type\": \"sink.discard\"}",
                TestRuns.chain("script", "out"));
        var v = new PipelineValidator(dev.eddy.nodes.StandardCatalog.get()).validate(TestRuns.pipeline(json));
        assertFalse(v.hasErrors());
        assertTrue(v.problems().stream().anyMatch(p -> p.message().contains("set \"watermarks\" to use one")), v.problems().toString());
    }

    @Test
    void aRecordWithoutEventTimeStopsTheRunAndSaysWhichSourceAndWhy() {
        String json = TestRuns.doc(null, "{\"id\": \"script\", \"type\": \"source.scripted\", \"params\": {\"schema\": {\"t\": \"BIGINT\"},"
                + " \"steps\": [{\"record\": {\"t\": null}}], \"watermarks\": \"monotonous\", \"timestamp\": \"t\"}},"
                + " {\"id\": \"out\", \"type\": \"sink.discard\"}", TestRuns.chain("script", "out"));
        var o = TestRuns.run(json, dir, RunOptions.defaults());
        assertFalse(o.result().succeeded());
        assertEquals(true, o.result().failure().contains("script") && o.result().failure().contains("the timestamp `t` is NULL"),
                o.result().failure());
        assertFalse(o.result().failure().contains("onError"), "a scripted source has no onError to suggest");
    }

    @Test
    void onFlinkASkippingSourceCannotComputeEventTimeInItsStrategy() {
        String json = TestRuns.doc(null, "{\"id\": \"lines\", \"type\": \"source.file\", \"params\": {\"path\": \"in.csv\","
                + " \"schema\": {\"t\": \"BIGINT\"}, \"onError\": \"skip\", \"watermarks\": \"monotonous\", \"timestamp\": \"t\"}},"
                + " {\"id\": \"out\", \"type\": \"sink.discard\"}", TestRuns.chain("lines", "out"));
        var problems = dev.eddy.validate.FlinkReadiness.problems(TestRuns.pipeline(json), dev.eddy.nodes.StandardCatalog.get());
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("use a watermarks node after the source")), problems.toString());
    }
}
