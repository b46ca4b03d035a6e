package dev.eddy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.model.Pipeline;
import dev.eddy.model.PipelineReader;
import dev.eddy.observe.InputWatermarkStatus;
import dev.eddy.observe.JobState;
import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.observe.Subscription;
import dev.eddy.runtime.driver.DeterministicDriver;
import dev.eddy.runtime.driver.JobResult;
import dev.eddy.runtime.driver.Pacer;
import dev.eddy.runtime.driver.RunControl;
import dev.eddy.types.Row;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run controls the designer drives: held at the start, single steps, a typed-in record, play to the end. */
class RunControlTest {
    @TempDir
    Path dir;

    private final ObservationBus bus = new ObservationBus();
    private final Subscription seen = bus.subscribe(1_000_000, true);
    private final List<Observation> all = new ArrayList<>();

    private RunControl control(Pipeline p, double speed) throws Exception {
        PipelineRunner.Prepared prepared = PipelineRunner.standard().prepare(p, dir, RunOptions.defaults()
                .withObservations(bus).withSpeed(speed).withOutputDir(dir)
                .withStdout(new PrintStream(OutputStream.nullOutputStream())));
        return new RunControl((DeterministicDriver) prepared.driver(), bus, p.name()).start();
    }

    private static Pipeline sample() throws Exception {
        return PipelineReader.read(Path.of(System.getProperty("eddy.samples", "../samples"),
                "late-sensor-readings", "late-sensor-readings.json"));
    }

    private List<Observation> drainUntil(java.util.function.Predicate<List<Observation>> done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.test(all) && System.nanoTime() < deadline) {
            Observation o = seen.poll(20, TimeUnit.MILLISECONDS);
            if (o != null) all.add(o);
        }
        return all;
    }

    private static long sourceRecords(List<Observation> os) {
        return os.stream().filter(o -> o instanceof Observation.RecordSampled r && r.node().equals("sensors")).count();
    }

    @Test
    void aRunIsHeldBeforeItsFirstRecordAndStepsOneRecordAtATime() throws Exception {
        RunControl run = control(sample(), 1.0);
        drainUntil(os -> os.stream().anyMatch(o -> o instanceof Observation.JobStateChanged s && s.state() == JobState.PAUSED));
        Thread.sleep(200);
        all.addAll(seen.drain());
        assertEquals(0, sourceRecords(all), "nothing is read before play or step");
        assertEquals(JobState.PAUSED, run.state());

        // Even at speed 1, where the source's records are 50 ms apart, a step takes one at once.
        for (int i = 0; i < 3; i++) run.step();
        drainUntil(os -> sourceRecords(os) >= 3);
        Thread.sleep(200);
        all.addAll(seen.drain());
        assertEquals(3, sourceRecords(all));
        assertEquals(3, run.steps());
        assertEquals(JobState.PAUSED, run.state());
        run.cancel();
        JobResult r = run.finished().get(30, TimeUnit.SECONDS);
        assertEquals(JobState.CANCELED, r.state());
    }

    @Test
    void anInjectedRecordPassesTheWatermarkStrategyAndALateOneReachesTheLatePort() throws Exception {
        RunControl run = control(sample(), Pacer.AS_FAST_AS_POSSIBLE);
        // A step is one record or one processing-time timer (here the periodic watermark's).
        for (int i = 0; i < 160; i++) run.step();
        drainUntil(os -> run.steps() == 160 && sourceRecords(os) > 100);
        long watermark = all.stream().filter(o -> o instanceof Observation.WatermarkAdvanced w && w.node().equals("eventTime"))
                .mapToLong(o -> ((Observation.WatermarkAdvanced) o).watermark()).max().orElseThrow();
        assertTrue(watermark > 5_000, "the watermark has passed a window end and its lateness: " + watermark);

        Row old = Row.of("sensor-9", "room-1", 99.5, Instant.ofEpochMilli(0));
        assertTrue(run.inject("sensors", old, 0).get(10, TimeUnit.SECONDS));
        drainUntil(os -> os.stream().anyMatch(o -> o instanceof Observation.LateRecord l && l.row().equals(old)));
        Observation.LateRecord late = all.stream().filter(o -> o instanceof Observation.LateRecord).map(o -> (Observation.LateRecord) o)
                .filter(l -> l.row().equals(old)).findFirst().orElseThrow();
        assertEquals("room-1", late.key());
        drainUntil(os -> os.stream().anyMatch(o -> o instanceof Observation.RecordSampled s && s.node().equals("tooLate")
                && s.port().equals("in") && s.row().equals(old)));
        assertTrue(all.stream().anyMatch(o -> o instanceof Observation.RecordSampled s && s.node().equals("tooLate")
                && s.port().equals("in") && s.row().equals(old)), "the late port's sink received it: "
                + all.stream().filter(o -> o instanceof Observation.RecordSampled s && s.node().equals("tooLate")).toList());

        List<InputWatermarkStatus> status = run.watermarkStatus("fiveSeconds").get(10, TimeUnit.SECONDS);
        assertEquals(1, status.size());
        InputWatermarkStatus.Channel c = status.get(0).channels().get(0);
        // key-by is no task of its own: it is the way the records travel from "eventTime".
        assertEquals("eventTime", c.fromNode());
        List<WatermarkDiagnosis.Answer> why = WatermarkDiagnosis.explain(sample(), "fiveSeconds", status);
        assertTrue(why.get(0).reasons().get(0).startsWith("held back by the channel from \"eventTime\" subtask 0 at "), why.toString());
        assertTrue(why.get(0).reasons().toString().contains("set idleness on \"eventTime\""), why.toString());

        run.play();
        JobResult r = run.finished().get(60, TimeUnit.SECONDS);
        assertEquals(JobState.FINISHED, r.state());
        assertEquals(301, r.recordsIn("eventTime"), "300 generated and one typed in");
        assertFalse(run.inject("sensors", old, 0).get(10, TimeUnit.SECONDS), "a finished run takes nothing");
    }

    @Test
    void whereTwoSourcesMeetTheDiagnosisNamesBothAndTheMeetingPointNamesTheQuietOne() throws Exception {
        Pipeline p = PipelineReader.read(Path.of(System.getProperty("eddy.samples", "../samples"), "lessons", "stuck-window.json"));
        RunControl run = control(p, Pacer.AS_FAST_AS_POSSIBLE);
        for (int i = 0; i < 40; i++) run.step();
        drainUntil(os -> run.steps() >= 40);
        List<WatermarkDiagnosis.Answer> atWindow = WatermarkDiagnosis.explain(p, "tenSeconds", run.watermarkStatus("tenSeconds").get(10, TimeUnit.SECONDS));
        assertEquals("both", atWindow.get(0).holder());
        assertTrue(atWindow.get(0).reasons().toString().contains("the lowest of those from \"hallTime\" and \"cellarTime\", which meet in \"both\""),
                atWindow.toString());
        assertEquals("both", WatermarkDiagnosis.askNext(p, "both"));
        List<WatermarkDiagnosis.Answer> atUnion = WatermarkDiagnosis.explain(p, "both", run.watermarkStatus("both").get(10, TimeUnit.SECONDS));
        assertEquals("cellarTime", atUnion.get(0).holder(), atUnion.toString());
        assertTrue(atUnion.get(0).reasons().toString().contains("set idleness on \"cellarTime\""), atUnion.toString());
        assertEquals(null, WatermarkDiagnosis.askNext(p, "cellarTime"), "a strategy makes its watermark: nothing to ask further");
        run.cancel();
    }

    @Test
    void theDiagnosisAsksOnThroughSingleInputNodesToWhereTheInputsMeet() throws Exception {
        Pipeline p = PipelineReader.read("""
                {"format": "eddy.pipeline", "version": 1, "nodes": [
                  {"id": "a", "type": "source.sequence", "params": {"to": 3}}, {"id": "b", "type": "source.sequence", "params": {"to": 3}},
                  {"id": "aTime", "type": "watermarks", "params": {"timestamp": "TO_TIMESTAMP(n)"}},
                  {"id": "bTime", "type": "watermarks", "params": {"timestamp": "TO_TIMESTAMP(n)"}},
                  {"id": "both", "type": "union"}, {"id": "tag", "type": "map", "params": {"fields": {"m": "n + 1"}}},
                  {"id": "out", "type": "sink.discard"}],
                 "edges": [{"from": "a", "to": "aTime"}, {"from": "b", "to": "bTime"}, {"from": "aTime", "to": "both"},
                   {"from": "bTime", "to": "both"}, {"from": "both", "to": "tag"}, {"from": "tag", "to": "out"}]}""", "meet.json");
        assertEquals("both", WatermarkDiagnosis.askNext(p, "tag"), "a map after a union: the inputs meet at the union");
        assertEquals(null, WatermarkDiagnosis.askNext(p, "aTime"));
        assertEquals(null, WatermarkDiagnosis.askNext(p, "a"), "a source makes no watermark of its inputs");
    }

    @Test
    void failNowRestartsAPausedRunFromItsLastCheckpointAndTheFileStillComesOutOnce() throws Exception {
        Pipeline p = PipelineReader.read(Path.of(System.getProperty("eddy.samples", "../samples"),
                "failure-and-recovery", "failure-and-recovery.json"));
        Pipeline noInjected = p.withSettings(new dev.eddy.model.Settings(null, null, null, null, null, p.settings().startTime(),
                2000L, 1, 1000L, null, null, null, null));
        RunControl run = control(noInjected, Pacer.AS_FAST_AS_POSSIBLE);
        for (int i = 0; i < 6; i++) run.step();
        drainUntil(os -> os.stream().anyMatch(o -> o instanceof Observation.CheckpointCompleted));
        run.failNow();
        drainUntil(os -> os.stream().anyMatch(o -> o instanceof Observation.RestoredFromCheckpoint));
        var restored = all.stream().filter(o -> o instanceof Observation.RestoredFromCheckpoint).findFirst().orElseThrow();
        assertEquals(1, ((Observation.RestoredFromCheckpoint) restored).checkpoint());
        assertTrue(((Observation.RestoredFromCheckpoint) restored).reason().endsWith("after: a task failed on purpose (fail now)"), restored.toString());
        run.play();
        assertEquals(JobState.FINISHED, run.finished().get(60, TimeUnit.SECONDS).state());
        assertEquals(java.nio.file.Files.readAllLines(Path.of("../samples/failure-and-recovery/expected/balances/part-0-0.jsonl")),
                java.nio.file.Files.readAllLines(dir.resolve("balances/part-0-0.jsonl")));
    }
}
