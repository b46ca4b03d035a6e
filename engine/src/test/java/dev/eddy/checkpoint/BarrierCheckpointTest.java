package dev.eddy.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.run.RunOptions;
import dev.eddy.run.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints by barriers between threads (the parallel driver), at parallelism 2 with a key-by
 * between the sources and the sums, so that every sum's task has two input channels to align. A
 * failure after some records restarts the run from the last completed checkpoint. Which records
 * are in which checkpoint depends on the threads' timing, so the checks are what must hold at any
 * timing: exactly-once (aligned or unaligned) writes each account's running sums exactly as many
 * times as it has payments and ends with the failure-free balances; at-least-once may count
 * records twice, in the files and in the state, but never fewer.
 */
class BarrierCheckpointTest {
    @TempDir
    Path dir;

    private static String pipeline(String settings) {
        String nodes = "{\"id\": \"nums\", \"type\": \"source.sequence\", \"params\": {\"from\": 1, \"to\": 400, \"rate\": 400}},"
                + " {\"id\": \"m\", \"type\": \"map\", \"params\": {\"fields\": {\"account\": \"CONCAT('a', CAST(MOD(value, 5) AS STRING))\","
                + " \"amount\": \"value\"}}},"
                + " {\"id\": \"byAccount\", \"type\": \"key-by\", \"params\": {\"key\": \"account\"}},"
                + " {\"id\": \"balance\", \"type\": \"reduce\", \"params\": {\"combine\": {\"amount\": \"sum\"}}},"
                + " {\"id\": \"balances\", \"type\": \"sink.file\", \"params\": {\"path\": \"balances\"}}";
        return TestRuns.doc(settings, nodes, TestRuns.chain("nums", "m", "byAccount", "balance", "balances"));
    }

    /** Per account: how many balances were written, and the last (highest: every amount is positive). */
    private record Written(Map<String, Long> lines, Map<String, Long> last) {}

    private static Written written(Path out) throws IOException {
        Map<String, Long> lines = new TreeMap<>();
        Map<String, Long> last = new TreeMap<>();
        try (Stream<Path> files = Files.list(out.resolve("balances"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
                for (String l : Files.readAllLines(f)) {
                    String account = l.substring(l.indexOf("\"account\":\"") + 11, l.indexOf("\",\""));
                    long amount = Long.parseLong(l.substring(l.indexOf("\"amount\":") + 9, l.indexOf('}')));
                    lines.merge(account, 1L, Long::sum);
                    last.merge(account, amount, Math::max);
                }
            }
        }
        return new Written(lines, last);
    }

    private Written failureFree() throws IOException {
        var o = TestRuns.run(pipeline("{\"parallelism\": 2}"), dir.resolve("clean"));
        assertTrue(o.result().succeeded(), o.result().failure());
        return written(dir.resolve("clean"));
    }

    private record Outcome(Written written, List<Observation> seen) {}

    private Outcome parallel(String settings, String name) throws IOException {
        ObservationBus bus = new ObservationBus();
        var sub = bus.subscribe(1_000_000, true);
        Path out = dir.resolve(name);
        var o = TestRuns.run(TestRuns.pipeline(pipeline(settings)), out,
                RunOptions.defaults().withParallelDriver(true).withSpeed(1.0).withObservations(bus));
        assertTrue(o.result().succeeded(), name + ": " + o.result().failure());
        return new Outcome(written(out), sub.drain());
    }

    private static long count(List<Observation> seen, Class<?> kind) {
        return seen.stream().filter(kind::isInstance).count();
    }

    @Test
    void alignedBarriersRestoreExactlyOnceAtAnyTiming() throws IOException {
        Written clean = failureFree();
        for (int failAfter : new int[] {90, 170, 260}) {
            Outcome o = parallel("{\"parallelism\": 2, \"checkpointInterval\": \"100ms\", \"restartDelay\": \"10ms\", \"failAfterRecords\": "
                    + failAfter + "}", "aligned-" + failAfter);
            assertEquals(clean, o.written(), "failure after " + failAfter + " records");
            assertTrue(count(o.seen(), Observation.CheckpointCompleted.class) > 0);
            assertTrue(count(o.seen(), Observation.CheckpointTriggered.class) >= count(o.seen(), Observation.CheckpointCompleted.class));
            assertTrue(o.seen().stream().anyMatch(x -> x instanceof Observation.BarriersAligned b && b.node().equals("byAccount")
                    && b.mode().equals("aligned")), "each sum's subtask (its task begins at the key-by) aligns its two channels");
            assertEquals(1, count(o.seen(), Observation.RestoredFromCheckpoint.class));
            var restored = (Observation.RestoredFromCheckpoint) o.seen().stream()
                    .filter(x -> x instanceof Observation.RestoredFromCheckpoint).findFirst().orElseThrow();
            assertTrue(restored.reason().startsWith("restart 1 of 3 after: source \"nums\" failed on purpose after " + failAfter),
                    restored.reason());
        }
    }

    @Test
    void unalignedBarriersKeepWhatWasOnItsWayAndRestoreExactlyOnce() throws IOException {
        Written clean = failureFree();
        for (int failAfter : new int[] {120, 230}) {
            Outcome o = parallel("{\"parallelism\": 2, \"checkpointInterval\": \"100ms\", \"restartDelay\": \"10ms\", \"unalignedCheckpoints\": true,"
                    + " \"failAfterRecords\": " + failAfter + "}", "unaligned-" + failAfter);
            assertEquals(clean, o.written(), "failure after " + failAfter + " records");
            assertTrue(o.seen().stream().anyMatch(x -> x instanceof Observation.BarriersAligned b && b.mode().equals("unaligned")));
        }
    }

    @Test
    void randomFailuresBetweenThreadsEachHappenOnceAndRestoreExactlyOnce() throws IOException {
        Written clean = failureFree();
        Outcome o = parallel("{\"parallelism\": 2, \"checkpointInterval\": \"100ms\", \"restartDelay\": \"10ms\","
                + " \"randomFailures\": {\"times\": 2, \"withinRecords\": 350, \"seed\": 3}}", "random");
        assertEquals(clean, o.written());
        assertEquals(2, count(o.seen(), Observation.RestoredFromCheckpoint.class));
    }

    @Test
    void atLeastOnceNeverLosesARecordButMayCountOneTwice() throws IOException {
        Written clean = failureFree();
        Outcome o = parallel("{\"parallelism\": 2, \"checkpointInterval\": \"100ms\", \"restartDelay\": \"10ms\","
                + " \"deliveryGuarantee\": \"at-least-once\", \"failAfterRecords\": 200}", "at-least-once");
        for (String account : clean.lines().keySet()) {
            assertTrue(o.written().lines().get(account) >= clean.lines().get(account), account + ": " + o.written());
            assertTrue(o.written().last().get(account) >= clean.last().get(account), account + ": " + o.written());
        }
        assertEquals(1, count(o.seen(), Observation.RestoredFromCheckpoint.class));
    }

    @Test
    void checkpointsWithoutAFailureChangeNothing() throws IOException {
        Written clean = failureFree();
        Outcome o = parallel("{\"parallelism\": 2, \"checkpointInterval\": \"50ms\"}", "no-failure");
        assertEquals(clean, o.written());
        assertTrue(count(o.seen(), Observation.CheckpointCompleted.class) >= 3, "a checkpoint every 50 ms of a run of a second");
    }
}
