package dev.eddy.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.observe.JobState;
import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.run.RunOptions;
import dev.eddy.run.TestRuns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures and restarts end to end: periodic checkpoints, an injected failure, a restart from the
 * last completed checkpoint with the sources rewound, and what each kind of sink shows after it.
 * The trace sink (a file cut back to its checkpointed length, as Flink's FileSink resumes an
 * in-progress file) ends with exactly the failure-free output; the print sink, which cannot take
 * back what it printed, shows the replayed records twice (at least once); a run without
 * checkpoints or restarts stops at the failure (at most once).
 */
class FailureRecoveryTest {
    @TempDir
    Path dir;

    private static final String SCHEMA = "{\"k\": \"STRING\", \"v\": \"BIGINT\"}";

    /** Keyed running sums and tumbling-window counts of the script, to a trace file and to print. */
    private TestRuns.Outcome run(String settings, List<String> steps, String sub, ObservationBus bus) {
        String nodes = "{\"id\": \"s\", \"type\": \"source.scripted\", \"params\": {\"schema\": " + SCHEMA + ", \"steps\": ["
                + String.join(", ", steps) + "]}},"
                + " {\"id\": \"byK\", \"type\": \"key-by\", \"params\": {\"key\": \"k\"}},"
                + " {\"id\": \"sum\", \"type\": \"reduce\", \"params\": {\"combine\": {\"v\": \"sum\"}}},"
                + " {\"id\": \"w\", \"type\": \"window\", \"params\": {\"size\": \"1s\", \"aggregates\": {\"n\": \"COUNT(*)\", \"total\": \"SUM(v)\"}}},"
                + " {\"id\": \"p\", \"type\": \"sink.print\"}, {\"id\": \"t\", \"type\": \"sink.trace\", \"params\": {\"path\": \"out.jsonl\"}}";
        String edges = TestRuns.chain("s", "byK", "sum", "p") + ", " + TestRuns.chain("byK", "w", "t");
        RunOptions options = bus == null ? RunOptions.defaults() : RunOptions.defaults().withObservations(bus);
        return TestRuns.run(TestRuns.doc(settings, nodes, edges), dir.resolve(sub), options);
    }

    /** A script of n records over a few keys, event time rising with a little disorder, processing time moving 300 ms per record. */
    private static List<String> script(long seed, int n) {
        Random r = new Random(seed);
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long ts = i * 250L + r.nextInt(200);
            steps.add("{\"record\": {\"k\": \"k" + r.nextInt(3) + "\", \"v\": " + r.nextInt(100) + "}, \"ts\": " + ts + "}");
            if (i % 3 == 2) steps.add("{\"watermark\": " + (ts - 300) + "}");
            steps.add("{\"processingTime\": " + (i + 1) * 300L + "}");
        }
        return steps;
    }

    private static List<String> failingAt(List<String> steps, int at) {
        List<String> out = new ArrayList<>(steps);
        out.add(at, "{\"fail\": \"injected at step " + at + "\"}");
        return out;
    }

    private static final String CHECKPOINTS = "{\"startTime\": 0, \"checkpointInterval\": \"1s\", \"restartDelay\": \"200ms\"}";

    @Test
    void aRestartFromTheLastCheckpointGivesTheTraceExactlyOnceAndPrintsTheReplayedRecordsAgain() {
        List<String> steps = script(1, 12);
        var clean = run(CHECKPOINTS, steps, "clean", null);
        assertTrue(clean.result().succeeded(), clean.result().failure());
        ObservationBus bus = new ObservationBus();
        var sub = bus.subscribe(100_000, true);
        var failed = run(CHECKPOINTS, failingAt(steps, 20), "failed", bus);
        assertTrue(failed.result().succeeded(), failed.result().failure());
        assertEquals(clean.lines("out.jsonl"), failed.lines("out.jsonl"));
        List<String> printed = failed.stdoutLines();
        assertTrue(printed.size() > clean.stdoutLines().size(), "the records after the checkpoint are printed twice: " + printed);
        assertTrue(isSubsequence(clean.stdoutLines(), printed));
        List<Observation> seen = sub.drain();
        long restarting = seen.stream().filter(o -> o instanceof Observation.JobStateChanged s && s.state() == JobState.RESTARTING).count();
        assertEquals(1, restarting);
        var restored = seen.stream().filter(o -> o instanceof Observation.RestoredFromCheckpoint).map(o -> (Observation.RestoredFromCheckpoint) o)
                .findFirst().orElseThrow();
        assertTrue(restored.checkpoint() > 0, "restored from a completed checkpoint: " + restored);
        assertTrue(restored.reason().startsWith("restart 1 of 3 after: source \"s\" failed as its script says: injected at step 20"),
                restored.reason());
    }

    @Test
    void withoutCheckpointsOrRestartsTheRunStopsAtTheFailureAndKeepsWhatItHadPrinted() {
        List<String> steps = script(2, 10);
        String settings = "{\"startTime\": 0}";
        var clean = run(settings, steps, "clean", null);
        var failed = run(settings, failingAt(steps, 15), "failed", null);
        assertFalse(failed.result().succeeded());
        assertEquals("source \"s\" failed as its script says: injected at step 15", failed.result().failure());
        List<String> printed = failed.stdoutLines();
        assertTrue(printed.size() < clean.stdoutLines().size());
        assertEquals(clean.stdoutLines().subList(0, printed.size()), printed, "at most once: a prefix");
    }

    @Test
    void restartsWithoutCheckpointsBeginAgainFromTheStart() {
        List<String> steps = script(3, 8);
        String settings = "{\"startTime\": 0, \"restartAttempts\": 1}";
        var clean = run(settings, steps, "clean", null);
        var failed = run(settings, failingAt(steps, 12), "failed", null);
        assertTrue(failed.result().succeeded(), failed.result().failure());
        assertEquals(clean.lines("out.jsonl"), failed.lines("out.jsonl"));
        List<String> printed = failed.stdoutLines();
        int before = printed.size() - clean.stdoutLines().size();
        assertTrue(before > 0);
        assertEquals(clean.stdoutLines().subList(0, before), printed.subList(0, before), "printed before the failure");
        assertEquals(clean.stdoutLines(), printed.subList(before, printed.size()), "then everything again");
    }

    @Test
    void aFailureThatRepeatsUsesUpTheRestartsAndThenEndsTheRun() {
        String nodes = "{\"id\": \"s\", \"type\": \"source.scripted\", \"params\": {\"schema\": " + SCHEMA + ", \"steps\": ["
                + "{\"record\": {\"k\": \"a\", \"v\": 1}, \"ts\": 1}, {\"record\": {\"k\": \"a\", \"v\": 0}, \"ts\": 2}]}},"
                + " {\"id\": \"m\", \"type\": \"map\", \"params\": {\"fields\": {\"r\": \"10 / v\"}}}, {\"id\": \"out\", \"type\": \"sink.table\"}";
        ObservationBus bus = new ObservationBus();
        var sub = bus.subscribe(100_000, true);
        var o = TestRuns.run(TestRuns.doc("{\"startTime\": 0, \"restartAttempts\": 2}", nodes, TestRuns.chain("s", "m", "out")), dir,
                RunOptions.defaults().withObservations(bus));
        assertFalse(o.result().succeeded());
        assertTrue(o.result().failure().contains("node \"m\" (map) failed on"), o.result().failure());
        assertEquals(2, sub.drain().stream().filter(x -> x instanceof Observation.RestoredFromCheckpoint).count());
        assertEquals(1, o.table("out").size(), "the table holds the first record once, not once per attempt");
    }

    /**
     * The property over many failure points: for every seed and every place a failure can be put
     * in its script, the trace ends exactly as without the failure, and print shows every record
     * of the failure-free run in order, with nothing it did not have.
     */
    @Test
    void atAnyOfAThousandFailurePointsTheTraceIsExactlyTheFailureFreeOutput() {
        int points = 0;
        for (long seed = 10; points < 1000; seed++) {
            List<String> steps = script(seed, 10);
            var clean = run(CHECKPOINTS, steps, "s" + seed, null);
            List<String> expected = clean.lines("out.jsonl");
            for (int at = 0; at <= steps.size() && points < 1000; at += 1 + (int) (seed % 3), points++) {
                var failed = run(CHECKPOINTS, failingAt(steps, at), "s" + seed + "-" + at, null);
                assertTrue(failed.result().succeeded(), failed.result().failure());
                assertEquals(expected, failed.lines("out.jsonl"), "seed " + seed + ", failure at step " + at);
                List<String> printed = failed.stdoutLines();
                assertTrue(isSubsequence(clean.stdoutLines(), printed), "seed " + seed + ", failure at step " + at);
                assertTrue(clean.stdoutLines().containsAll(printed));
            }
        }
    }

    private static boolean isSubsequence(List<String> small, List<String> big) {
        int i = 0;
        for (String s : big) if (i < small.size() && small.get(i).equals(s)) i++;
        return i == small.size();
    }
}
