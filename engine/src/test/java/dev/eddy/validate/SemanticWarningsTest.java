package dev.eddy.validate;

import static dev.eddy.run.TestRuns.chain;
import static dev.eddy.run.TestRuns.doc;
import static dev.eddy.run.TestRuns.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.nodes.StandardCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The traps a learner falls into, named before the run instead of discovered by a window that never fires. */
class SemanticWarningsTest {
    private static final String SENSORS = "{\"id\": \"src\", \"type\": \"source.sensors\"}";
    private static final String KEY = "{\"id\": \"k\", \"type\": \"key-by\", \"params\": {\"key\": \"room\"}}";
    private static final String WINDOW = "{\"id\": \"w\", \"type\": \"window\", \"params\": {\"assigner\": \"tumbling\", \"size\": \"10s\","
            + " \"aggregates\": {\"n\": \"COUNT(*)\"}}}";
    private static final String SINK = "{\"id\": \"out\", \"type\": \"sink.discard\"}";

    private static List<String> warnings(String json) {
        ValidationResult v = new PipelineValidator(StandardCatalog.get()).validate(pipeline(json));
        assertFalse(v.hasErrors(), v.problems().toString());
        return v.warnings().stream().map(Problem::toString).toList();
    }

    private static String watermarks(String idleness) {
        return "{\"id\": \"wm\", \"type\": \"watermarks\", \"parallelism\": 2, \"params\": {\"timestamp\": \"ts\", \"maxOutOfOrderness\": \"3s\""
                + (idleness == null ? "" : ", \"idleness\": \"" + idleness + "\"") + "}}";
    }

    @Test
    void anEventTimeWindowWithoutWatermarksNeverFiresOnAnEndlessStream() {
        List<String> w = warnings(doc(null, SENSORS + ", " + KEY + ", " + WINDOW + ", " + SINK, chain("src", "k", "w", "out")));
        assertEquals(List.of("warning: nodes[2]: \"w\" works in event time, but no watermark comes from \"src\": event time never"
                + " advances, so it fires never; add a watermarks node after \"src\""), w);
    }

    @Test
    void aBoundedInputWithoutWatermarksFiresOnlyAtTheEnd() {
        String bounded = "{\"id\": \"src\", \"type\": \"source.sensors\", \"params\": {\"count\": 100}}";
        List<String> w = warnings(doc(null, bounded + ", " + KEY + ", " + WINDOW + ", " + SINK, chain("src", "k", "w", "out")));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("fires only when the input ends"), w.toString());
    }

    @Test
    void severalWatermarkChannelsWithoutIdlenessAreNamedOnTheAssigner() {
        List<String> w = warnings(doc(null, SENSORS + ", " + watermarks(null) + ", " + KEY + ", " + WINDOW + ", " + SINK,
                chain("src", "wm", "k", "w", "out")));
        assertEquals(List.of("warning: nodes[1].params.idleness: \"w\" takes the smallest watermark of 2 inputs; if one goes quiet,"
                + " its watermark stops and \"w\" stops firing; set idleness on \"wm\" (e.g. \"30s\")"), w);
        assertEquals(List.of(), warnings(doc(null, SENSORS + ", " + watermarks("30s") + ", " + KEY + ", " + WINDOW + ", " + SINK,
                chain("src", "wm", "k", "w", "out"))));
    }

    @Test
    void aWindowWithoutKeyRunsInOneSubtask() {
        String wm = "{\"id\": \"wm\", \"type\": \"watermarks\", \"params\": {\"timestamp\": \"ts\"}}";
        List<String> w = warnings(doc(null, SENSORS + ", " + wm + ", " + WINDOW + ", " + SINK, chain("src", "wm", "w", "out")));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("warning: nodes[2]: \"w\" has no key-by before it, so it sees the whole stream in one subtask"), w.toString());
    }

    @Test
    void rollingStateOnAnEndlessStreamGrowsWithoutBound() {
        String agg = "{\"id\": \"a\", \"type\": \"aggregate\", \"params\": {\"aggregates\": {\"n\": \"COUNT(*)\"}}}";
        List<String> w = warnings(doc(null, SENSORS + ", " + KEY + ", " + agg + ", " + SINK, chain("src", "k", "a", "out")));
        assertEquals(List.of("warning: nodes[2]: a rolling aggregation keeps one value per key forever, and every new key adds one;"
                + " its input never ends (\"src\"), so its state grows without bound"), w);
        String bounded = "{\"id\": \"src\", \"type\": \"source.sensors\", \"params\": {\"count\": 100}}";
        assertEquals(List.of(), warnings(doc(null, bounded + ", " + KEY + ", " + agg + ", " + SINK, chain("src", "k", "a", "out"))));
    }

    @Test
    void aGlobalWindowGrowsUnlessItsTriggerPurges() {
        String wm = "{\"id\": \"wm\", \"type\": \"watermarks\", \"params\": {\"timestamp\": \"ts\"}}";
        String global = "{\"id\": \"w\", \"type\": \"window\", \"params\": {\"assigner\": \"global\", \"trigger\": \"count\","
                + " \"triggerCount\": 10, PURGING\"aggregates\": {\"n\": \"COUNT(*)\"}}}";
        String nodes = SENSORS + ", " + wm + ", " + KEY + ", " + global + ", " + SINK;
        List<String> w = warnings(doc(null, nodes.replace("PURGING", ""), chain("src", "wm", "k", "w", "out")));
        assertEquals(List.of("warning: nodes[3]: a global window keeps every record it is given unless its trigger purges or an evictor"
                + " removes them; its input never ends (\"src\"), so its state grows without bound"), w);
        assertEquals(List.of(), warnings(doc(null, nodes.replace("PURGING", "\"purging\": true, "), chain("src", "wm", "k", "w", "out"))));
        String count = "{\"id\": \"w\", \"type\": \"window\", \"params\": {\"assigner\": \"count\", \"count\": 10,"
                + " \"aggregates\": {\"n\": \"COUNT(*)\"}}}";
        assertEquals(List.of(), warnings(doc(null, SENSORS + ", " + wm + ", " + KEY + ", " + count + ", " + SINK, chain("src", "wm", "k", "w", "out"))));
    }
}
