package dev.eddy.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.run.RunOptions;
import dev.eddy.run.TestRuns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Window joins (JoinedStreams) and interval joins (IntervalJoinOperator) of two keyed streams. */
class JoinTest {
    @TempDir
    Path dir;

    private static final String SCHEMA = "{\"k\": \"STRING\", \"name\": \"STRING\"}";

    private static String rec(String k, String name, long ts) {
        return "{\"record\": {\"k\": \"" + k + "\", \"name\": \"" + name + "\"}, \"ts\": " + ts + "}";
    }

    private List<List<String>> run(String leftSteps, String rightSteps, String join) {
        String nodes = "{\"id\": \"L\", \"type\": \"source.scripted\", \"params\": {\"schema\": " + SCHEMA + ", \"steps\": [" + leftSteps + "]}},"
                + " {\"id\": \"R\", \"type\": \"source.scripted\", \"params\": {\"schema\": " + SCHEMA + ", \"steps\": [" + rightSteps + "]}},"
                + " {\"id\": \"byL\", \"type\": \"key-by\", \"params\": {\"key\": \"k\"}},"
                + " {\"id\": \"byR\", \"type\": \"key-by\", \"params\": {\"key\": \"k\"}},"
                + " {\"id\": \"j\", " + join.substring(1) + ","
                + " {\"id\": \"out\", \"type\": \"sink.trace\", \"params\": {\"path\": \"out.jsonl\"}},"
                + " {\"id\": \"late\", \"type\": \"sink.table\"}";
        String edges = TestRuns.chain("L", "byL") + ", " + TestRuns.chain("R", "byR")
                + ", {\"from\": \"byL\", \"to\": \"j\", \"toPort\": \"left\"}, {\"from\": \"byR\", \"to\": \"j\", \"toPort\": \"right\"},"
                + " " + TestRuns.edge("j", "out")
                + (join.contains("interval-join") ? ", {\"from\": \"j\", \"port\": \"leftLate\", \"to\": \"late\"}" : ", {\"from\": \"L\", \"to\": \"late\"}");
        var o = TestRuns.run(TestRuns.doc("{\"startTime\": 0}", nodes, edges), dir, RunOptions.defaults());
        assertTrue(o.result().succeeded(), o.result().failure());
        List<String> out = new ArrayList<>(o.lines("out.jsonl").stream().filter(l -> l.startsWith("{\"record\"")).toList());
        out.sort(null);
        List<String> late = o.table("late").stream().map(Object::toString).toList();
        return List.of(out, late);
    }

    private static String joined(String k, String l, String r, long ts) {
        return "{\"record\": {\"k\":\"" + k + "\",\"name\":\"" + l + "\",\"right_k\":\"" + k + "\",\"right_name\":\"" + r + "\"}, \"ts\": " + ts + "}";
    }

    @Test
    void aTumblingWindowJoinPairsEveryLeftWithEveryRightOfTheKeyInTheWindow() {
        var r = run(rec("a", "l1", 0) + ", " + rec("a", "l2", 1500) + ", " + rec("b", "l3", 500),
                rec("a", "r1", 100) + ", " + rec("a", "r2", 2500) + ", " + rec("b", "r3", 1999),
                "{\"type\": \"window-join\", \"params\": {\"size\": \"2s\"}}");
        List<String> expected = new ArrayList<>(List.of(joined("a", "l1", "r1", 1999), joined("a", "l2", "r1", 1999), joined("b", "l3", "r3", 1999)));
        expected.sort(null);
        assertEquals(expected, r.get(0));
    }

    @Test
    void anIntervalJoinPairsRecordsWithinTheBoundsAndStampsTheLaterTime() {
        var r = run(rec("a", "l1", 1000) + ", " + rec("a", "l2", 5000),
                rec("a", "r0", 0) + ", " + rec("a", "r1", 1500) + ", " + rec("a", "r2", 2001) + ", " + rec("a", "r3", 4000) + ", " + rec("a", "r4", 5001),
                "{\"type\": \"interval-join\", \"params\": {\"lowerBound\": \"-1s\", \"upperBound\": \"1s\"}}");
        List<String> expected = new ArrayList<>(List.of(joined("a", "l1", "r0", 1000), joined("a", "l1", "r1", 1500),
                joined("a", "l2", "r3", 5000), joined("a", "l2", "r4", 5001)));
        expected.sort(null);
        assertEquals(expected, r.get(0));
    }

    @Test
    void exclusiveBoundsLeaveTheEdgesOut() {
        var r = run(rec("a", "l1", 1000), rec("a", "r0", 0) + ", " + rec("a", "r1", 2000) + ", " + rec("a", "r2", 1999),
                "{\"type\": \"interval-join\", \"params\": {\"lowerBound\": \"-1s\", \"upperBound\": \"1s\", \"lowerBoundExclusive\": true,"
                        + " \"upperBoundExclusive\": true}}");
        assertEquals(List.of(joined("a", "l1", "r2", 1999)), r.get(0));
    }

    @Test
    void aRecordBehindTheJoinsWatermarkIsLate() {
        var r = run("{\"watermark\": 3000}, {\"processingTime\": 10}, " + rec("a", "late", 2000),
                "{\"watermark\": 3000}, " + rec("a", "r", 2500),
                "{\"type\": \"interval-join\", \"params\": {\"lowerBound\": \"-1s\", \"upperBound\": \"1s\"}}");
        assertEquals(List.of(), r.get(0));
        assertEquals(List.of("[a, late]"), r.get(1));
    }
}
