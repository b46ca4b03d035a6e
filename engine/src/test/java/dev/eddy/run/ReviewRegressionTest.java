package dev.eddy.run;

import static dev.eddy.run.TestRuns.chain;
import static dev.eddy.run.TestRuns.doc;
import static dev.eddy.run.TestRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.model.RuntimeMode;
import dev.eddy.observe.JobState;
import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.observe.Subscription;
import dev.eddy.runtime.KeyGroups;
import dev.eddy.runtime.ResultTables;
import dev.eddy.runtime.driver.Pacer;
import dev.eddy.validate.InvalidPipelineException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour a review found wrong, pinned down so it stays right. */
class ReviewRegressionTest {
    @TempDir
    Path dir;

    private static final String WORDS = """
            {"id": "src", "type": "source.rows", "params": {"schema": {"w": "STRING", "n": "BIGINT"},
              "rows": [{"w": "bb", "n": 1}, {"w": "a", "n": 2}, {"w": "bb", "n": 3}, {"w": "a", "n": 4}, {"w": "c", "n": 5}]}},
            {"id": "byW", "type": "key-by", "params": {"key": "w"}},
            """;

    @Test
    void aKeyBySpreadsOverTheSubtasksOfTheNodeAfterIt() {
        var o = run(doc("{\"parallelism\": 2}", WORDS + "{\"id\": \"out\", \"type\": \"sink.table\", \"parallelism\": 3}",
                chain("src", "byW", "out")), dir);
        assertTrue(o.result().succeeded(), o.result().failure());
        for (ResultTables.Entry e : o.entries("out")) {
            assertEquals(KeyGroups.subtaskFor(e.row().get(0), 128, 3), e.subtask(), "key " + e.row().get(0));
        }
    }

    @Test
    void inBatchModeTheNodeAfterAKeyBySeesOneKeyAfterTheOther() {
        var o = run(doc(null, WORDS + "{\"id\": \"out\", \"type\": \"sink.table\"}", chain("src", "byW", "out")), dir,
                RunOptions.defaults().withMode(RuntimeMode.BATCH));
        // Serialized key order: shorter strings first ("a", "c", then "bb").
        assertEquals(List.<Object>of(2L, 4L, 5L, 1L, 3L), o.table("out").stream().map(r -> r.get(1)).toList());
    }

    @Test
    void batchModeRefusesASourceThatNeverEnds() {
        String json = doc(null, "{\"id\": \"s\", \"type\": \"source.sentences\"}, {\"id\": \"out\", \"type\": \"sink.discard\"}", chain("s", "out"));
        InvalidPipelineException e = assertThrows(InvalidPipelineException.class, () -> PipelineRunner.standard()
                .prepare(TestRuns.pipeline(json), dir, RunOptions.defaults().withMode(RuntimeMode.BATCH)));
        assertTrue(e.getMessage().contains("\"s\" never ends, and batch mode needs bounded input"), e.getMessage());
        var bounded = run(json, dir, RunOptions.defaults().withMode(RuntimeMode.BATCH).withMaxRecords(3));
        assertEquals(3, bounded.result().recordsIn("out"));
    }

    @Test
    void aStackOverflowInAnExpressionNamesTheNodeAndTheRecord() {
        String json = doc(null, """
                {"id": "src", "type": "source.rows", "params": {"schema": {"s": "STRING"}, "rows": [{"s": "%s"}]}},
                {"id": "deep", "type": "filter", "params": {"condition": "REGEXP(s, '(a|b)*c')"}},
                {"id": "out", "type": "sink.table"}
                """.formatted("ab".repeat(100_000)), chain("src", "deep", "out"));
        var o = run(json, dir);
        assertEquals(JobState.FAILED, o.result().state());
        assertTrue(o.result().failure().contains("deep"), o.result().failure());
    }

    @Test
    void controlObservationsAreNeverThinned() throws Exception {
        ObservationBus bus = new ObservationBus();
        Subscription tiny = bus.subscribe(1, true);
        run(doc(null, "{\"id\": \"g\", \"type\": \"source.sequence\", \"params\": {\"to\": 500}}, {\"id\": \"out\", \"type\": \"sink.discard\"}",
                chain("g", "out")), dir, RunOptions.defaults().withObservations(bus));
        List<Observation> got = tiny.drain();
        assertTrue(tiny.dropped() >= 499, "samples thinned: " + tiny.dropped());
        assertTrue(got.stream().anyMatch(o -> o instanceof Observation.SubtaskFinished f && f.node().equals("g")), "sources report finishing");
        assertTrue(got.get(got.size() - 1) instanceof Observation.JobStateChanged s && s.state() == JobState.FINISHED);
    }

    @Test
    void theProcessingTimeClockNeverGoesBackWhenSpeedChanges() throws Exception {
        Pacer p = new Pacer(10);
        p.startClock(1000);
        Thread.sleep(30);
        long before = p.clock();
        p.setSpeed(1);
        long after = p.clock();
        assertTrue(after >= before, before + " then " + after);
        p.pause();
        long paused = p.clock();
        Thread.sleep(20);
        assertEquals(paused, p.clock());
    }
}
