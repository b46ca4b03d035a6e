package dev.eddy.flink.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.model.Pipeline;
import dev.eddy.model.PipelineReader;
import dev.eddy.run.PipelineRunner;
import dev.eddy.run.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipelines exported as Flink SQL scripts and run statement by statement on Flink's Table API
 * (streaming, in a MiniCluster): what their sinks print and write must be what Eddy's run of the
 * same pipeline prints and writes.
 */
class SqlExportTest {
    @TempDir
    Path work;

    private static dev.eddy.flink.run.FlinkCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = dev.eddy.flink.run.FlinkCluster.start(2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) cluster.close();
    }

    /** What a run printed and wrote, each sorted (Flink's part files are named otherwise, so only the folders count). */
    record Outputs(List<String> printed, TreeMap<String, List<String>> files) {}

    @Test
    void everyKindOfNodeSqlCanExpressGivesEddysOutput() throws Exception {
        Files.writeString(work.resolve("readings.csv"), "room,temperature,at\nlab,21.5,1704067200000\nhall,19.0,1704067201000\n"
                + "lab,22.5,1704067203000\nlab,23.0,1704067205500\nhall,18.5,1704067212000\nlab,,1704067213000\nhall,20.0,1704067215000\n");
        Files.writeString(work.resolve("lines.txt"), "to be or not to be\n\nthat is the question\nto be\n");
        String orders = "{\"id\": %d, \"customer\": \"%s\", \"region\": \"%s\", \"amount\": %s, \"at\": \"2024-01-01T00:00:%02dZ\"}";
        List<String> rows = new ArrayList<>();
        String[] customers = {"ann", "bo", "cy"};
        for (int i = 0; i < 12; i++) {
            rows.add(orders.formatted(i, customers[i % 3], i % 4 < 2 ? "north" : "south", i % 5 == 0 ? "null" : (i * 7.5) + "", i * 2 + (i % 3)));
        }
        String json = """
                {"format": "eddy.pipeline", "version": 1, "name": "Everything SQL has", "settings": {"autoWatermarkInterval": "0ms"},
                 "nodes": [
                   {"id": "orders", "type": "source.rows", "params": {"schema": {"id": "BIGINT", "customer": "STRING", "region": "STRING",
                      "amount": "DOUBLE", "at": "TIMESTAMP"}, "rows": [%s], "watermarks": "bounded-out-of-orderness", "timestamp": "at",
                      "maxOutOfOrderness": "2s"}},
                   {"id": "shipments", "type": "source.rows", "params": {"schema": {"orderId": "BIGINT", "at": "TIMESTAMP"},
                      "rows": [{"orderId": 1, "at": "2024-01-01T00:00:05Z"}, {"orderId": 4, "at": "2024-01-01T00:00:09Z"},
                               {"orderId": 7, "at": "2024-01-01T00:00:30Z"}, {"orderId": 9, "at": "2024-01-01T00:00:21Z"}]}},
                   {"id": "shipTime", "type": "watermarks", "params": {"timestamp": "at", "strategy": "monotonous"}},
                   {"id": "readings", "type": "source.file", "params": {"path": "readings.csv", "schema": {"room": "STRING",
                      "temperature": "DOUBLE", "at": "BIGINT"}}},
                   {"id": "fahrenheit", "type": "map", "params": {"fields": {"room": "UPPER(room)", "f": "temperature * 1.8 + 32", "takenAt": "at"}}},
                   {"id": "readingTime", "type": "watermarks", "params": {"timestamp": "takenAt", "maxOutOfOrderness": "1s"}},
                   {"id": "byRoom", "type": "key-by", "params": {"key": "room"}},
                   {"id": "perTen", "type": "window", "params": {"size": "10s",
                      "aggregates": {"n": "COUNT(*)", "avgF": "AVG(f)", "maxF": "MAX(f)", "readings": "COUNT(f)", "lastF": "LAST(f)"}}},
                   {"id": "perTenOut", "type": "sink.file", "params": {"path": "per-ten", "format": "csv"}},
                   {"id": "lines", "type": "source.file", "params": {"path": "lines.txt", "format": "text"}},
                   {"id": "words", "type": "flat-map", "params": {"split": "SPLIT(line, ' ')", "as": "word"}},
                   {"id": "nonEmpty", "type": "filter", "params": {"condition": "word <> ''"}},
                   {"id": "byWord", "type": "key-by", "params": {"key": "word"}},
                   {"id": "counts", "type": "aggregate", "params": {"aggregates": {"count": "COUNT(*)"}}},
                   {"id": "countsOut", "type": "sink.print", "params": {"format": "row", "identifier": "counts"}},
                   {"id": "numbers", "type": "source.sequence", "params": {"from": 1, "to": 20}},
                   {"id": "tagged", "type": "map", "params": {"fields": {"k": "value % 3", "v": "value * 2", "big": "value > 10"}}},
                   {"id": "byK", "type": "key-by", "params": {"key": "k"}},
                   {"id": "sums", "type": "reduce", "params": {"combine": {"v": "sum", "big": "max"}}},
                   {"id": "sumsOut", "type": "sink.file", "params": {"path": "sums"}},
                   {"id": "byCustomerRegion", "type": "key-by", "params": {"key": ["customer", "UPPER(region)"]}},
                   {"id": "running", "type": "aggregate", "params": {"aggregates": {"n": "COUNT(*)", "total": "SUM(amount)", "firstId": "FIRST(id)",
                      "lastAmount": "LAST(amount)"}}},
                   {"id": "runningOut", "type": "sink.print", "params": {"format": "row", "identifier": "running"}},
                   {"id": "everything", "type": "window", "params": {"assigner": "sliding", "size": "10s", "slide": "5s",
                      "aggregates": {"n": "COUNT(*)", "avg": "AVG(amount)", "most": "MAX(amount)", "least": "MIN(customer)"}}},
                   {"id": "allOut", "type": "sink.file", "params": {"path": "all", "format": "csv", "header": false}},
                   {"id": "byCustomer", "type": "key-by", "params": {"key": "customer"}},
                   {"id": "visits", "type": "window", "params": {"assigner": "session", "gap": "3s",
                      "aggregates": {"n": "COUNT(*)", "lastRegion": "MAX(region)", "spent": "SUM(amount)"}}},
                   {"id": "visitsOut", "type": "sink.file", "params": {"path": "visits"}},
                   {"id": "quiet", "type": "window", "params": {"assigner": "session", "gap": "2s", "aggregates": {"n": "COUNT(*)"}}},
                   {"id": "quietOut", "type": "sink.file", "params": {"path": "quiet"}},
                   {"id": "ordersById", "type": "key-by", "params": {"key": "id"}},
                   {"id": "shipmentsById", "type": "key-by", "params": {"key": "orderId"}},
                   {"id": "shipped", "type": "interval-join", "params": {"lowerBound": "-1s", "upperBound": "20s", "upperBoundExclusive": true}},
                   {"id": "label", "type": "map", "params": {"fields": {"what": "CAST(id AS STRING) || '-' || customer",
                      "size": "CASE WHEN amount > 50 THEN 'big' WHEN amount IS NULL THEN NULL ELSE 'small' END", "late": "right_at > at"}}},
                   {"id": "shippedOut", "type": "sink.file", "params": {"path": "shipped"}},
                   {"id": "small", "type": "filter", "params": {"condition": "amount < 40"}},
                   {"id": "big", "type": "filter", "params": {"condition": "NOT (amount < 40)"}},
                   {"id": "both", "type": "union"},
                   {"id": "bothOut", "type": "sink.print", "params": {"format": "row"}},
                   {"id": "nowhere", "type": "sink.discard"}],
                 "edges": [{"from": "shipments", "to": "shipTime"},
                   {"from": "readings", "to": "fahrenheit"}, {"from": "fahrenheit", "to": "readingTime"}, {"from": "readingTime", "to": "byRoom"},
                   {"from": "byRoom", "to": "perTen"}, {"from": "perTen", "to": "perTenOut"},
                   {"from": "lines", "to": "words"}, {"from": "words", "to": "nonEmpty"}, {"from": "nonEmpty", "to": "byWord"},
                   {"from": "byWord", "to": "counts"}, {"from": "counts", "to": "countsOut"},
                   {"from": "numbers", "to": "tagged"}, {"from": "tagged", "to": "byK"}, {"from": "byK", "to": "sums"}, {"from": "sums", "to": "sumsOut"},
                   {"from": "orders", "to": "byCustomerRegion"}, {"from": "byCustomerRegion", "to": "running"},
                   {"from": "running", "to": "runningOut"}, {"from": "orders", "to": "everything"}, {"from": "everything", "to": "allOut"},
                   {"from": "orders", "to": "byCustomer"}, {"from": "byCustomer", "to": "visits"}, {"from": "visits", "to": "visitsOut"},
                   {"from": "orders", "to": "quiet"}, {"from": "quiet", "to": "quietOut"},
                   {"from": "orders", "to": "ordersById"}, {"from": "shipTime", "to": "shipmentsById"},
                   {"from": "ordersById", "to": "shipped", "toPort": "left"}, {"from": "shipmentsById", "to": "shipped", "toPort": "right"},
                   {"from": "shipped", "to": "label"}, {"from": "label", "to": "shippedOut"},
                   {"from": "orders", "to": "small"}, {"from": "orders", "to": "big"}, {"from": "small", "to": "both"},
                   {"from": "big", "to": "both"}, {"from": "both", "to": "bothOut"}, {"from": "both", "to": "nowhere"}]}
                """.replace("[%s]", "[" + String.join(", ", rows) + "]");
        Pipeline pipeline = PipelineReader.read(json, "everything.json");
        Path export = work.resolve("sql");
        Path flinkOut = work.resolve("flink");
        SqlExport.Written written = SqlExport.write(pipeline, work, export,
                new SqlExport.Options(export.resolve("data").toString(), flinkOut.toString(), false));
        String script = Files.readString(written.script());
        assertTrue(script.contains("TABLE(\n  SESSION(TABLE `byCustomer` PARTITION BY `customer`, DESCRIPTOR(`event_time`), INTERVAL '3' SECOND))"), script);
        assertTrue(script.contains("`event_time` AS TO_TIMESTAMP_LTZ((`at`), 3),\n  WATERMARK FOR `event_time` AS `event_time` - INTERVAL '1.001' SECOND"), script);
        Outputs eddy = eddy(pipeline, work, work.resolve("eddy"));
        Outputs flink = flink(script, flinkOut);
        assertEquals(eddy.printed(), flink.printed(), script);
        assertEquals(eddy.files(), flink.files(), script);
        assertEquals(List.of("all", "per-ten", "quiet", "shipped", "sums", "visits"), List.copyOf(eddy.files().keySet()));
    }

    /**
     * Every sample: exported and run with Eddy's output, or refused with each node that SQL cannot express named. Which
     * samples SQL can express is written here, so that a change in either is seen.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("dev.eddy.flink.nativejob.NativeExportTest#pipelines")
    void aSampleRunsAsFlinkSqlWithEddysOutputOrIsRefusedWithTheReason(String sample) throws Exception {
        Path file = Path.of("../samples").resolve(sample);
        Pipeline pipeline = dev.eddy.model.PipelineReader.read(file);
        Path export = work.resolve("sql");
        Path flinkOut = work.resolve("flink");
        SqlExport.Written written;
        try {
            written = SqlExport.write(pipeline, file.getParent(), export, new SqlExport.Options(export.resolve("data").toString(), flinkOut.toString(), false));
        } catch (dev.eddy.validate.InvalidPipelineException e) {
            assertTrue(REFUSED.containsKey(sample), sample + " is refused: " + e.getMessage());
            assertTrue(e.getMessage().contains(REFUSED.get(sample)), e.getMessage());
            return;
        }
        assertTrue(!REFUSED.containsKey(sample), sample + " was expected to be refused");
        String script = Files.readString(written.script());
        Outputs eddy = eddy(pipeline, file.getParent(), work.resolve("eddy"));
        Outputs flink = flink(script, flinkOut);
        assertEquals(eddy.printed(), flink.printed(), script);
        assertEquals(eddy.files(), flink.files(), script);
        assertTrue(!eddy.printed().isEmpty() || !eddy.files().isEmpty(), "the sample has output to compare");
    }

    /** The samples SQL cannot express, and the reason given for one node of each. */
    private static final java.util.Map<String, String> REFUSED = java.util.Map.ofEntries(
            java.util.Map.entry("click-sessions/click-sessions.json", "\"clicks\" (source.clicks) cannot be written as Flink SQL: no Flink SQL connector"),
            java.util.Map.entry("delivery-guarantees/at-least-once.json", "\"console\" (sink.print) cannot be written as Flink SQL: Flink SQL's print"),
            java.util.Map.entry("delivery-guarantees/at-most-once.json", "\"console\" (sink.print) cannot be written as Flink SQL: Flink SQL's print"),
            java.util.Map.entry("delivery-guarantees/exactly-once.json", "\"console\" (sink.print) cannot be written as Flink SQL: Flink SQL's print"),
            java.util.Map.entry("duplicate-payments/duplicate-payments.json", "\"firstOnly\" (deduplicate) cannot be written as Flink SQL: a program"),
            java.util.Map.entry("failure-and-recovery/failure-and-recovery.json", "\"console\" (sink.print) cannot be written as Flink SQL"),
            java.util.Map.entry("late-sensor-readings/late-sensor-readings.json", "\"sensors\" (source.sensors) cannot be written as Flink SQL"),
            java.util.Map.entry("payments-per-province/payments-per-province.json", "\"payments\" (source.payments) cannot be written as Flink SQL"),
            java.util.Map.entry("sliding-and-count-windows/sliding-and-count-windows.json", "\"sensors\" (source.sensors) cannot be written"),
            java.util.Map.entry("time-notions/time-notions.json", "\"sensors\" (source.sensors) cannot be written as Flink SQL"),
            java.util.Map.entry("window-functions/window-functions.json", "\"sensors\" (source.sensors) cannot be written as Flink SQL"),
            java.util.Map.entry("temperature-alert/temperature-alert.json", "\"alert\" (process) cannot be written as Flink SQL: a program with keyed state"),
            java.util.Map.entry("word-count/word-count.json", "\"words\" (flat-map) cannot be written as Flink SQL: `REGEXP_SPLIT(LOWER(line), '\\W+')`: Flink SQL has no"));

    @Test
    void aWindowWithAnOffsetIsRefusedWithTheReason() throws Exception {
        String json = """
                {"format": "eddy.pipeline", "version": 1, "nodes": [
                   {"id": "n", "type": "source.sequence", "params": {"from": 1, "to": 5, "watermarks": "monotonous", "timestamp": "value"}},
                   {"id": "w", "type": "window", "params": {"size": "10s", "offset": "2s", "aggregates": {"n": "COUNT(*)"}}},
                   {"id": "out", "type": "sink.print", "params": {"format": "row"}}],
                 "edges": [{"from": "n", "to": "w"}, {"from": "w", "to": "out"}]}
                """;
        var refused = org.junit.jupiter.api.Assertions.assertThrows(dev.eddy.validate.InvalidPipelineException.class,
                () -> SqlExport.write(PipelineReader.read(json, "offset.json"), work, work.resolve("sql"), SqlExport.Options.defaults()));
        assertTrue(refused.getMessage().contains("\"w\" (window) cannot be written as Flink SQL: Flink SQL's windows with an offset"), refused.getMessage());
    }

    private static Outputs eddy(Pipeline pipeline, Path dir, Path out) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        var result = PipelineRunner.standard().prepare(pipeline, dir, RunOptions.defaults().withOutputDir(out)
                .withStdout(new PrintStream(printed, true))).run();
        assertTrue(result.succeeded(), result.failure());
        return new Outputs(sorted(printed.toString().lines().toList()), files(out));
    }

    /** Runs the script's statements in order on the Table API, the statement set last, and waits for its job. */
    private static Outputs flink(String script, Path out) throws Exception {
        var env = org.apache.flink.streaming.api.environment.StreamExecutionEnvironment.createRemoteEnvironment(cluster.host(), cluster.port());
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        tables.getConfig().setLocalTimeZone(ZoneOffset.UTC);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream before = System.out;
        try {
            System.setOut(new PrintStream(printed, true));
            TableResult last = null;
            for (String statement : SqlExport.statements(script)) {
                // SET is the SQL client's own command; the Table API takes its options as configuration.
                var set = java.util.regex.Pattern.compile("SET '([^']+)' = '([^']*)'").matcher(statement);
                if (set.matches()) {
                    tables.getConfig().getConfiguration().setString(set.group(1), set.group(2));
                    continue;
                }
                try {
                    last = tables.executeSql(statement);
                } catch (RuntimeException e) {
                    throw new AssertionError("Flink refuses\n" + statement + "\n" + e.getMessage(), e);
                }
            }
            last.await();
        } finally {
            System.setOut(before);
        }
        return new Outputs(sorted(printed.toString().lines().filter(l -> l.matches("(\\S+> )?[+-][IUD]\\[.*")).toList()), files(out));
    }

    private static List<String> sorted(List<String> lines) {
        List<String> s = new ArrayList<>(lines);
        s.sort(null);
        return s;
    }

    /** Each sink folder's lines, sorted; Eddy's CSV header lines left out, as Flink's csv format writes none. */
    private static TreeMap<String, List<String>> files(Path out) throws IOException {
        TreeMap<String, List<String>> all = new TreeMap<>();
        if (!Files.isDirectory(out)) return all;
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
                List<String> lines = new ArrayList<>();
                for (String line : Files.readAllLines(f)) {
                    // Flink's csv format spells instants its own way (the script's comment says so); Eddy's way, to compare.
                    lines.add(line.replaceAll("\"(\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z)\"", "$1T$2"));
                }
                if (f.toString().endsWith(".csv") && !lines.isEmpty() && lines.get(0).startsWith("room,")) lines.remove(0);
                all.computeIfAbsent(out.relativize(f.getParent()).toString(), k -> new ArrayList<>()).addAll(lines);
            }
        }
        all.replaceAll((k, v) -> sorted(v));
        all.values().removeIf(List::isEmpty);
        return all;
    }
}
