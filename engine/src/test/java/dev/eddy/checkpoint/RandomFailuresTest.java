package dev.eddy.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.validate.InvalidPipelineException;
import dev.eddy.model.PipelineReader;
import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.run.RunOptions;
import dev.eddy.run.TestRuns;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * settings.randomFailures, end to end through the pipeline file: failures at record counts drawn
 * from a seed, the same on every run of the file, each once, also across a resume in another
 * run; with exactly-once checkpoints the output is the failure-free one however many there are.
 */
class RandomFailuresTest {
    @TempDir
    Path dir;

    /** Two hundred numbers, twenty a second, summed per account into transactional part files. */
    private static String balances(String settings) {
        String nodes = "{\"id\": \"payments\", \"type\": \"source.sequence\", \"params\": {\"from\": 1, \"to\": 200, \"rate\": 20}},"
                + " {\"id\": \"m\", \"type\": \"map\", \"params\": {\"fields\": {\"account\": \"CONCAT('a', CAST(MOD(value, 3) AS STRING))\","
                + " \"amount\": \"value\"}}},"
                + " {\"id\": \"byAccount\", \"type\": \"key-by\", \"params\": {\"key\": \"account\"}},"
                + " {\"id\": \"balance\", \"type\": \"reduce\", \"params\": {\"combine\": {\"amount\": \"sum\"}}},"
                + " {\"id\": \"balances\", \"type\": \"sink.file\", \"params\": {\"path\": \"balances\"}}";
        return TestRuns.doc(settings, nodes, TestRuns.chain("payments", "m", "byAccount", "balance", "balances"));
    }

    private static String settings(String randomFailures, int attempts) {
        return "{\"startTime\": 0, \"checkpointInterval\": \"1s\", \"restartDelay\": \"10ms\", \"restartAttempts\": " + attempts
                + ", \"randomFailures\": " + randomFailures + "}";
    }

    private record Run(TestRuns.Outcome outcome, List<String> reasons) {
        List<String> balances() { return outcome.lines("balances/part-0-0.jsonl"); }

        /** The record counts the failures happened at, in the order they happened. */
        List<Long> points() {
            Pattern p = Pattern.compile("failed on purpose after (\\d+) records");
            return reasons.stream().map(p::matcher).filter(Matcher::find).map(m -> Long.parseLong(m.group(1))).toList();
        }
    }

    private Run run(String settings, String name, RunOptions options) {
        ObservationBus bus = new ObservationBus();
        var sub = bus.subscribe(1_000_000, true);
        var o = TestRuns.run(TestRuns.pipeline(balances(settings)), dir.resolve(name), options.withObservations(bus));
        List<String> reasons = sub.drain().stream().filter(x -> x instanceof Observation.RestoredFromCheckpoint)
                .map(x -> ((Observation.RestoredFromCheckpoint) x).reason()).toList();
        return new Run(o, reasons);
    }

    @Test
    void theSameSeedFailsAtTheSamePlacesAndExactlyOnceStillWritesTheFailureFreeOutput() {
        List<String> clean = TestRuns.run(balances("{\"startTime\": 0}"), dir.resolve("clean")).lines("balances/part-0-0.jsonl");
        String three = "{\"times\": 3, \"withinRecords\": 200, \"seed\": 7}";
        Run first = run(settings(three, 3), "first", RunOptions.defaults());
        assertTrue(first.outcome().result().succeeded(), first.outcome().result().failure());
        assertEquals(clean, first.balances());
        assertEquals(3, first.points().size(), first.reasons().toString());
        assertTrue(first.points().stream().allMatch(p -> p >= 1 && p <= 200), first.points().toString());
        assertTrue(first.points().get(0) < first.points().get(1) && first.points().get(1) < first.points().get(2), "in the input's order");
        assertTrue(first.reasons().get(1).contains("(settings.randomFailures, 2 of 3)"), first.reasons().get(1));

        Run again = run(settings(three, 3), "again", RunOptions.defaults());
        assertEquals(first.points(), again.points(), "a seed is a place to fail, every time");
        Run other = run(settings(three.replace("7", "8"), 3), "other", RunOptions.defaults());
        assertNotEquals(first.points(), other.points());
        assertEquals(clean, other.balances());
    }

    @Test
    void moreFailuresThanRestartAttemptsFailTheRunAtTheOneTooMany() {
        Run r = run(settings("{\"times\": 3, \"withinRecords\": 200, \"seed\": 7}", 2), "exhausted", RunOptions.defaults());
        assertFalse(r.outcome().result().succeeded());
        assertEquals(2, r.points().size());
        assertTrue(r.outcome().result().failure().contains("(settings.randomFailures, 3 of 3)"), r.outcome().result().failure());
    }

    @Test
    void aResumedRunDoesNotFailAgainWhereItAlreadyDid() {
        Path checkpoints = dir.resolve("checkpoints");
        String twice = settings("{\"times\": 2, \"withinRecords\": 200}", 0);
        List<String> clean = TestRuns.run(balances("{\"startTime\": 0}"), dir.resolve("clean")).lines("balances/part-0-0.jsonl");
        var options = RunOptions.defaults().withCheckpointDir(checkpoints);
        Run first = run(twice, "out", options);
        assertFalse(first.outcome().result().succeeded());
        assertTrue(first.outcome().result().failure().contains("1 of 2"), first.outcome().result().failure());
        Run second = run(twice, "out", options.withResume(CheckpointDirectory.resolve(checkpoints)));
        assertFalse(second.outcome().result().succeeded());
        assertTrue(second.outcome().result().failure().contains("2 of 2"), "the first failure happened: " + second.outcome().result().failure());
        Run third = run(twice, "out", options.withResume(CheckpointDirectory.resolve(checkpoints)));
        assertTrue(third.outcome().result().succeeded(), third.outcome().result().failure());
        assertEquals(clean, third.balances());
    }

    @Test
    void badRandomFailuresSayWhatIsExpected() {
        String doc = balances("{\"randomFailures\": RF}");
        assertEquals(List.of("settings.randomFailures.times: expected how many failures, a whole number of 1 or more, but found 0"),
                problems(doc.replace("RF", "{\"times\": 0, \"withinRecords\": 10}")));
        assertEquals(List.of("settings.randomFailures.times: 5 failures do not fit in 4 records: each falls on a record of its own"),
                problems(doc.replace("RF", "{\"times\": 5, \"withinRecords\": 4}")));
        assertEquals(List.of("settings.randomFailures.every: unknown field \"every\"; expected one of seed, times, withinRecords",
                "settings.randomFailures.withinRecords: expected among how many records the failures fall, a whole number of 1 or more,"
                        + " but found nothing"),
                problems(doc.replace("RF", "{\"times\": 1, \"every\": 10}")));
    }

    private static List<String> problems(String json) {
        try {
            PipelineReader.read(json, "f.json");
            return List.of();
        } catch (InvalidPipelineException e) {
            return e.problems().stream().map(Object::toString).toList();
        }
    }
}
