package dev.eddy.validate;

import static dev.eddy.run.TestRuns.chain;
import static dev.eddy.run.TestRuns.doc;
import static dev.eddy.run.TestRuns.edge;
import static dev.eddy.run.TestRuns.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.nodes.StandardCatalog;
import dev.eddy.types.DataType;
import dev.eddy.types.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineValidatorTest {
    private static final String ROWS = "{\"id\": \"src\", \"type\": \"source.rows\", \"params\": {\"schema\": {\"room\": \"STRING\", \"temp\": \"DOUBLE\"},"
            + " \"rows\": [{\"room\": \"a\", \"temp\": 20.5}]}}";

    private static ValidationResult validate(String json) {
        return new PipelineValidator(StandardCatalog.get()).validate(pipeline(json));
    }

    private static List<String> errors(String json) {
        return validate(json).errors().stream().map(Problem::toString).toList();
    }

    @Test
    void aGoodPipelineHasNoErrorsAndKnowsEverySchema() {
        ValidationResult v = validate(doc(null, ROWS
                + ", {\"id\": \"f\", \"type\": \"map\", \"params\": {\"fields\": {\"room\": \"room\", \"hot\": \"temp > 25\", \"f\": \"temp * 1.8 + 32\"}}}"
                + ", {\"id\": \"out\", \"type\": \"sink.table\"}", chain("src", "f", "out")));
        assertFalse(v.hasErrors(), v.problems().toString());
        assertEquals(Schema.of("room", DataType.STRING, "hot", DataType.BOOLEAN, "f", DataType.DOUBLE), v.schema("f", "out"));
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPath() {
        List<String> errs = errors(doc(null, ROWS
                + ", {\"id\": \"f\", \"type\": \"filtr\"}"
                + ", {\"id\": \"g\", \"type\": \"filter\", \"params\": {\"condition\": \"tmep > 3\", \"colour\": 1}}"
                + ", {\"id\": \"w\", \"type\": \"source.sensors\", \"params\": {\"maxDelay\": \"10 parsecs\", \"rooms\": 0}}"
                + ", {\"id\": \"out\", \"type\": \"sink.table\"}",
                chain("src", "g", "out") + ", " + edge("nowhere", "out") + ", {\"from\": \"src\", \"port\": \"late\", \"to\": \"out\"}"));
        assertTrue(errs.contains("nodes[1].type: unknown node type \"filtr\" (did you mean \"filter\"?); `eddy types` lists them all"), errs.toString());
        assertTrue(errs.stream().anyMatch(e -> e.startsWith("nodes[2].params.colour: \"filter\" has no parameter \"colour\"")), errs.toString());
        assertTrue(errs.contains("nodes[3].params.maxDelay: \"10 parsecs\" is not a duration such as 500ms, 10s, 5m, 2h or 1d"), errs.toString());
        assertTrue(errs.contains("nodes[3].params.rooms: must be at least 1 but is 0"), errs.toString());
        assertTrue(errs.contains("edges[2].from: no node has the id \"nowhere\""), errs.toString());
        assertTrue(errs.contains("edges[3].port: \"source.rows\" has no output port \"late\"; its output ports are out"), errs.toString());
        assertTrue(errs.stream().anyMatch(e -> e.startsWith("nodes[2].params.condition: `tmep > 3` column 1: unknown field \"tmep\"")), errs.toString());
    }

    @Test
    void anExpressionTypeErrorNamesTheColumn() {
        List<String> errs = errors(doc(null, ROWS + ", {\"id\": \"g\", \"type\": \"filter\", \"params\": {\"condition\": \"temp + 1\"}}"
                + ", {\"id\": \"out\", \"type\": \"sink.table\"}", chain("src", "g", "out")));
        assertEquals(1, errs.size(), errs.toString());
        assertTrue(errs.get(0).startsWith("nodes[1].params.condition: `temp + 1` column 1: expected BOOLEAN"), errs.toString());
    }

    @Test
    void aKeyedNodeNeedsAKeyByRightBeforeIt() {
        List<String> errs = errors(doc(null, ROWS + ", {\"id\": \"r\", \"type\": \"reduce\", \"params\": {\"combine\": {\"temp\": \"sum\"}}}"
                + ", {\"id\": \"out\", \"type\": \"sink.table\"}", chain("src", "r", "out")));
        assertEquals(List.of("nodes[1]: \"reduce\" needs a keyed stream: connect it directly after a key-by node (in Flink, reduce exists only on a KeyedStream)"), errs);
    }

    @Test
    void cyclesAreRefused() {
        List<String> errs = errors(doc(null, ROWS + ", {\"id\": \"u\", \"type\": \"union\"}, {\"id\": \"m\", \"type\": \"map\", \"params\": {\"fields\": {\"room\": \"room\", \"temp\": \"temp\"}}}"
                + ", {\"id\": \"out\", \"type\": \"sink.table\"}", chain("src", "u", "m", "u") + ", " + edge("m", "out")));
        assertEquals(List.of("edges: the nodes u, m form a cycle; a stream pipeline must flow one way, from sources to sinks"), errs);
    }

    @Test
    void inputsMustBeConnectedOnceAndUnionsNeedEqualSchemas() {
        String seq = "{\"id\": \"seq\", \"type\": \"source.sequence\", \"params\": {\"to\": 3}}";
        List<String> errs = errors(doc(null, ROWS + ", " + seq + ", {\"id\": \"u\", \"type\": \"union\"}, {\"id\": \"m\", \"type\": \"filter\", \"params\": {\"condition\": \"true\"}}"
                + ", {\"id\": \"out\", \"type\": \"sink.table\"}, {\"id\": \"lonely\", \"type\": \"sink.print\"}",
                edge("src", "u") + ", " + edge("seq", "u") + ", " + edge("src", "m") + ", " + edge("seq", "m") + ", " + edge("u", "out")));
        assertTrue(errs.contains("nodes[3]: input \"in\" of \"m\" has 2 edges but takes one; merge streams with a union node first"), errs.toString());
        assertTrue(errs.contains("nodes[5]: input \"in\" of \"lonely\" is not connected; connect records to process to it"), errs.toString());
        assertTrue(errs.stream().anyMatch(e -> e.startsWith("nodes[2]: a union needs inputs with the same fields and types")), errs.toString());
    }

    @Test
    void unconnectedOutputsAreWarningsNotErrors() {
        ValidationResult v = validate(doc(null, ROWS, ""));
        assertFalse(v.hasErrors());
        assertEquals(List.of("warning: nodes[0]: output \"out\" of \"src\" is not connected, so its records go nowhere; add a sink"),
                v.warnings().stream().map(Problem::toString).toList());
    }

    @Test
    void badInlineRowsAndMissingParamsAreNamed() {
        List<String> errs = errors(doc(null, "{\"id\": \"src\", \"type\": \"source.rows\", \"params\": {\"schema\": {\"n\": \"BIGINT\"},"
                + " \"rows\": [{\"n\": 1}, {\"n\": \"two\"}, {\"m\": 3}]}}, {\"id\": \"k\", \"type\": \"key-by\"}, {\"id\": \"out\", \"type\": \"sink.table\"}",
                chain("src", "k", "out")));
        assertTrue(errs.contains("nodes[0].params.rows[1]: field \"n\": expected BIGINT but found \"two\""), errs.toString());
        assertTrue(errs.contains("nodes[0].params.rows[2]: unknown field \"m\"; the schema has n"), errs.toString());
        assertTrue(errs.stream().anyMatch(e -> e.startsWith("nodes[1].params.key: missing; expected a list of text")), errs.toString());
    }

    @Test
    void nonParallelNodesRefuseParallelism() {
        List<String> errs = errors(doc(null, ROWS.replace("\"type\": \"source.rows\"", "\"type\": \"source.rows\", \"parallelism\": 2")
                + ", {\"id\": \"out\", \"type\": \"sink.table\"}", chain("src", "out")));
        assertEquals(List.of("nodes[0].parallelism: \"source.rows\" runs in a single subtask and cannot have parallelism 2"), errs);
    }

    @Test
    void deltaTriggersNeedANumberAndCannotMergeSessions() {
        String key = "{\"id\": \"k\", \"type\": \"key-by\", \"params\": {\"key\": \"room\"}}";
        String sink = "{\"id\": \"out\", \"type\": \"sink.table\"}";
        List<String> errs = errors(doc(null, ROWS + ", " + key + ", {\"id\": \"w\", \"type\": \"window\", \"params\": {\"assigner\": \"global\","
                + " \"trigger\": \"delta\", \"deltaOf\": \"room\", \"deltaThreshold\": 1}}, " + sink, chain("src", "k", "w", "out")));
        assertEquals(List.of("nodes[2].params.deltaOf: `room` is STRING; a delta needs a number"), errs);
        errs = errors(doc(null, ROWS + ", " + key + ", {\"id\": \"w\", \"type\": \"window\", \"params\": {\"assigner\": \"session\","
                + " \"gap\": \"1s\", \"trigger\": \"delta\", \"deltaOf\": \"temp\", \"deltaThreshold\": 1}}, " + sink, chain("src", "k", "w", "out")));
        assertEquals(List.of("nodes[2].params.trigger: a session window merges windows, and the delta trigger (Δ temp > 1.0) cannot merge"), errs);
    }
    /** The window's errors, for window params that Flink's assigners and WindowOperator would refuse. */
    private static List<String> windowErrors(String params) {
        return errors(doc(null, ROWS + ", {\"id\": \"w\", \"type\": \"window\", \"params\": " + params + "}, {\"id\": \"out\", \"type\": \"sink.table\"}",
                chain("src", "w", "out"))).stream().filter(e -> e.startsWith("nodes[1]")).toList();
    }

    @Test
    void windowArgumentsAreCheckedWhereFlinksAssignersCheckThem() {
        String count = ", \"aggregates\": {\"n\": \"COUNT(*)\"}";
        assertEquals(List.of("nodes[1].params.offset: the offset must be smaller than the size (10s) in absolute value"),
                windowErrors("{\"size\": \"10s\", \"offset\": \"10s\"" + count + "}"));
        assertEquals(List.of("nodes[1].params.offset: the offset must be smaller than the size (10s) in absolute value"),
                windowErrors("{\"size\": \"10s\", \"offset\": \"-10s\"" + count + "}"));
        assertEquals(List.of(), windowErrors("{\"size\": \"10s\", \"offset\": \"-9999ms\"" + count + "}"));
        assertEquals(List.of("nodes[1].params.offset: the offset must be smaller than the slide (5s) in absolute value"),
                windowErrors("{\"assigner\": \"sliding\", \"size\": \"10s\", \"slide\": \"5s\", \"offset\": \"5s\"" + count + "}"));
        assertEquals(List.of("nodes[1].params.size: must be above 0"), windowErrors("{\"size\": \"0ms\"" + count + "}"));
        assertEquals(List.of("nodes[1].params.size: must not be negative, but is -5s"), windowErrors("{\"size\": \"-5s\"" + count + "}"));
        assertEquals(List.of("nodes[1].params.slide: must be above 0"),
                windowErrors("{\"assigner\": \"sliding\", \"size\": \"10s\", \"slide\": \"0s\"" + count + "}"));
        assertEquals(List.of("nodes[1].params.gap: the gap must be above 0"), windowErrors("{\"assigner\": \"session\", \"gap\": \"0s\"" + count + "}"));
        assertEquals(List.of("nodes[1].params.gap: must not be negative, but is -1s"),
                windowErrors("{\"assigner\": \"session\", \"gap\": \"-1s\"" + count + "}"));
        assertEquals(List.of("nodes[1].params.allowedLateness: must not be negative, but is -1ms"),
                windowErrors("{\"size\": \"10s\", \"allowedLateness\": \"-1ms\"" + count + "}"));
        assertEquals(List.of("nodes[1].params.allowedLateness: \"999999999999d\" is too long: a duration must fit in 64-bit milliseconds"
                        + " (about 292 million years)"), windowErrors("{\"size\": \"10s\", \"allowedLateness\": \"999999999999d\"" + count + "}"));
    }

    @Test
    void anIntervalJoinWithoutABoundSaysSoInsteadOfFailing() {
        String keyed = ", {\"id\": \"k\", \"type\": \"key-by\", \"params\": {\"key\": [\"room\"]}}";
        List<String> errs = errors(doc(null, ROWS + keyed
                + ", {\"id\": \"j\", \"type\": \"interval-join\", \"params\": {\"lowerBound\": \"-1s\"}}"
                + ", {\"id\": \"out\", \"type\": \"sink.table\"}",
                edge("src", "k") + ", {\"from\": \"k\", \"to\": \"j\", \"toPort\": \"left\"}, {\"from\": \"k\", \"to\": \"j\", \"toPort\": \"right\"}, "
                        + edge("j", "out")));
        assertTrue(errs.stream().anyMatch(e -> e.contains("upperBound")), errs.toString());
    }
}
