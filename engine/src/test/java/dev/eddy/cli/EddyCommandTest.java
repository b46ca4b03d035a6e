package dev.eddy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a person uses it: exit codes, one clear message, never a stack trace. */
class EddyCommandTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    static Result eddy(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EddyCommand.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void noStackTrace(Result r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    }

    @Test
    void runsTheWordCountSampleIntoTheOutputDirectory() throws Exception {
        Result r = eddy("run", "../samples/word-count/word-count.json", "--output", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("word-count/part-0-0.csv"));
        assertEquals("word,count", lines.get(0));
        assertTrue(lines.contains("to,13"), lines.toString());
        assertTrue(r.err().startsWith("finished in "), r.err());
    }

    @Test
    void batchModeGivesFinalCountsOnly() throws Exception {
        Result r = eddy("run", "../samples/word-count/word-count.json", "--output", dir.toString(), "--mode", "batch");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("word-count/part-0-0.csv"));
        assertEquals(1, lines.stream().filter(l -> l.startsWith("to,")).count());
        assertTrue(lines.contains("to,13"));
    }

    @Test
    void printSinksWriteToStandardOutput() {
        Result r = eddy("run", "../samples/basic-operations/basic-operations.json", "--parallelism", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("totals:"), r.out());
    }

    @Test
    void aMissingFileIsOneLine() {
        Result r = eddy("run", dir.resolve("nope.json").toString());
        assertEquals(2, r.code());
        assertEquals("eddy: " + dir.resolve("nope.json") + ": no such file\n", r.err());
    }

    @Test
    void resumingNeedsACheckpointToResumeFromAndAPipeline() throws Exception {
        Result none = eddy("run");
        assertEquals(2, none.code());
        assertEquals("eddy: name the PIPELINE.json to run (or resume one with --from-savepoint DIR)\n", none.err());
        Result missing = eddy("run", "--from-savepoint", dir.resolve("nowhere").toString());
        assertEquals(2, missing.code());
        assertEquals("eddy: --from-savepoint: " + dir.resolve("nowhere") + " does not exist\n", missing.err());
        Result parallel = eddy("run", "../samples/word-count/word-count.json", "--checkpoints", dir.toString(), "--driver", "parallel");
        assertEquals(2, parallel.code());
        assertEquals("eddy: --checkpoints and --from-savepoint work with the deterministic driver only (leave --driver parallel out)\n",
                parallel.err());
    }

    @Test
    void aMalformedFileNamesTheLine() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\n  \"format\": \"eddy.pipeline\"\n  \"version\": 1\n}");
        Result r = eddy("validate", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("line 3, column 3: not valid JSON"), r.err());
        noStackTrace(r);
    }

    @Test
    void anInvalidPipelineListsEveryProblem() throws Exception {
        Path f = dir.resolve("p.json");
        Files.writeString(f, "{\"format\": \"eddy.pipeline\", \"version\": 1, \"nodes\": [{\"id\": \"s\", \"type\": \"source.sequense\"},"
                + " {\"id\": \"p\", \"type\": \"sink.print\", \"params\": {\"format\": \"xml\"}}], \"edges\": [{\"from\": \"s\", \"to\": \"p\"}]}");
        Result r = eddy("validate", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("2 problems"), r.err());
        assertTrue(r.err().contains("nodes[0].type: unknown node type \"source.sequense\" (did you mean \"source.sequence\"?)"), r.err());
        assertTrue(r.err().contains("nodes[1].params.format: expected one of json, row, csv but found \"xml\""), r.err());
        Result run = eddy("run", f.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("nodes[0].type: unknown node type"), run.err());
    }

    @Test
    void aValidPipelineSaysSo() {
        Result r = eddy("validate", "../samples/word-count/word-count.json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("valid (6 nodes, 5 edges)"), r.out());
    }

    @Test
    void anUnreachableSocketFailsWithExitOne() throws Exception {
        int port;
        try (var probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path f = dir.resolve("sock.json");
        Files.writeString(f, "{\"format\": \"eddy.pipeline\", \"version\": 1, \"nodes\": [{\"id\": \"s\", \"type\": \"source.socket\", \"params\": {\"host\": \"127.0.0.1\", \"port\": "
                + port + "}}, {\"id\": \"p\", \"type\": \"sink.print\"}], \"edges\": [{\"from\": \"s\", \"to\": \"p\"}]}");
        Result r = eddy("run", f.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("eddy: job failed: source \"s\" cannot connect to 127.0.0.1:" + port + ": connection refused"), r.err());
        noStackTrace(r);
    }

    @Test
    void anOutputThatIsAFileIsRefused() throws Exception {
        Path f = dir.resolve("file");
        Files.writeString(f, "x");
        Result r = eddy("run", "../samples/word-count/word-count.json", "--output", f.toString());
        assertEquals(2, r.code());
        assertEquals("eddy: --output " + f + " is a file; expected a directory\n", r.err());
    }

    @Test
    void badOptionsAreUsageErrors() {
        Result r = eddy("run", "../samples/word-count/word-count.json", "--mode", "fast");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Invalid value for option '--mode'"), r.err());
        assertEquals(2, eddy("run", "x.json", "--parallelism", "0").code());
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : List.of("run", "validate", "types", "docs")) {
            Result r = eddy(c, "--help");
            assertEquals(0, r.code(), c);
            assertTrue(r.out().startsWith("Usage: eddy " + c), r.out());
        }
        assertTrue(eddy("--help").out().contains("Commands:"));
        for (String launched : new String[] {"design", "run --on flink", "export-flink", "export-sql", "fuzz-flink"}) {
            assertTrue(eddy("--help").out().contains("  " + launched), "the help lists " + launched);
        }
    }

    @Test
    void typesListsAndDescribesNodeTypes() {
        Result all = eddy("types");
        assertTrue(all.out().contains("Keys & partitions"), all.out());
        assertTrue(all.out().contains("key-by"), all.out());
        Result one = eddy("types", "key-by");
        assertTrue(one.out().contains("murmur hash"), one.out());
        assertTrue(one.out().contains("key "), one.out());
        Result unknown = eddy("types", "keyby");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("did you mean \"key-by\""), unknown.err());
    }

    @Test
    void traceWritesObservationsAsJsonLines() {
        Result r = eddy("run", "../samples/basic-operations/basic-operations.json", "--trace");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("\"kind\":\"record\",\"node\":\"sumTel\""), r.err());
        assertTrue(r.err().contains("\"kind\":\"watermark\""), r.err());
        assertTrue(r.err().contains("\"kind\":\"job\",\"state\":\"FINISHED\""), r.err());
    }

    @Test
    void traceExplainsWindowFiringsAndLateRecords() {
        Result r = eddy("run", "../samples/late-sensor-readings/late-sensor-readings.json", "--output", dir.toString(), "--trace");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("\"kind\":\"windowFired\",\"node\":\"fiveSeconds\""), r.err());
        assertTrue(r.err().contains("\"reason\":\"event-time trigger on watermark"), r.err());
        assertTrue(r.err().contains("\"kind\":\"late\"") && r.err().contains("was cleaned up once the watermark passed"), r.err());
    }

    @Test
    void withoutOutputFileSinksWriteIntoATemporaryFolderTheSummaryNames() throws Exception {
        Result r = eddy("run", "../samples/late-sensor-readings/late-sensor-readings.json");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(Path.of("averages")) || Files.exists(Path.of("late")), "nothing lands in the current folder");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("file sinks wrote under (\\S+) ").matcher(r.err());
        assertTrue(m.find(), r.err());
        Path folder = Path.of(m.group(1));
        assertTrue(Files.isDirectory(folder.resolve("averages")) && Files.isDirectory(folder.resolve("late")), folder.toString());
        try (var all = Files.walk(folder)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        Result printOnly = eddy("run", "../samples/basic-operations/basic-operations.json");
        assertFalse(printOnly.err().contains("file sinks wrote"), "a run without file sinks leaves no folder behind: " + printOnly.err());
    }

    @Test
    void maxRecordsStopsAnUnboundedPipeline() throws Exception {
        Path f = dir.resolve("endless.json");
        Files.writeString(f, "{\"format\": \"eddy.pipeline\", \"version\": 1, \"nodes\": [{\"id\": \"s\", \"type\": \"source.sentences\"},"
                + " {\"id\": \"p\", \"type\": \"sink.print\"}], \"edges\": [{\"from\": \"s\", \"to\": \"p\"}]}");
        Result r = eddy("run", f.toString(), "--max-records", "3");
        assertEquals(0, r.code(), r.err());
        assertEquals(3, r.out().lines().count());
    }
}
