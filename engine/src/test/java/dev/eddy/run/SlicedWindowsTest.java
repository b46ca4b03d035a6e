package dev.eddy.run;

import static dev.eddy.run.TestRuns.doc;
import static dev.eddy.run.TestRuns.edge;
import static dev.eddy.run.TestRuns.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.observe.Subscription;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sliding windows whose aggregates ignore order are computed from slices (SlicedWindowOperator);
 * with FIRST among them they are computed window by window (WindowOperator), as before. On
 * random out-of-order timelines with watermarks, late records, NULLs, offsets and several keys,
 * both must print the same results in the same order with the same timestamps, send the same
 * records to the late port, and report the same story: elements added, firings, clean-ups, late
 * records.
 */
class SlicedWindowsTest {
    @TempDir
    Path dir;

    private record Run(List<String> printed, List<String> story) {}

    private Run run(String steps, String window, boolean keyed, boolean sliced, boolean samples) throws Exception {
        String aggregates = "\"n\": \"COUNT(*)\", \"total\": \"SUM(v)\", \"least\": \"MIN(v)\", \"most\": \"MAX(word)\", \"values\": \"COUNT(v)\""
                + (sliced ? "" : ", \"first\": \"FIRST(v)\"");
        String nodes = """
                {"id": "script", "type": "source.scripted", "params": {"schema": {"k": "STRING", "v": "BIGINT", "word": "STRING"}, "steps": [%s]}},
                %s{"id": "w", "type": "window", "params": {%s, "aggregates": {%s}}},
                {"id": "out", "type": "sink.print", "params": {"format": "row", "identifier": "out"}},
                {"id": "tooLate", "type": "sink.print", "params": {"format": "row", "identifier": "late"}}
                """.formatted(steps, keyed ? "{\"id\": \"byK\", \"type\": \"key-by\", \"params\": {\"key\": \"k\"}},\n" : "", window, aggregates);
        String edges = (keyed ? edge("script", "byK") + ", " + edge("byK", "w") : edge("script", "w")) + ", " + edge("w", "out")
                + ", {\"from\": \"w\", \"port\": \"late\", \"to\": \"tooLate\"}";
        ObservationBus bus = new ObservationBus();
        Subscription s = bus.subscribe(100_000, samples);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        var result = PipelineRunner.standard().prepare(pipeline(doc("{\"startTime\": 0}", nodes, edges)), dir, RunOptions.defaults()
                .withOutputDir(dir).withObservations(bus).withStdout(new PrintStream(printed, true))).run();
        assertTrue(result.succeeded(), result.failure());
        List<String> story = new ArrayList<>();
        for (Observation o : s.drain()) {
            if (o instanceof Observation.WindowElementAdded a) {
                story.add((a.created() ? "created " : "added to ") + a.key() + "[" + a.start() + "," + a.end() + ") @" + a.timestamp());
            } else if (o instanceof Observation.WindowFired f) {
                story.add("fired " + f.key() + "[" + f.start() + "," + f.end() + "): " + f.reason() + ", " + f.results() + " at " + f.watermark());
            } else if (o instanceof Observation.WindowCleared c) {
                story.add("cleared " + c.key() + "[" + c.start() + "," + c.end() + "): " + c.reason());
            } else if (o instanceof Observation.LateRecord l) {
                story.add("late " + l.key() + " @" + l.timestamp() + ": " + l.reason());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String l : printed.toString().split("\n")) {
            if (l.isEmpty()) continue;
            // The window-by-window run's FIRST column is its last; the rest must be equal.
            lines.add(!sliced && l.startsWith("out>") ? l.substring(0, l.lastIndexOf(", ")) + "]" : l);
        }
        return new Run(lines, story);
    }

    /** A timeline of records a little out of order, with watermarks that sometimes leave records behind. */
    private static String timeline(SplittableRandom r) {
        List<String> steps = new ArrayList<>();
        String[] keys = {"a", "b", "c"};
        String[] words = {"x", "y", "zz", "null"};
        long time = r.nextLong(-20, 20);
        long watermark = Long.MIN_VALUE;
        for (int i = 0, n = r.nextInt(5, 60); i < n; i++) {
            time += r.nextLong(0, 4);
            long ts = time - r.nextLong(0, 9);
            String v = r.nextInt(7) == 0 ? "null" : String.valueOf(r.nextLong(-50, 50));
            String word = words[r.nextInt(words.length)];
            steps.add("{\"record\": {\"k\": \"" + keys[r.nextInt(keys.length)] + "\", \"v\": " + v + ", \"word\": "
                    + (word.equals("null") ? "null" : "\"" + word + "\"") + "}, \"ts\": " + ts + "}");
            if (r.nextInt(4) == 0) {
                long w = time - r.nextLong(0, 6);
                if (w > watermark) {
                    watermark = w;
                    steps.add("{\"watermark\": " + w + "}");
                }
            }
        }
        return String.join(", ", steps);
    }

    @Test
    void slicesGiveWhatWindowByWindowGivesOnRandomTimelines() throws Exception {
        SplittableRandom random = new SplittableRandom(20261207);
        int fired = 0;
        int late = 0;
        for (int c = 0; c < 60; c++) {
            long slide = 1 + random.nextInt(5);
            long size = slide * (1 + random.nextInt(4));
            long offset = random.nextInt(3) == 0 && slide > 1 ? random.nextLong(-(slide - 1), slide) : 0;
            String window = "\"assigner\": \"sliding\", \"size\": \"" + size + "ms\", \"slide\": \"" + slide + "ms\", \"offset\": \"" + offset + "ms\"";
            boolean keyed = random.nextInt(4) != 0;
            String steps = timeline(random);
            // Every other case without record samples: the operators then skip the per-window element events.
            boolean samples = c % 2 == 0;
            Run sliced = run(steps, window, keyed, true, samples);
            Run windows = run(steps, window, keyed, false, samples);
            String what = "case " + c + ": " + window + (keyed ? ", keyed" : "") + (samples ? ", record samples" : "") + "\n" + steps;
            assertEquals(windows.printed(), sliced.printed(), what);
            assertEquals(windows.story(), sliced.story(), what);
            fired += (int) sliced.story().stream().filter(l -> l.startsWith("fired")).count();
            late += (int) sliced.story().stream().filter(l -> l.startsWith("late")).count();
        }
        assertTrue(fired > 500 && late > 20, "the timelines fire windows and leave records late: " + fired + " fired, " + late + " late");
    }
}
