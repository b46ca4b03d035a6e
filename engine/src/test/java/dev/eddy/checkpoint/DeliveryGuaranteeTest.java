package dev.eddy.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.run.RunOptions;
import dev.eddy.run.TestRuns;
import dev.eddy.types.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three delivery guarantees over a thousand seeded failure points each, end to end through
 * the pipeline file. One script feeds a stateless chain into part files, keyed one-second window
 * counts into a trace, and keyed running sums into print and an upsert table. Exactly-once: the
 * transactional files equal the failure-free run's and what was committed only grows; at-least-once:
 * the failure-free output is in the files in order, with as many extra lines as the sinks report
 * duplicated; at-most-once: nothing comes twice, and no window counts more than it did without the
 * failure.
 */
class DeliveryGuaranteeTest {
    @TempDir
    Path dir;

    private static final int POINTS = 1000;
    private static final String SCHEMA = "{\"i\": \"BIGINT\", \"k\": \"STRING\", \"v\": \"BIGINT\"}";

    private record Run(TestRuns.Outcome outcome, List<Observation> seen) {
        List<String> records() { return outcome.lines("records/part-0-0.jsonl"); }

        List<String> windows() { return outcome.lines("windows.jsonl"); }

        Observation.SinkDelivery lastDelivery(String node) {
            Observation.SinkDelivery last = null;
            for (Observation o : seen) if (o instanceof Observation.SinkDelivery d && d.node().equals(node)) last = d;
            return last;
        }

        Map<String, Long> sums() {
            Map<String, Long> out = new HashMap<>();
            for (Row r : outcome.table("latest")) out.put((String) r.get(0), (Long) r.get(1));
            return out;
        }
    }

    private Run run(String settings, List<String> steps, String sub) {
        String nodes = "{\"id\": \"s\", \"type\": \"source.scripted\", \"params\": {\"schema\": " + SCHEMA + ", \"steps\": ["
                + String.join(", ", steps) + "]}},"
                + " {\"id\": \"m\", \"type\": \"map\", \"params\": {\"fields\": {\"i\": \"i\", \"k\": \"k\", \"double\": \"v * 2\"}}},"
                + " {\"id\": \"rec\", \"type\": \"sink.file\", \"params\": {\"path\": \"records\"}},"
                + " {\"id\": \"byK\", \"type\": \"key-by\", \"params\": {\"key\": \"k\"}},"
                + " {\"id\": \"w\", \"type\": \"window\", \"params\": {\"size\": \"1s\", \"aggregates\": {\"n\": \"COUNT(*)\"}}},"
                + " {\"id\": \"t\", \"type\": \"sink.trace\", \"params\": {\"path\": \"windows.jsonl\"}},"
                + " {\"id\": \"sum\", \"type\": \"reduce\", \"params\": {\"combine\": {\"v\": \"sum\", \"i\": \"last\"}}},"
                + " {\"id\": \"onlyKV\", \"type\": \"map\", \"params\": {\"fields\": {\"k\": \"k\", \"v\": \"v\"}}},"
                + " {\"id\": \"p\", \"type\": \"sink.print\"},"
                + " {\"id\": \"latest\", \"type\": \"sink.table\", \"params\": {\"upsertKey\": [\"k\"]}}";
        String edges = TestRuns.chain("s", "m", "rec") + ", " + TestRuns.chain("s", "byK", "w", "t") + ", "
                + TestRuns.chain("byK", "sum", "onlyKV", "p") + ", " + TestRuns.edge("onlyKV", "latest");
        ObservationBus bus = new ObservationBus();
        var subscription = bus.subscribe(1_000_000, true);
        var outcome = TestRuns.run(TestRuns.doc(settings, nodes, edges), dir.resolve(sub), RunOptions.defaults().withObservations(bus));
        assertTrue(outcome.result().succeeded(), sub + ": " + outcome.result().failure());
        return new Run(outcome, subscription.drain());
    }

    /** Ten records over three keys, a watermark every third, processing time 300 ms per record. */
    private static List<String> script(long seed) {
        Random r = new Random(seed);
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long ts = i * 250L + r.nextInt(200);
            steps.add("{\"record\": {\"i\": " + i + ", \"k\": \"k" + r.nextInt(3) + "\", \"v\": " + r.nextInt(100) + "}, \"ts\": " + ts + "}");
            if (i % 3 == 2) steps.add("{\"watermark\": " + (ts - 300) + "}");
            steps.add("{\"processingTime\": " + (i + 1) * 300L + "}");
        }
        return steps;
    }

    /** Calls {@code check} with the failure-free run and a failed one for POINTS (seed, step) pairs. */
    private void overFailurePoints(String settings, String name, PointCheck check) {
        int points = 0;
        for (long seed = 100; points < POINTS; seed++) {
            List<String> steps = script(seed);
            Run clean = run(settings, steps, name + seed);
            for (int at = 0; at <= steps.size() && points < POINTS; at += 1 + (int) (seed % 3), points++) {
                List<String> failing = new ArrayList<>(steps);
                failing.add(at, "{\"fail\": \"injected at step " + at + "\"}");
                check.check(clean, run(settings, failing, name + seed + "-" + at), "seed " + seed + ", failure at step " + at);
            }
        }
    }

    @FunctionalInterface
    private interface PointCheck {
        void check(Run clean, Run failed, String where);
    }

    @Test
    void exactlyOnceCommitsExactlyTheFailureFreeOutputAndNeverTakesBackWhatItCommitted() {
        String settings = "{\"startTime\": 0, \"checkpointInterval\": \"1s\", \"restartDelay\": \"200ms\", \"deliveryGuarantee\": \"exactly-once\"}";
        overFailurePoints(settings, "eo", (clean, failed, where) -> {
            assertEquals(clean.records(), failed.records(), where);
            assertEquals(clean.windows(), failed.windows(), where);
            assertEquals(clean.sums(), failed.sums(), where);
            long committed = 0;
            for (Observation o : failed.seen()) {
                if (o instanceof Observation.SinkDelivery d && d.node().equals("rec")) {
                    assertEquals("transactional", d.delivery());
                    assertTrue(d.committed() >= committed, where + ": committed went back from " + committed + " to " + d);
                    committed = d.committed();
                    assertEquals(0, d.duplicated(), where);
                }
            }
            assertEquals(clean.records().size(), committed, where);
            assertTrue(isSubsequence(clean.outcome().stdoutLines(), failed.outcome().stdoutLines()), where + ": print replays");
            assertEquals(failed.outcome().stdoutLines().size() - clean.outcome().stdoutLines().size(),
                    failed.lastDelivery("p").duplicated(), where + ": print says how many it printed twice");
            assertNoTransactionsLeft(failed, where);
        });
    }

    @Test
    void atLeastOnceKeepsEveryRecordInOrderWithTheReplayedOnesTwice() {
        String settings = "{\"startTime\": 0, \"checkpointInterval\": \"1s\", \"restartDelay\": \"200ms\", \"deliveryGuarantee\": \"at-least-once\"}";
        long[] duplicates = {0};
        overFailurePoints(settings, "al", (clean, failed, where) -> {
            List<String> records = failed.records();
            assertTrue(isSubsequence(clean.records(), records), where + ": " + records);
            assertTrue(clean.records().containsAll(records), where);
            Observation.SinkDelivery d = failed.lastDelivery("rec");
            assertEquals("write-through", d.delivery());
            assertEquals(records.size() - clean.records().size(), d.duplicated(), where);
            duplicates[0] += d.duplicated();
            assertTrue(isSubsequence(clean.windows(), failed.windows()), where);
            assertEquals(clean.sums(), failed.sums(), where + ": the upsert table is idempotent");
        });
        assertTrue(duplicates[0] > 0, "some failure points replay records the files had");
    }

    @Test
    void atMostOnceNeverDeliversARecordTwiceAndLosesWhatWasInState() {
        String settings = "{\"startTime\": 0, \"restartAttempts\": 1, \"restartDelay\": \"200ms\", \"deliveryGuarantee\": \"at-most-once\"}";
        long[] lost = {0};
        overFailurePoints(settings, "am", (clean, failed, where) -> {
            List<String> records = failed.records();
            assertTrue(isSubsequence(records, clean.records()), where + ": " + records);
            assertEquals(0, failed.lastDelivery("rec").duplicated(), where);
            long cleanCount = counted(clean.windows());
            long failedCount = counted(failed.windows());
            assertTrue(failedCount <= cleanCount, where + ": windows counted " + failedCount + " of " + cleanCount);
            lost[0] += cleanCount - failedCount;
            for (Map.Entry<String, Long> e : failed.sums().entrySet()) {
                assertTrue(e.getValue() <= clean.sums().get(e.getKey()), where + ": sum of " + e.getKey());
            }
        });
        assertTrue(lost[0] > 0, "a restart with empty state loses what the windows held");
    }

    private static long counted(List<String> trace) {
        long n = 0;
        for (String line : trace) {
            int at = line.indexOf("\"n\":");
            if (at >= 0) n += Long.parseLong(line.substring(at + 4, line.indexOf('}', at)).trim());
        }
        return n;
    }

    private static void assertNoTransactionsLeft(Run run, String where) {
        try (var files = Files.list(run.outcome().outputDir().resolve("records"))) {
            assertEquals(List.of("part-0-0.jsonl"), files.map(f -> f.getFileName().toString()).toList(), where);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertFalse(Files.exists(run.outcome().outputDir().resolve(".windows.jsonl.inprogress")), where);
    }

    private static boolean isSubsequence(List<String> small, List<String> big) {
        int i = 0;
        for (String s : big) if (i < small.size() && small.get(i).equals(s)) i++;
        return i == small.size();
    }
}
