package dev.eddy.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.run.RunOptions;
import dev.eddy.run.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripted {"checkpoint": "restore"} step end to end: every task is checkpointed, thrown
 * away, rebuilt from the pipeline and restored, and the run goes on as if nothing happened, for
 * the operators and connectors the conformance scenarios do not reach (joins, rolling
 * aggregates, file and generator sources, file and table sinks). Runs without and with restores
 * are compared; the watermark is sent again after each restore, as Flink does not checkpoint it.
 */
class CheckpointRestoreTest {
    @TempDir
    Path dir;

    private static final String SCHEMA = "{\"side\": \"STRING\", \"k\": \"STRING\", \"v\": \"BIGINT\"}";

    private static String rec(String side, String k, long v, long ts) {
        return "{\"record\": {\"side\": \"" + side + "\", \"k\": \"" + k + "\", \"v\": " + v + "}, \"ts\": " + ts + "}";
    }

    private static String wm(long w) { return "{\"watermark\": " + w + "}"; }

    /** A restore after every step, each followed by the last watermark so far. */
    private static List<String> withRestores(List<String> steps) {
        List<String> out = new ArrayList<>();
        String last = null;
        for (String s : steps) {
            out.add(s);
            if (s.startsWith("{\"watermark\"")) last = s;
            out.add("{\"checkpoint\": \"restore\"}");
            if (last != null) out.add(last);
        }
        return out;
    }

    private static String script(List<String> steps) {
        return "{\"id\": \"script\", \"type\": \"source.scripted\", \"params\": {\"schema\": " + SCHEMA + ", \"steps\": ["
                + String.join(", ", steps) + "]}}";
    }

    /** One scripted source split into a left and a right keyed stream, joined, into a table. */
    private List<String> join(String join, List<String> steps, String sub) {
        String nodes = script(steps) + ", "
                + "{\"id\": \"left\", \"type\": \"filter\", \"params\": {\"condition\": \"side = 'L'\"}},"
                + " {\"id\": \"right\", \"type\": \"filter\", \"params\": {\"condition\": \"side = 'R'\"}},"
                + " {\"id\": \"byL\", \"type\": \"key-by\", \"params\": {\"key\": \"k\"}},"
                + " {\"id\": \"byR\", \"type\": \"key-by\", \"params\": {\"key\": \"k\"}},"
                + " {\"id\": \"j\", " + join.substring(1) + ", {\"id\": \"out\", \"type\": \"sink.table\"}";
        String edges = TestRuns.chain("script", "left", "byL") + ", " + TestRuns.chain("script", "right", "byR")
                + ", {\"from\": \"byL\", \"to\": \"j\", \"toPort\": \"left\"}, {\"from\": \"byR\", \"to\": \"j\", \"toPort\": \"right\"}, "
                + TestRuns.edge("j", "out");
        var o = TestRuns.run(TestRuns.doc("{\"startTime\": 0}", nodes, edges), dir.resolve(sub), RunOptions.defaults());
        assertTrue(o.result().succeeded(), o.result().failure());
        List<String> rows = new ArrayList<>(o.table("out").stream().map(Object::toString).toList());
        rows.sort(null);
        return rows;
    }

    private static final List<String> JOIN_STEPS = List.of(rec("L", "a", 1, 1000), rec("R", "a", 10, 1500), rec("R", "b", 20, 200),
            wm(1000), rec("L", "b", 2, 900), rec("L", "a", 3, 2500), wm(2000), rec("R", "a", 30, 2600), rec("R", "a", 40, 5000),
            wm(3000), rec("L", "a", 4, 5200), wm(6000));

    @Test
    void anIntervalJoinKeepsBothBuffersAndItsCleanupTimersAcrossARestore() {
        String j = "{\"type\": \"interval-join\", \"params\": {\"lowerBound\": \"-1s\", \"upperBound\": \"1s\"}}";
        List<String> plain = join(j, JOIN_STEPS, "plain");
        // L b@900 comes behind watermark 1000 and is late, restored or not.
        assertEquals(List.of("[L, a, 1, R, a, 10]", "[L, a, 3, R, a, 10]", "[L, a, 3, R, a, 30]", "[L, a, 4, R, a, 40]"), plain);
        assertEquals(plain, join(j, withRestores(JOIN_STEPS), "restored"));
    }

    @Test
    void aWindowJoinKeepsItsOpenWindowsAcrossARestore() {
        String j = "{\"type\": \"window-join\", \"params\": {\"size\": \"2s\"}}";
        List<String> plain = join(j, JOIN_STEPS, "plain");
        assertFalse(plain.isEmpty());
        assertEquals(plain, join(j, withRestores(JOIN_STEPS), "restored"));
    }

    private List<String> rolling(String node, List<String> steps, String sub) {
        String nodes = script(steps) + ", {\"id\": \"byK\", \"type\": \"key-by\", \"params\": {\"key\": \"k\"}}, " + node
                + ", {\"id\": \"out\", \"type\": \"sink.trace\", \"params\": {\"path\": \"out.jsonl\"}}";
        var o = TestRuns.run(TestRuns.doc("{\"startTime\": 0}", nodes, TestRuns.chain("script", "byK", "r", "out")), dir.resolve(sub),
                RunOptions.defaults());
        assertTrue(o.result().succeeded(), o.result().failure());
        return o.lines("out.jsonl").stream().filter(l -> l.startsWith("{\"record\"")).toList();
    }

    @Test
    void rollingAggregatesAndReducesGoOnFromTheirAccumulators() {
        List<String> steps = List.of(rec("L", "a", 1, 1), rec("L", "b", 2, 2), rec("L", "a", 3, 3), rec("L", "a", 4, 4), rec("L", "b", 5, 5));
        String agg = "{\"id\": \"r\", \"type\": \"aggregate\", \"params\": {\"aggregates\": {\"n\": \"COUNT(*)\", \"avg\": \"AVG(v)\", \"top\": \"MAX(v)\"}}}";
        List<String> plain = rolling(agg, steps, "agg");
        assertEquals(5, plain.size());
        assertEquals(plain, rolling(agg, withRestores(steps), "agg-restored"));
        String reduce = "{\"id\": \"r\", \"type\": \"reduce\", \"params\": {\"combine\": {\"v\": \"sum\"}}}";
        List<String> reduced = rolling(reduce, steps, "reduce");
        assertTrue(reduced.get(4).contains("\"v\":7"), reduced.toString());
        assertEquals(reduced, rolling(reduce, withRestores(steps), "reduce-restored"));
    }

    /** A file source and a sequence beside the script, all into one CSV file sink and a table. */
    private TestRuns.Outcome sourcesAndSinks(List<String> steps, String sub) throws Exception {
        Path run = dir.resolve(sub);
        Files.createDirectories(run);
        StringBuilder csv = new StringBuilder("side,k,v\n");
        for (int i = 0; i < 20; i++) csv.append("F,f").append(i % 3).append(',').append(i).append('\n');
        Files.writeString(run.resolve("in.csv"), csv);
        String nodes = script(steps) + ", {\"id\": \"file\", \"type\": \"source.file\", \"params\": {\"path\": \"in.csv\", \"format\": \"csv\","
                + " \"schema\": " + SCHEMA + "}},"
                + " {\"id\": \"seq\", \"type\": \"source.sequence\", \"params\": {\"from\": 1, \"to\": 15}},"
                + " {\"id\": \"asRow\", \"type\": \"map\", \"params\": {\"fields\": {\"side\": \"'S'\", \"k\": \"'s'\", \"v\": \"value\"}}},"
                + " {\"id\": \"all\", \"type\": \"union\"},"
                + " {\"id\": \"files\", \"type\": \"sink.file\", \"params\": {\"path\": \"parts\", \"format\": \"csv\"}},"
                + " {\"id\": \"table\", \"type\": \"sink.table\"}";
        String edges = TestRuns.edge("script", "all") + ", " + TestRuns.edge("file", "all") + ", " + TestRuns.chain("seq", "asRow", "all")
                + ", " + TestRuns.edge("all", "files") + ", " + TestRuns.edge("all", "table");
        var o = TestRuns.run(TestRuns.doc("{\"startTime\": 0}", nodes, edges), run, RunOptions.defaults());
        assertTrue(o.result().succeeded(), o.result().failure());
        return o;
    }

    @Test
    void fileAndGeneratorSourcesResumeWhereTheyWereAndSinksKeepWhatTheyWrote() throws Exception {
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < 12; i++) steps.add(rec("L", "x", i, i));
        var plain = sourcesAndSinks(steps, "plain");
        var restored = sourcesAndSinks(withRestores(steps), "restored");
        List<String> file = Files.readAllLines(plain.outputDir().resolve("parts/part-0-0.csv"));
        assertEquals(1 + 12 + 20 + 15, file.size(), "header and every record once");
        assertEquals(file, Files.readAllLines(restored.outputDir().resolve("parts/part-0-0.csv")));
        assertEquals(plain.table("table"), restored.table("table"));
        assertEquals(plain.result().totals().get("table"), restored.result().totals().get("table"));
    }

    private TestRuns.Outcome runWith(String settings, String steps, String sub, RunOptions options) {
        String nodes = "{\"id\": \"script\", \"type\": \"source.scripted\", \"params\": {\"schema\": " + SCHEMA + ", \"steps\": [" + steps
                + "]}}, {\"id\": \"out\", \"type\": \"sink.table\"}";
        return TestRuns.run(TestRuns.doc(settings, nodes, TestRuns.edge("script", "out")), dir.resolve(sub), options);
    }

    @Test
    void aRestoreStepSaysWhereItCannotRun() {
        String steps = rec("L", "a", 1, 1) + ", {\"checkpoint\": \"restore\"}";
        var batch = runWith("{\"startTime\": 0, \"mode\": \"batch\"}", steps, "batch", RunOptions.defaults());
        assertFalse(batch.result().succeeded());
        assertTrue(batch.result().failure().contains("BATCH run takes no checkpoints"), batch.result().failure());
        var parallel = runWith("{\"startTime\": 0}", steps, "parallel", RunOptions.defaults().withParallelDriver(true));
        assertFalse(parallel.result().succeeded());
        assertTrue(parallel.result().failure().contains("runs only in a deterministic run"), parallel.result().failure());
    }
}
