package dev.eddy.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.run.RunOptions;
import dev.eddy.run.TestRuns;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R-1.20: the watermark of a join is the minimum of its two inputs'. A window join is a union in
 * Flink (one valve over both inputs' channels); an interval join is a two-input operator (a valve
 * per input, then the minimum of the inputs with idle ones left out), which differs once both go idle.
 */
class TwoInputWatermarksTest {
    @TempDir
    Path dir;

    private static final String SCHEMA = "{\"k\": \"STRING\", \"name\": \"STRING\"}";

    private static String rec(String name, long ts) {
        return "{\"record\": {\"k\": \"a\", \"name\": \"" + name + "\"}, \"ts\": " + ts + "}";
    }

    /** L and R (each through the given middle node, if any) → key-by → join → trace. */
    private List<String> run(String leftSteps, String rightSteps, String middle, String join) {
        String nodes = "{\"id\": \"L\", \"type\": \"source.scripted\", \"params\": {\"schema\": " + SCHEMA + ", \"steps\": [" + leftSteps + "]}},"
                + " {\"id\": \"R\", \"type\": \"source.scripted\", \"params\": {\"schema\": " + SCHEMA + ", \"steps\": [" + rightSteps + "]}},"
                + (middle == null ? "" : " {\"id\": \"mL\", " + middle.substring(1) + ", {\"id\": \"mR\", " + middle.substring(1) + ",")
                + " {\"id\": \"byL\", \"type\": \"key-by\", \"params\": {\"key\": \"k\"}},"
                + " {\"id\": \"byR\", \"type\": \"key-by\", \"params\": {\"key\": \"k\"}},"
                + " {\"id\": \"j\", " + join.substring(1) + ","
                + " {\"id\": \"out\", \"type\": \"sink.trace\", \"params\": {\"path\": \"out.jsonl\"}}";
        String edges = (middle == null ? TestRuns.chain("L", "byL") + ", " + TestRuns.chain("R", "byR")
                : TestRuns.chain("L", "mL", "byL") + ", " + TestRuns.chain("R", "mR", "byR"))
                + ", {\"from\": \"byL\", \"to\": \"j\", \"toPort\": \"left\"}, {\"from\": \"byR\", \"to\": \"j\", \"toPort\": \"right\"}, "
                + TestRuns.edge("j", "out");
        var o = TestRuns.run(TestRuns.doc("{\"startTime\": 0}", nodes, edges), dir, RunOptions.defaults());
        assertTrue(o.result().succeeded(), o.result().failure());
        return o.lines("out.jsonl");
    }

    private static String joined(String l, String r, long ts) {
        return "{\"record\": {\"k\":\"a\",\"name\":\"" + l + "\",\"right_k\":\"a\",\"right_name\":\"" + r + "\"}, \"ts\": " + ts + "}";
    }

    @Test
    void aWindowJoinFiresOnlyWhenTheSlowerInputsWatermarkPassesTheWindow() {
        List<String> trace = run(rec("l1", 500) + ", {\"watermark\": 1500}, {\"processingTime\": 100}, {\"watermark\": 5000}",
                rec("r1", 600) + ", {\"watermark\": 3000}, {\"processingTime\": 100}, {\"watermark\": 4000}",
                null, "{\"type\": \"window-join\", \"params\": {\"size\": \"2s\"}}");
        // Left at 5000 and right at 3000 give 3000: the window [0, 2000) fires there, not at 5000.
        assertEquals(List.of(Scenario.watermark(1500), joined("l1", "r1", 1999), Scenario.watermark(3000), Scenario.watermark(4000),
                Scenario.MAX), trace);
    }

    @Test
    void anIntervalJoinWhoseInputsBothGoIdleKeepsTheSmallerWatermark() {
        // Monotonous watermarks every 200 ms, idle after 300 ms without records: both inputs are idle at 800.
        String watermarks = "{\"type\": \"watermarks\", \"params\": {\"strategy\": \"monotonous\", \"idleness\": \"300ms\"}}";
        List<String> trace = run(rec("l1", 10000) + ", {\"processingTime\": 1000}", rec("r1", 5000) + ", {\"processingTime\": 1000}",
                watermarks, "{\"type\": \"interval-join\", \"params\": {\"lowerBound\": \"-10s\", \"upperBound\": \"10s\"}}");
        // Each input's valve emits the largest of its own channels when they all go idle (9999 and
        // 4999); the join, with both inputs idle, keeps 4999 (a union would move to 9999). At the end
        // the left input turns active with 9999, which the join acts on but, still announced idle,
        // does not pass on; then come ACTIVE and the final watermark.
        assertEquals(List.of(joined("l1", "r1", 10000), Scenario.watermark(4999), "{\"watermarkStatus\": \"IDLE\"}",
                "{\"watermarkStatus\": \"ACTIVE\"}", Scenario.MAX), trace);
    }
}
