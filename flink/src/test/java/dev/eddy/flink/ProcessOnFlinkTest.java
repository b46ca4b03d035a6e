package dev.eddy.flink;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.eddy.flink.diff.Differential;
import dev.eddy.flink.run.FlinkCluster;
import dev.eddy.flink.run.FlinkRunner;
import dev.eddy.model.PipelineReader;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Process programs give the same sink traces on Flink, where they run as a KeyedProcessFunction
 * with Flink's keyed state and timers, as in Eddy: value, list and map state, event-time timers
 * with their output timestamps, side outputs, BATCH mode, and the nodes written in the language.
 */
class ProcessOnFlinkTest {
    private static FlinkCluster cluster;

    @BeforeAll
    static void start() throws Exception { cluster = FlinkCluster.start(4); }

    @AfterAll
    static void stop() throws Exception { cluster.close(); }

    private static final String STEPS = "{\"record\": {\"k\": \"a\", \"v\": 3}, \"ts\": 10}, {\"record\": {\"k\": \"b\", \"v\": 25}, \"ts\": 12},"
            + " {\"record\": {\"k\": \"a\", \"v\": 1}, \"ts\": 15}, {\"watermark\": 20}, {\"record\": {\"k\": \"c\", \"v\": 7}, \"ts\": 30},"
            + " {\"record\": {\"k\": \"a\", \"v\": 30}, \"ts\": 31}, {\"record\": {\"k\": \"b\", \"v\": 2}, \"ts\": 40}, {\"watermark\": 45},"
            + " {\"record\": {\"k\": \"a\", \"v\": 3}, \"ts\": 50}";

    private static String program(String... lines) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (String l : lines) a.add(l);
        return "{\"type\": \"process\", \"params\": {\"program\": " + a + "}}";
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("value state", "streaming", program("state total BIGINT;", "on record {",
                        "  total = COALESCE(total, 0) + v;", "  emit k, total, watermark IS NULL AS early;", "}")),
                Arguments.of("event-time timers and a side output", "streaming", program("state n BIGINT;", "on record {",
                        "  n = COALESCE(n, 0) + 1;", "  register event timer TIMESTAMP_ADD(record_time, 10);",
                        "  if v > 20 { emit to side k, v; }", "}", "on timer {",
                        "  emit k, n, EPOCH_MILLIS(timer_time) AS at, EPOCH_MILLIS(watermark) AS wm;", "  clear n;", "}")),
                Arguments.of("list and map state", "streaming", program("state seen LIST<BIGINT>;", "state counts MAP<STRING, BIGINT>;",
                        "on record {", "  seen.add(v);", "  let c = counts.get(k);", "  counts.put(k, COALESCE(c, 0) + v);",
                        "  let ks = counts.keys();", "  emit k, CARDINALITY(seen) AS n, ARRAY_JOIN(ks, ',') AS keys,",
                        "       ARRAY_SORT(seen, FALSE) AS sorted;", "}")),
                Arguments.of("timers in batch mode", "batch", program("on record {",
                        "  register event timer TIMESTAMP_ADD(record_time, 100);", "  emit k, v;", "}", "on timer {",
                        "  emit k, EPOCH_MILLIS(timer_time) AS v;", "}")),
                Arguments.of("change alert", "streaming",
                        "{\"type\": \"change-alert\", \"params\": {\"value\": \"v\", \"threshold\": 20, \"within\": \"20ms\"}}"),
                Arguments.of("deduplicate", "streaming", "{\"type\": \"deduplicate\", \"params\": {\"within\": \"30ms\"}}"),
                Arguments.of("top n", "streaming", "{\"type\": \"top-n\", \"params\": {\"value\": \"v\", \"n\": 2}}"));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.api.Timeout(120)
    @MethodSource("cases")
    void sameTraceAsEddy(String name, String mode, String node, @TempDir Path work) throws Exception {
        String sidePort = node.contains("\"process\"") ? "side" : node.contains("deduplicate") ? "duplicates" : null;
        String json = "{\"format\": \"eddy.pipeline\", \"version\": 1, \"settings\": {\"startTime\": 0, \"mode\": \"" + mode + "\"},"
                + " \"nodes\": ["
                + "{\"id\": \"script\", \"type\": \"source.scripted\", \"params\": {\"schema\": {\"k\": \"STRING\", \"v\": \"BIGINT\"},"
                + " \"steps\": [" + STEPS + "]}},"
                + "{\"id\": \"byK\", \"type\": \"key-by\", \"params\": {\"key\": \"k\"}},"
                + node.replaceFirst("\\{", "{\"id\": \"p\", ") + ","
                + "{\"id\": \"out\", \"type\": \"sink.trace\", \"params\": {\"path\": \"out.jsonl\"}}"
                + (sidePort == null ? "" : ", {\"id\": \"side\", \"type\": \"sink.trace\", \"params\": {\"path\": \"side.jsonl\"}}")
                + "], \"edges\": [{\"from\": \"script\", \"to\": \"byK\"}, {\"from\": \"byK\", \"to\": \"p\"}, {\"from\": \"p\", \"to\": \"out\"}"
                + (sidePort == null ? "" : ", {\"from\": \"p\", \"port\": \"" + sidePort + "\", \"to\": \"side\"}") + "]}";
        var outcome = new Differential(FlinkRunner.on(cluster)).compare(PipelineReader.read(json, name), work, work);
        System.out.println(name + ":\n" + outcome.report());
        assertTrue(outcome.equal(), name + " differs on Flink:\n" + outcome.report());
    }
}
