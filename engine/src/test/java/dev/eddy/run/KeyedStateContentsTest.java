package dev.eddy.run;

import static dev.eddy.run.TestRuns.chain;
import static dev.eddy.run.TestRuns.doc;
import static dev.eddy.run.TestRuns.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.observe.KeyedStateSnapshot;
import dev.eddy.observe.KeyedStateSnapshot.PendingTimer;
import dev.eddy.observe.KeyedStateSnapshot.StateValue;
import dev.eddy.runtime.driver.DeterministicDriver;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each key of a process node holds, asked for in the middle of a run as the designer's State
 * view asks: the states as the program would read them, the pending timers, and nothing changed
 * by the looking (a time-to-live is not refreshed by it).
 */
class KeyedStateContentsTest {
    @TempDir
    Path dir;

    private static final String PROGRAM = """
            ["state total BIGINT;", "state seen LIST<BIGINT>;", "state byParity MAP<BIGINT, BIGINT>;",
             "state last BIGINT ttl 100ms refresh on read;",
             "on record {", "  total = COALESCE(total, 0) + v;", "  seen.add(v);",
             "  let c = byParity.get(v % 2);", "  byParity.put(v % 2, COALESCE(c, 0) + 1);", "  last = v;",
             "  register event timer TIMESTAMP_ADD(record_time, 1000);", "}",
             "on timer {", "  emit k, total;", "  clear total;", "  clear seen;", "  clear byParity;", "}"]""";

    private DeterministicDriver driver(String steps) throws Exception {
        String json = doc("{\"startTime\": 0}", """
                {"id": "script", "type": "source.scripted", "params": {"schema": {"k": "STRING", "v": "BIGINT"}, "steps": [%s]}},
                {"id": "byK", "type": "key-by", "params": {"key": "k"}},
                {"id": "p", "type": "process", "params": {"program": %s}},
                {"id": "out", "type": "sink.discard"}
                """.formatted(steps, PROGRAM), chain("script", "byK", "p", "out"));
        return (DeterministicDriver) PipelineRunner.standard().prepare(pipeline(json), dir, RunOptions.defaults().withOutputDir(dir)
                .withStdout(new PrintStream(OutputStream.nullOutputStream()))).driver();
    }

    private static String kv(String k, long v, long ts) {
        return "{\"record\": {\"k\": \"" + k + "\", \"v\": " + v + "}, \"ts\": " + ts + "}";
    }

    private static List<KeyedStateSnapshot> ask(DeterministicDriver d) throws Exception {
        var answer = d.keyedState("p");
        d.step();
        return answer.get(0, TimeUnit.SECONDS);
    }

    @Test
    void eachKeyShowsItsStatesAndPendingTimersBetweenTwoRecords() throws Exception {
        DeterministicDriver d = driver(String.join(", ", kv("a", 1, 10), kv("b", 4, 20), kv("a", 2, 30),
                "{\"processingTime\": 50}", "{\"watermark\": 1015}", kv("b", 5, 1100)));
        for (int i = 0; i < 3; i++) d.step();

        List<KeyedStateSnapshot> keys = ask(d);
        assertEquals(List.of("a", "b"), keys.stream().map(KeyedStateSnapshot::key).toList());
        KeyedStateSnapshot a = keys.get(0);
        assertEquals(List.of(new StateValue("total", "value", 3L, null), new StateValue("seen", "list", List.of(1L, 2L), null),
                new StateValue("byParity", "map", Map.of(0L, 1L, 1L, 1L), null), new StateValue("last", "value", 2L, 100L)),
                a.states());
        assertEquals(List.of(new PendingTimer("event", 1010), new PendingTimer("event", 1030)), a.timers());
        assertEquals(Long.MIN_VALUE, a.watermark());

        // The clock is at 50; the watermark 1015 fires a's timer at 1010, which clears all but `last`.
        d.step();
        List<KeyedStateSnapshot> later = ask(d);
        KeyedStateSnapshot a2 = later.get(0);
        assertEquals(List.of(new StateValue("last", "value", 2L, 100L)), a2.states(), "looking at 50 did not refresh `last`");
        assertEquals(List.of(new PendingTimer("event", 1030)), a2.timers());
        assertEquals(1015, a2.watermark());
        // b's first timer is after the watermark; its record at 1100 has come and set a second.
        assertEquals(List.of(new PendingTimer("event", 1020), new PendingTimer("event", 2100)), later.get(1).timers());
    }
}
