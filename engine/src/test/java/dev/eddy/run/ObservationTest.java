package dev.eddy.run;

import static dev.eddy.run.TestRuns.chain;
import static dev.eddy.run.TestRuns.doc;
import static dev.eddy.run.TestRuns.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.observe.JobState;
import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.observe.Subscription;
import dev.eddy.runtime.driver.DeterministicDriver;
import dev.eddy.runtime.driver.JobResult;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run reports about itself: the same every time, exact totals, thinning counted. */
class ObservationTest {
    @TempDir
    Path dir;

    private static final String SENSORS = doc("{\"parallelism\": 2}", """
            {"id": "g", "type": "source.sensors", "params": {"count": 200}},
            {"id": "hot", "type": "filter", "params": {"condition": "temperature > 21"}},
            {"id": "byRoom", "type": "key-by", "params": {"key": "room"}},
            {"id": "n", "type": "aggregate", "params": {"aggregates": {"n": "COUNT(*)", "avg": "AVG(temperature)"}}},
            {"id": "out", "type": "sink.discard"}
            """, chain("g", "hot", "byRoom", "n", "out"));

    private PipelineRunner.Prepared prepare(ObservationBus bus) throws Exception {
        return PipelineRunner.standard().prepare(pipeline(SENSORS), dir, RunOptions.defaults().withObservations(bus)
                .withStdout(new PrintStream(OutputStream.nullOutputStream())));
    }

    private List<Observation> observe() throws Exception {
        ObservationBus bus = new ObservationBus();
        Subscription s = bus.subscribe(100_000, true);
        prepare(bus).run();
        assertEquals(0, s.dropped());
        return s.drain();
    }

    @Test
    void theDeterministicDriverReportsTheSameObservationsEveryTime() throws Exception {
        List<Observation> first = observe();
        List<Observation> second = observe();
        assertTrue(first.size() > 400, "observations: " + first.size());
        assertEquals(first, second);
        assertEquals(new Observation.JobStateChanged(first.get(0).time(), JobState.RUNNING, null), first.get(0));
        assertTrue(first.get(first.size() - 1) instanceof Observation.JobStateChanged s && s.state() == JobState.FINISHED);
        assertTrue(first.stream().anyMatch(o -> o instanceof Observation.WatermarkAdvanced w && w.node().equals("n")
                && w.watermark() == Long.MAX_VALUE));
    }

    @Test
    void totalsAreExactAndMatchTheSamples() throws Exception {
        ObservationBus bus = new ObservationBus();
        Subscription s = bus.subscribe(100_000, true);
        JobResult r = prepare(bus).run();
        long sampled = s.drain().stream().filter(o -> o instanceof Observation.RecordSampled rs && rs.node().equals("hot")).count();
        assertEquals(200, r.recordsOut("g"));
        assertEquals(200, r.recordsIn("hot"));
        assertEquals(r.recordsOut("hot"), sampled);
        assertEquals(r.recordsOut("hot"), r.recordsIn("n"));
    }

    @Test
    void aSlowSubscriberIsThinnedAndToldHowMuch() throws Exception {
        ObservationBus bus = new ObservationBus();
        Subscription small = bus.subscribe(10, true);
        Subscription noSamples = bus.subscribe(10_000, false);
        JobResult r = prepare(bus).run();
        assertTrue(r.succeeded());
        List<Observation> kept = small.drain();
        assertEquals(10, kept.stream().filter(o -> o instanceof Observation.RecordSampled).count(), "samples kept up to capacity");
        assertTrue(small.dropped() > 400, "dropped " + small.dropped());
        assertTrue(kept.stream().anyMatch(o -> o instanceof Observation.WatermarkAdvanced), "watermarks are never thinned");
        List<Observation> rest = noSamples.drain();
        assertEquals(0, noSamples.dropped());
        assertFalse(rest.stream().anyMatch(o -> o instanceof Observation.RecordSampled));
    }

    @Test
    void stepsCanBeTakenOneAtATimeOnTheVirtualClock() throws Exception {
        String rated = doc(null, """
                {"id": "g", "type": "source.sequence", "params": {"to": 3, "rate": 2}},
                {"id": "out", "type": "sink.table"}
                """, chain("g", "out"));
        var prepared = PipelineRunner.standard().prepare(pipeline(rated), dir, RunOptions.defaults());
        DeterministicDriver d = (DeterministicDriver) prepared.driver();
        long start = dev.eddy.model.Settings.DEFAULT_START_TIME;
        assertTrue(d.step());
        assertEquals(start, d.currentTime());
        assertEquals(1, prepared.environment().tables().get("out").size());
        assertTrue(d.step());
        assertEquals(start + 500, d.currentTime());
        assertEquals(2, prepared.environment().tables().get("out").size());
        assertTrue(d.step());
        assertEquals(start + 1000, d.currentTime());
        JobResult r = d.run();
        assertTrue(r.succeeded());
        assertEquals(3, r.recordsIn("out"));
    }

    @Test
    void aPausedRunWaitsAndACanceledOneEndsCanceled() throws Exception {
        String endless = doc(null, """
                {"id": "g", "type": "source.sequence"},
                {"id": "out", "type": "sink.discard"}
                """, chain("g", "out"));
        var prepared = PipelineRunner.standard().prepare(pipeline(endless), dir, RunOptions.defaults());
        prepared.driver().pacer().pause();
        var result = new java.util.concurrent.atomic.AtomicReference<JobResult>();
        Thread runner = new Thread(() -> result.set(prepared.run()));
        runner.start();
        Thread.sleep(100);
        assertTrue(runner.isAlive());
        prepared.driver().cancel();
        runner.join(5000);
        assertFalse(runner.isAlive());
        assertEquals(JobState.CANCELED, result.get().state());
        assertEquals(0, result.get().recordsOut("g"), "nothing ran while paused");
    }
}
