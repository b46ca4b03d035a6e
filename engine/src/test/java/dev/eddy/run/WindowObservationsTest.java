package dev.eddy.run;

import static dev.eddy.run.TestRuns.doc;
import static dev.eddy.run.TestRuns.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.observe.Subscription;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a window reports as it lives: created, filled, merged, fired, purged, cleaned up, and the records it turned away. */
class WindowObservationsTest {
    @TempDir
    Path dir;

    private List<Observation> observe(String steps, String windowParams) throws Exception {
        String json = doc("{\"startTime\": 0}", """
                {"id": "script", "type": "source.scripted", "params": {"schema": {"k": "STRING", "v": "BIGINT"}, "steps": [%s]}},
                {"id": "byK", "type": "key-by", "params": {"key": "k"}},
                {"id": "w", "type": "window", "params": %s},
                {"id": "out", "type": "sink.discard"}
                """.formatted(steps, windowParams), TestRuns.chain("script", "byK", "w", "out"));
        ObservationBus bus = new ObservationBus();
        Subscription s = bus.subscribe(10_000, true);
        PipelineRunner.standard().prepare(pipeline(json), dir, RunOptions.defaults().withOutputDir(dir).withObservations(bus)
                .withStdout(new PrintStream(OutputStream.nullOutputStream()))).run();
        return s.drain().stream().filter(o -> o instanceof Observation.WindowElementAdded || o instanceof Observation.WindowFired
                || o instanceof Observation.WindowCleared || o instanceof Observation.WindowsMerged
                || o instanceof Observation.LateRecord).toList();
    }

    private static String kv(String k, long v, long ts) {
        return "{\"record\": {\"k\": \"" + k + "\", \"v\": " + v + "}, \"ts\": " + ts + "}";
    }

    /** The observations in a short form that says what happened to which window. */
    private static List<String> story(List<Observation> os) {
        return os.stream().map(o -> {
            if (o instanceof Observation.WindowElementAdded a) {
                return (a.created() ? "created " : "added to ") + a.key() + "[" + a.start() + "," + a.end() + ") @" + a.timestamp();
            }
            if (o instanceof Observation.WindowsMerged m) return "merged " + m.merged() + " into " + m.key() + "[" + m.start() + "," + m.end() + ")";
            if (o instanceof Observation.WindowFired f) return "fired " + f.key() + "[" + f.start() + "," + f.end() + "): " + f.reason();
            if (o instanceof Observation.WindowCleared c) return "cleared " + c.key() + "[" + c.start() + "," + c.end() + "): " + c.reason();
            Observation.LateRecord l = (Observation.LateRecord) o;
            return "late " + l.key() + " @" + l.timestamp() + " for [" + l.windowStart() + "," + l.windowEnd() + ") at watermark " + l.watermark();
        }).toList();
    }

    @Test
    void aSessionIsCreatedMergedFiredAndCleanedUp() throws Exception {
        List<String> story = story(observe(kv("a", 1, 0) + ", " + kv("a", 2, 1500) + ", " + kv("a", 3, 800) + ", {\"watermark\": 3000}",
                "{\"assigner\": \"session\", \"gap\": \"1s\", \"aggregates\": {\"n\": \"COUNT(*)\"}}"));
        // The session window is named by its state before the merge when its element arrives, so the
        // record at 800 shows as added to the merged session.
        assertEquals(List.of(
                "created a[0,1000) @0",
                "created a[1500,2500) @1500",
                "merged 3 into a[0,2500)",
                "added to a[0,2500) @800",
                "fired a[0,2500): event-time trigger on watermark 3000",
                "cleared a[0,2500): cleaned up at window end + allowed lateness"), story);
    }

    @Test
    void aPurgingTriggerClearsTheContentsAtEachFiring() throws Exception {
        List<String> story = story(observe(kv("a", 1, 0) + ", " + kv("a", 2, 10) + ", " + kv("a", 3, 20),
                "{\"assigner\": \"global\", \"trigger\": \"count\", \"triggerCount\": 2, \"purging\": true, \"aggregates\": {\"n\": \"COUNT(*)\"}}"));
        String g = "a[" + Long.MIN_VALUE + "," + Long.MAX_VALUE + ")";
        assertEquals(List.of("created " + g + " @0", "added to " + g + " @10", "fired " + g + ": purging count trigger (every 2 records) on an element",
                "cleared " + g + ": purged by the purging count trigger (every 2 records)", "created " + g + " @20"), story);
    }

    @Test
    void aLateRecordNamesTheWindowItMissedAndTheWatermark() throws Exception {
        List<Observation> os = observe(kv("a", 1, 100) + ", {\"watermark\": 2500}, " + kv("a", 2, 900),
                "{\"assigner\": \"sliding\", \"size\": \"2s\", \"slide\": \"1s\", \"aggregates\": {\"n\": \"COUNT(*)\"}}");
        List<String> story = story(os);
        assertEquals("late a @900 for [0,2000) at watermark 2500", story.get(story.size() - 1), story.toString());
        Observation.LateRecord late = (Observation.LateRecord) os.get(os.size() - 1);
        assertEquals("its timestamp 1970-01-01T00:00:00.900Z is at or below the watermark 1970-01-01T00:00:02.500Z, so every window it belongs to"
                + " (the last, [1970-01-01T00:00:00Z, 1970-01-01T00:00:02Z), was cleaned up once the watermark passed 1970-01-01T00:00:01.999Z)",
                late.reason(), "instants, as a learner reads them");
    }
}
