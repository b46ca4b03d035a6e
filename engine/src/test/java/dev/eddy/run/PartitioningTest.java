package dev.eddy.run;

import static dev.eddy.run.TestRuns.chain;
import static dev.eddy.run.TestRuns.doc;
import static dev.eddy.run.TestRuns.edge;
import static dev.eddy.run.TestRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.runtime.KeyGroups;
import dev.eddy.runtime.ResultTables;
import dev.eddy.types.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parallelism, key groups, rebalance, union and print prefixes as Flink has them. */
class PartitioningTest {
    @TempDir
    Path dir;

    private static final String WORDS = doc(null, """
            {"id": "src", "type": "source.rows", "params": {"schema": {"line": "STRING"},
              "rows": [{"line": "a b c a"}, {"line": "key1 key2 a"}, {"line": "b b c"}]}},
            {"id": "split", "type": "flat-map", "params": {"split": "SPLIT(line, ' ')", "as": "word"}},
            {"id": "byWord", "type": "key-by", "params": {"key": "word"}},
            {"id": "count", "type": "aggregate", "params": {"aggregates": {"n": "COUNT(*)"}}},
            {"id": "out", "type": "sink.table"}
            """, chain("src", "split", "byWord", "count", "out"));

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void keyedResultsAreTheSameAtEveryParallelism(int parallelism) {
        var o = run(WORDS, dir, RunOptions.defaults().withParallelism(parallelism));
        Map<String, List<Long>> perKey = new HashMap<>();
        for (Row r : o.table("out")) perKey.computeIfAbsent((String) r.get(0), k -> new ArrayList<>()).add((Long) r.get(1));
        assertEquals(Map.of("a", List.of(1L, 2L, 3L), "b", List.of(1L, 2L, 3L), "c", List.of(1L, 2L),
                "key1", List.of(1L), "key2", List.of(1L)), perKey);
    }

    @Test
    void eachKeyIsCountedInTheSubtaskFlinkAssignsItTo() {
        var o = run(WORDS, dir, RunOptions.defaults().withParallelism(3));
        for (ResultTables.Entry e : o.entries("out")) {
            assertEquals(KeyGroups.subtaskFor(e.row().get(0), 128, 3), e.subtask(), "key " + e.row().get(0));
        }
    }

    @Test
    void printPrefixesTheSubtaskOnlyWhenParallel() {
        String json = WORDS.replace("{\"id\": \"out\", \"type\": \"sink.table\"}", "{\"id\": \"out\", \"type\": \"sink.print\", \"params\": {\"format\": \"csv\"}}");
        List<String> p1 = run(json, dir).stdoutLines();
        assertEquals("a,1", p1.get(0));
        List<String> p2 = run(json, dir, RunOptions.defaults().withParallelism(2)).stdoutLines();
        // "a" is in key group 81 of 128: subtask 1 of 2, printed as "2> ".
        assertTrue(p2.contains("2> a,3"), p2.toString());
        assertTrue(p2.contains("1> key1,1"), p2.toString());
        String named = json.replace("\"format\": \"csv\"", "\"format\": \"csv\", \"identifier\": \"words\"");
        assertTrue(run(named, dir).stdoutLines().contains("words> key2,1"));
        assertTrue(run(named, dir, RunOptions.defaults().withParallelism(2)).stdoutLines().contains("words:1> key2,1"));
    }

    @Test
    void rebalanceSpreadsRecordsRoundRobin() {
        String json = doc("{\"parallelism\": 3}", """
                {"id": "seq", "type": "source.sequence", "parallelism": 1, "params": {"from": 1, "to": 9}},
                {"id": "spread", "type": "rebalance"},
                {"id": "out", "type": "sink.table"}
                """, chain("seq", "spread", "out"));
        int[] perSubtask = new int[3];
        for (ResultTables.Entry e : run(json, dir).entries("out")) perSubtask[e.subtask()]++;
        assertEquals(List.of(3, 3, 3), List.of(perSubtask[0], perSubtask[1], perSubtask[2]));
    }

    @Test
    void unionMergesStreamsOfTheSameSchema() {
        String json = doc(null, """
                {"id": "odd", "type": "source.sequence", "params": {"from": 1, "to": 3}},
                {"id": "even", "type": "source.rows", "params": {"schema": {"value": "BIGINT"}, "rows": [{"value": 10}, {"value": 20}]}},
                {"id": "both", "type": "union"},
                {"id": "out", "type": "sink.table"}
                """, edge("odd", "both") + ", " + edge("even", "both") + ", " + edge("both", "out"));
        List<Object> values = run(json, dir).table("out").stream().map(r -> r.get(0)).toList();
        // The deterministic driver alternates between sources that are due at the same time.
        assertEquals(List.<Object>of(1L, 10L, 2L, 20L, 3L), values);
    }

    @Test
    void theParallelDriverLosesNothingThroughFullChannels() {
        String json = doc("{\"parallelism\": 2}", """
                {"id": "seq", "type": "source.sequence", "params": {"to": 300000}},
                {"id": "byK", "type": "key-by", "params": {"key": "value % 7"}},
                {"id": "sum", "type": "aggregate", "params": {"aggregates": {"n": "COUNT(*)", "total": "SUM(value)"}}},
                {"id": "last", "type": "filter", "params": {"condition": "n = 300000 / 7 + CASE WHEN key <= 300000 % 7 AND key > 0 THEN 1 ELSE 0 END"}},
                {"id": "out", "type": "sink.table"}
                """, chain("seq", "byK", "sum", "last", "out"));
        var o = run(json, dir, RunOptions.defaults().withParallelDriver(true));
        assertTrue(o.result().succeeded(), o.result().failure());
        assertEquals(300000, o.result().recordsIn("sum"));
        long total = o.table("out").stream().mapToLong(r -> (Long) r.get(2)).sum();
        assertEquals(300000L * 300001 / 2, total);
        assertEquals(7, o.table("out").size());
    }

    @Test
    void theParallelDriverProducesTheSameMultisetOfResults() {
        var seq = run(WORDS, dir, RunOptions.defaults().withParallelism(2));
        var par = run(WORDS, dir, RunOptions.defaults().withParallelism(2).withParallelDriver(true));
        assertTrue(par.result().succeeded(), par.result().failure());
        List<String> a = new ArrayList<>(seq.table("out").stream().map(Row::toString).toList());
        List<String> b = new ArrayList<>(par.table("out").stream().map(Row::toString).toList());
        a.sort(null);
        b.sort(null);
        assertEquals(a, b);
    }
}
