package dev.eddy.run;

import static dev.eddy.run.TestRuns.chain;
import static dev.eddy.run.TestRuns.doc;
import static dev.eddy.run.TestRuns.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.observe.JobState;
import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.observe.Subscription;
import dev.eddy.observe.WindowQuery;
import dev.eddy.observe.WindowSnapshot;
import dev.eddy.runtime.driver.DeterministicDriver;
import dev.eddy.runtime.driver.Driver;
import dev.eddy.runtime.driver.JobResult;
import dev.eddy.types.Row;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A window's contents asked for in the middle of a run, as the designer asks when a learner
 * clicks a window: answered by the subtask that owns it, between two records, paused or not.
 */
class WindowContentsTest {
    @TempDir
    Path dir;

    private static String scripted(String steps, String windowParams) {
        return doc("{\"startTime\": 0}", """
                {"id": "script", "type": "source.scripted", "params": {"schema": {"k": "STRING", "v": "BIGINT"}, "steps": [%s]}},
                {"id": "byK", "type": "key-by", "params": {"key": "k"}},
                {"id": "w", "type": "window", "params": %s},
                {"id": "out", "type": "sink.discard"}
                """.formatted(steps, windowParams), chain("script", "byK", "w", "out"));
    }

    private static String kv(String k, long v, long ts) {
        return "{\"record\": {\"k\": \"" + k + "\", \"v\": " + v + "}, \"ts\": " + ts + "}";
    }

    private DeterministicDriver driver(String json) throws Exception {
        return (DeterministicDriver) PipelineRunner.standard().prepare(pipeline(json), dir, RunOptions.defaults().withOutputDir(dir)
                .withStdout(new PrintStream(OutputStream.nullOutputStream()))).driver();
    }

    /** Posts the query, lets the driver reach its next safe point, and returns the answer. */
    private static List<WindowSnapshot> ask(DeterministicDriver d, WindowQuery q) throws Exception {
        CompletableFuture<List<WindowSnapshot>> answer = d.openWindows(q);
        assertFalse(answer.isDone(), "answered on the asking thread while the run goes on");
        d.step();
        return answer.get(0, TimeUnit.SECONDS);
    }

    private static Row row(Object... values) { return Row.wrap(values); }

    private static Instant at(long ms) { return Instant.ofEpochMilli(ms); }

    @Test
    void aFullWindowShowsItsElementsWhatItWouldEmitAndWhenItGoes() throws Exception {
        DeterministicDriver d = driver(scripted(String.join(", ", kv("a", 1, 1000), kv("b", 2, 2000), kv("a", 3, 3000),
                "{\"watermark\": 4999}", kv("a", 4, 5500)),
                "{\"assigner\": \"tumbling\", \"size\": \"5s\", \"allowedLateness\": \"1s\", \"function\": \"elements\"}"));
        for (int i = 0; i < 3; i++) d.step();

        List<WindowSnapshot> open = ask(d, WindowQuery.all("w"));
        assertEquals(2, open.size(), open.toString());
        WindowSnapshot a = open.get(0);
        assertEquals("a", a.key());
        assertEquals(0, a.start());
        assertEquals(5000, a.end());
        assertFalse(a.incremental());
        assertEquals(List.of(new WindowSnapshot.Element(row("a", 1L), 1000), new WindowSnapshot.Element(row("a", 3L), 3000)),
                a.elements());
        assertEquals(List.of(row(at(0), at(5000), "a", 1L), row(at(0), at(5000), "a", 3L)), a.resultSoFar());
        assertEquals(Long.MIN_VALUE, a.watermark());
        assertEquals(4999 + 1000, a.cleanupAt(), "dropped once the watermark passes end - 1 + allowed lateness");
        assertEquals("b", open.get(1).key());
        assertEquals(1, open.get(1).elements().size());

        // The watermark 4999 fires the window; allowed lateness keeps its contents until 5999.
        List<WindowSnapshot> afterFiring = ask(d, WindowQuery.ofKey("w", "a"));
        assertEquals(1, afterFiring.size());
        assertEquals(4999, afterFiring.get(0).watermark());
        assertEquals(2, afterFiring.get(0).elements().size());

        while (d.step()) { }
        CompletableFuture<List<WindowSnapshot>> afterEnd = d.openWindows(WindowQuery.all("w"));
        assertTrue(afterEnd.isDone(), "once the run is over the question is answered at once");
        assertEquals(List.of(), afterEnd.get());
    }

    @Test
    void anIncrementalWindowShowsItsResultSoFarAndSessionsShowTheirMergedBounds() throws Exception {
        DeterministicDriver d = driver(scripted(String.join(", ", kv("a", 5, 1000), kv("a", 7, 1500), kv("a", 1, 5000), kv("b", 2, 1200)),
                "{\"assigner\": \"session\", \"gap\": \"1s\", \"aggregates\": {\"n\": \"COUNT(*)\", \"total\": \"SUM(v)\"}}"));
        for (int i = 0; i < 3; i++) d.step();

        List<WindowSnapshot> sessions = ask(d, WindowQuery.ofKey("w", "a"));
        assertEquals(2, sessions.size(), sessions.toString());
        assertEquals(List.of(1000L, 2500L), List.of(sessions.get(0).start(), sessions.get(0).end()), "the two first merged");
        assertTrue(sessions.get(0).incremental());
        assertEquals(List.of(), sessions.get(0).elements(), "an aggregate keeps an accumulator, not elements");
        assertEquals(List.of(row("a", at(1000), at(2500), 2L, 12L)), sessions.get(0).resultSoFar());
        assertEquals(List.of(row("a", at(5000), at(6000), 1L, 1L)), sessions.get(1).resultSoFar());

        List<WindowSnapshot> one = ask(d, WindowQuery.window("w", "a", 5000));
        assertEquals(List.of(sessions.get(1).resultSoFar()), one.stream().map(WindowSnapshot::resultSoFar).toList());
    }

    @Test
    void aProcessingTimeWindowGoesAtItsEndWhateverTheAllowedLateness() throws Exception {
        // cleanupTime ignores allowed lateness for processing-time windows.
        DeterministicDriver d = driver(scripted(kv("a", 1, 7) + ", {\"processingTime\": 500}, " + kv("a", 2, 7),
                "{\"time\": \"processing\", \"size\": \"1s\", \"allowedLateness\": \"5s\", \"aggregates\": {\"n\": \"COUNT(*)\"}}"));
        d.step();
        WindowSnapshot w = ask(d, WindowQuery.all("w")).get(0);
        assertEquals(List.of(0L, 1000L), List.of(w.start(), w.end()));
        assertEquals(999, w.cleanupAt());
    }

    @Test
    void lookingIntoAnEvictingWindowEvictsNothing() throws Exception {
        DeterministicDriver d = driver(scripted(String.join(", ", kv("a", 1, 1000), kv("a", 2, 2000), kv("a", 3, 3000), kv("a", 4, 4000)),
                "{\"assigner\": \"tumbling\", \"size\": \"10s\", \"evictor\": \"count\", \"evictorCount\": 1,"
                        + " \"aggregates\": {\"last\": \"MAX(v)\"}}"));
        for (int i = 0; i < 3; i++) d.step();

        WindowSnapshot first = ask(d, WindowQuery.all("w")).get(0);
        assertEquals(3, first.elements().size(), "an evictor keeps the elements");
        assertEquals(List.of(row("a", at(0), at(10000), 3L)), first.resultSoFar(), "a firing now would see the last one only");
        WindowSnapshot again = ask(d, WindowQuery.all("w")).get(0);
        assertEquals(4, again.elements().size(), "the first look evicted nothing; the fourth record has arrived since");
    }

    @Test
    void aQuestionThatCannotBeAnsweredSaysWhy() throws Exception {
        String json = doc("{\"startTime\": 0}", """
                {"id": "script", "type": "source.scripted", "params": {"schema": {"k": "STRING", "v": "BIGINT"}, "steps": [%s]}},
                {"id": "double", "type": "map", "params": {"fields": {"k": "k", "v": "v * 2"}}},
                {"id": "out", "type": "sink.discard"}
                """.formatted(kv("a", 1, 1000)), chain("script", "double", "out"));
        DeterministicDriver d = driver(json);
        assertEquals("the run has not started yet", failure(d.openWindows(WindowQuery.all("double"))));
        d.step();
        assertEquals("there is no node \"nope\" in this run", failure(d.openWindows(WindowQuery.all("nope"))));
        CompletableFuture<List<WindowSnapshot>> notAWindow = d.openWindows(WindowQuery.all("double"));
        d.step();
        assertEquals("node \"double\" keeps no windows", failure(notAWindow));
    }

    private static String failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        return e.getCause().getMessage();
    }

    @Test
    void aParallelRunAnswersFromEverySubtaskWhilePausedAndWhileRunning() throws Exception {
        String json = doc("{\"parallelism\": 2}", """
                {"id": "g", "type": "source.sensors", "params": {"rate": 2000, "rooms": 6,
                  "watermarks": "bounded-out-of-orderness", "timestamp": "ts", "maxOutOfOrderness": "3s"}},
                {"id": "byRoom", "type": "key-by", "params": {"key": "room"}},
                {"id": "w", "type": "window", "params": {"assigner": "tumbling", "size": "1h", "function": "elements"}},
                {"id": "out", "type": "sink.discard"}
                """, chain("g", "byRoom", "w", "out"));
        ObservationBus bus = new ObservationBus();
        Subscription added = bus.subscribe(10_000, true);
        Driver driver = PipelineRunner.standard().prepare(pipeline(json), dir, RunOptions.defaults().withOutputDir(dir)
                .withParallelDriver(true).withSpeed(1).withObservations(bus)
                .withStdout(new PrintStream(OutputStream.nullOutputStream()))).driver();
        CompletableFuture<JobResult> run = CompletableFuture.supplyAsync(driver::run);
        try {
            Observation o;
            do {
                o = added.poll(10, TimeUnit.SECONDS);
                assertFalse(o == null || o instanceof Observation.JobStateChanged c && c.state() != JobState.RUNNING,
                        "the run should be filling windows, but: " + o);
            } while (!(o instanceof Observation.WindowElementAdded));

            List<WindowSnapshot> running = driver.openWindows(WindowQuery.all("w")).get(10, TimeUnit.SECONDS);
            assertFalse(running.isEmpty());
            running.forEach(WindowContentsTest::elementsBelongToTheWindow);

            driver.pacer().pause();
            List<WindowSnapshot> paused = driver.openWindows(WindowQuery.all("w")).get(10, TimeUnit.SECONDS);
            paused.forEach(WindowContentsTest::elementsBelongToTheWindow);
            assertTrue(paused.stream().mapToInt(w -> w.elements().size()).sum()
                    >= running.stream().mapToInt(w -> w.elements().size()).sum(), "a window only grows until it fires");
            assertEquals(List.of(0, 1), paused.stream().map(WindowSnapshot::subtask).distinct().sorted().toList(),
                    "six rooms spread over both subtasks");
        } finally {
            driver.cancel();
            run.get(10, TimeUnit.SECONDS);
        }
    }

    private static void elementsBelongToTheWindow(WindowSnapshot w) {
        assertFalse(w.elements().isEmpty());
        for (WindowSnapshot.Element e : w.elements()) {
            assertTrue(e.timestamp() >= w.start() && e.timestamp() < w.end(), e + " in " + w);
            assertEquals(w.key(), e.row().get(1), "an element of room " + e.row().get(1) + " in the window of " + w.key());
        }
    }
}
