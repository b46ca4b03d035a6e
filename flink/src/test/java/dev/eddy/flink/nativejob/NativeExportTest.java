package dev.eddy.flink.nativejob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.model.Pipeline;
import dev.eddy.model.PipelineReader;
import dev.eddy.run.PipelineRunner;
import dev.eddy.run.RunOptions;
import dev.eddy.validate.InvalidPipelineException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample exported as native Flink code: its project compiles with nothing of Eddy on the
 * class path but the two helpers it carries in source, its job runs in a Flink MiniCluster, and
 * what its sinks print and write equals what Eddy's run of the same pipeline prints and writes
 * (without the injected failures, which are not part of a Flink job). A sample with a node the
 * export cannot write yet is refused, naming the node and why.
 */
class NativeExportTest {
    @TempDir
    Path work;

    /** Every pipeline file of the samples: folder/name. */
    static Stream<String> pipelines() throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("../samples"))) {
            // The lessons' timelines move a scripted clock, which Flink's wall clock cannot (the bridge refuses them).
            for (Path d : dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().equals("lessons")).sorted().toList()) {
                try (Stream<Path> files = Files.list(d)) {
                    files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(f -> all.add(d.getFileName() + "/" + f.getFileName()));
                }
            }
        }
        return all.stream();
    }

    /** The samples whose every node the export writes natively: all but time-notions (ingestion time, not written yet). */
    private static final List<String> NATIVE = List.of("basic-operations/basic-operations.json", "word-count/word-count.json",
            "failure-and-recovery/failure-and-recovery.json", "delivery-guarantees/at-least-once.json",
            "delivery-guarantees/at-most-once.json", "delivery-guarantees/exactly-once.json",
            "late-sensor-readings/late-sensor-readings.json", "sliding-and-count-windows/sliding-and-count-windows.json",
            "payments-per-province/payments-per-province.json", "orders-and-shipments/orders-and-shipments.json",
            "temperature-alert/temperature-alert.json", "duplicate-payments/duplicate-payments.json", "click-sessions/click-sessions.json",
            "window-functions/window-functions.json");

    @ParameterizedTest
    @MethodSource("pipelines")
    void aSampleRunsAsNativeFlinkCodeWithEddysOutputOrIsRefusedWithTheReason(String sample) throws Exception {
        Path file = Path.of("../samples", sample).toAbsolutePath().normalize();
        // Periodic watermarks follow the clock, which differs between runs: both engines watermark at the end only.
        Pipeline pipeline = PipelineReader.read(file);
        pipeline = pipeline.withSettings(pipeline.settings().withAutoWatermarkInterval(0L));
        Path project = work.resolve("project");
        NativeProject.Written written;
        try {
            written = NativeProject.write(pipeline, file.getParent(), project, false);
        } catch (InvalidPipelineException e) {
            assertFalse(NATIVE.contains(sample), sample + " should export: " + e.getMessage());
            assertTrue(e.problems().stream().allMatch(p -> p.message().contains("cannot be written as native Flink code: ")), e.getMessage());
            return;
        }
        assertTrue(NATIVE.contains(sample), sample + " now exports natively: add it to NATIVE");
        String pom = Files.readString(project.resolve("pom.xml"));
        assertFalse(pom.contains("dev.eddy"), "the project depends on Apache Flink only:\n" + pom);
        try (Stream<Path> sources = Files.walk(project.resolve("src"))) {
            for (Path s : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                assertFalse(Files.readString(s).contains("dev.eddy"), s + " refers to Eddy");
            }
        }
        Outputs eddy = eddy(pipeline, file.getParent(), work.resolve("eddy"));
        Outputs flink = flink(written, project, work.resolve("flink"));
        assertEquals(eddy.printed(), flink.printed(), sample + ": printed\n" + Files.readString(written.source()));
        assertEquals(eddy.files(), flink.files(), sample + ": files\n" + Files.readString(written.source()));
        assertTrue(!eddy.printed().isEmpty() || !eddy.files().isEmpty(), "the sample has output to compare");
    }

    /** What a run printed (sorted: subtasks interleave) and wrote, per sink folder (each folder's lines sorted, CSV headers apart). */
    record Outputs(List<String> printed, TreeMap<String, List<String>> files) {}

    private static Outputs eddy(Pipeline pipeline, Path dir, Path out) throws Exception {
        var s = pipeline.settings();
        Pipeline p = dev.eddy.flink.translate.FlinkTranslator.withoutScriptedFaults(pipeline)
                .withSettings(s.withFaultTolerance(s.checkpointInterval(), s.restartAttempts(), s.restartDelay(), null, s.deliveryGuarantee())
                        .withRandomFailures(null));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        var result = PipelineRunner.standard().prepare(p, dir, RunOptions.defaults().withOutputDir(out)
                .withStdout(new PrintStream(printed, true))).run();
        assertTrue(result.succeeded(), result.failure());
        return new Outputs(sorted(printed.toString().lines().toList()), files(out));
    }

    private static Outputs flink(NativeProject.Written written, Path project, Path out) throws Exception {
        ClassLoader loader = Compiled.compile(project.resolve("src/main/java"), project.resolve("classes"));
        return run(loader, project.resolve("classes"), written.mainClass(), project.resolve("data"), out);
    }

    /** Runs the job's build(env, data, output) in a MiniCluster with {@code classes} (a folder or the job jar) on the job's class path. */
    private static Outputs run(ClassLoader loader, Path classes, String mainClass, Path data, Path out) throws Exception {
        Class<?> job = loader.loadClass(mainClass);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream before = System.out;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try {
            System.setOut(new PrintStream(printed, true));
            Thread.currentThread().setContextClassLoader(loader);
            // The job's classes reach the MiniCluster's tasks as a flink run's jar would: on the job's class path.
            var conf = new org.apache.flink.configuration.Configuration();
            conf.set(org.apache.flink.configuration.PipelineOptions.CLASSPATHS, List.of(classes.toUri().toURL().toString()));
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
            job.getMethod("build", StreamExecutionEnvironment.class, String.class, String.class)
                    .invoke(null, env, data.toString(), out.toString());
            // The file sinks commit at the checkpoint after the end of the input: take it soon rather than in 10 s.
            env.getCheckpointConfig().setCheckpointInterval(100);
            env.execute();
        } finally {
            System.setOut(before);
            Thread.currentThread().setContextClassLoader(context);
        }
        return new Outputs(sorted(printed.toString().lines().filter(l -> l.contains("> ") || !l.isBlank()).toList()), files(out));
    }

    private static List<String> sorted(List<String> lines) {
        List<String> s = new ArrayList<>(lines);
        s.sort(null);
        return s;
    }

    /** Each sink folder's committed part files (hidden in-progress ones are not output), as sorted lines; a CSV header once. */
    private static TreeMap<String, List<String>> files(Path out) throws IOException {
        TreeMap<String, List<String>> all = new TreeMap<>();
        if (!Files.isDirectory(out)) return all;
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
                String folder = out.relativize(f.getParent()).toString();
                List<String> lines = new ArrayList<>(Files.readAllLines(f));
                List<String> kept = all.computeIfAbsent(folder, k -> new ArrayList<>());
                if (f.toString().endsWith(".csv") && !lines.isEmpty()) {
                    String header = lines.remove(0);
                    if (!kept.contains("header: " + header)) kept.add("header: " + header);
                }
                kept.addAll(lines);
            }
        }
        all.replaceAll((k, v) -> sorted(v));
        // A sink that received nothing: Eddy leaves an empty part file, Flink's FileSink none.
        all.values().removeIf(List::isEmpty);
        return all;
    }

    /** What the samples do not show: composite keys, non-keyed and session windows, an interval join, a union, text and CSV without header. */
    @Test
    void keysOfSeveralColumnsAllWindowsSessionsElementsAndAnIntervalJoinGiveEddysOutput() throws Exception {
        String orders = "{\"id\": %d, \"customer\": \"%s\", \"region\": \"%s\", \"amount\": %s, \"at\": \"2024-01-01T00:00:%02dZ\"}";
        List<String> rows = new ArrayList<>();
        String[] customers = {"ann", "bo", "cy"};
        for (int i = 0; i < 12; i++) {
            rows.add(orders.formatted(i, customers[i % 3], i % 4 < 2 ? "north" : "south", i % 5 == 0 ? "null" : (i * 7.5) + "", i * 2 + (i % 3)));
        }
        String json = """
                {"format": "eddy.pipeline", "version": 1, "name": "Kitchen sink", "settings": {"autoWatermarkInterval": "0ms"},
                 "nodes": [
                   {"id": "orders", "type": "source.rows", "params": {"schema": {"id": "BIGINT", "customer": "STRING", "region": "STRING",
                      "amount": "DOUBLE", "at": "TIMESTAMP"}, "rows": [%s]}},
                   {"id": "shipments", "type": "source.rows", "params": {"schema": {"orderId": "BIGINT", "at": "TIMESTAMP"},
                      "rows": [{"orderId": 1, "at": "2024-01-01T00:00:05Z"}, {"orderId": 4, "at": "2024-01-01T00:00:09Z"},
                               {"orderId": 7, "at": "2024-01-01T00:00:30Z"}, {"orderId": 9, "at": "2024-01-01T00:00:21Z"}]}},
                   {"id": "orderTime", "type": "watermarks", "params": {"timestamp": "at", "maxOutOfOrderness": "2s"}},
                   {"id": "shipTime", "type": "watermarks", "params": {"timestamp": "at", "strategy": "monotonous"}},
                   {"id": "byCustomerRegion", "type": "key-by", "params": {"key": ["customer", "UPPER(region)"]}},
                   {"id": "running", "type": "aggregate", "params": {"aggregates": {"n": "COUNT(*)", "total": "SUM(amount)", "firstId": "FIRST(id)",
                      "priced": "COUNT(amount)"}}},
                   {"id": "runningOut", "type": "sink.print", "params": {"format": "row", "identifier": "running"}},
                   {"id": "everything", "type": "window", "params": {"assigner": "sliding", "size": "10s", "slide": "5s", "offset": "1s",
                      "aggregates": {"n": "COUNT(*)", "avg": "AVG(amount)", "most": "MAX(amount)", "least": "MIN(customer)"}}},
                   {"id": "allOut", "type": "sink.file", "params": {"path": "all", "format": "csv", "header": false}},
                   {"id": "byCustomer", "type": "key-by", "params": {"key": "customer"}},
                   {"id": "visits", "type": "window", "params": {"assigner": "session", "gap": "3s",
                      "aggregates": {"n": "COUNT(*)", "lastRegion": "LAST(region)", "spent": "SUM(amount)"}}},
                   {"id": "visitsOut", "type": "sink.file", "params": {"path": "visits"}},
                   {"id": "ordersById", "type": "key-by", "params": {"key": "id"}},
                   {"id": "shipmentsById", "type": "key-by", "params": {"key": "orderId"}},
                   {"id": "shipped", "type": "interval-join", "params": {"lowerBound": "-1s", "upperBound": "20s", "upperBoundExclusive": true}},
                   {"id": "label", "type": "map", "params": {"fields": {"what": "CAST(id AS STRING) || '-' || customer",
                      "size": "CASE WHEN amount > 50 THEN 'big' WHEN amount IS NULL THEN NULL ELSE 'small' END", "late": "right_at > at"}}},
                   {"id": "shippedOut", "type": "sink.file", "params": {"path": "shipped", "format": "text"}},
                   {"id": "small", "type": "filter", "params": {"condition": "amount < 40"}},
                   {"id": "big", "type": "filter", "params": {"condition": "NOT (amount < 40)"}},
                   {"id": "both", "type": "union"},
                   {"id": "bothOut", "type": "sink.print"},
                   {"id": "byRegion", "type": "key-by", "params": {"key": "UPPER(region)"}},
                   {"id": "cheapest", "type": "window", "params": {"assigner": "tumbling", "size": "10s", "function": "elements",
                      "orderBy": "amount", "descending": false, "limit": 2}},
                   {"id": "cheapestOut", "type": "sink.file", "params": {"path": "cheapest"}},
                   {"id": "allOrders", "type": "window", "params": {"assigner": "tumbling", "size": "20s", "function": "elements"}},
                   {"id": "allOrdersOut", "type": "sink.file", "params": {"path": "allOrders"}}],
                 "edges": [{"from": "orders", "to": "orderTime"}, {"from": "shipments", "to": "shipTime"},
                   {"from": "orderTime", "to": "byCustomerRegion"}, {"from": "byCustomerRegion", "to": "running"},
                   {"from": "running", "to": "runningOut"}, {"from": "orderTime", "to": "everything"}, {"from": "everything", "to": "allOut"},
                   {"from": "orderTime", "to": "byCustomer"}, {"from": "byCustomer", "to": "visits"}, {"from": "visits", "to": "visitsOut"},
                   {"from": "orderTime", "to": "ordersById"}, {"from": "shipTime", "to": "shipmentsById"},
                   {"from": "ordersById", "to": "shipped", "toPort": "left"}, {"from": "shipmentsById", "to": "shipped", "toPort": "right"},
                   {"from": "shipped", "to": "label"}, {"from": "label", "to": "shippedOut"},
                   {"from": "orderTime", "to": "small"}, {"from": "orderTime", "to": "big"}, {"from": "small", "to": "both"},
                   {"from": "big", "to": "both"}, {"from": "both", "to": "bothOut"},
                   {"from": "orderTime", "to": "byRegion"}, {"from": "byRegion", "to": "cheapest"}, {"from": "cheapest", "to": "cheapestOut"},
                   {"from": "orderTime", "to": "allOrders"}, {"from": "allOrders", "to": "allOrdersOut"}]}
                """.formatted(String.join(", ", rows));
        Pipeline pipeline = dev.eddy.model.PipelineReader.read(json, "kitchen-sink.json");
        Path project = work.resolve("kitchen");
        NativeProject.Written written = NativeProject.write(pipeline, work, project, false);
        String code = Files.readString(written.source());
        assertTrue(code.contains(".keyBy(r -> Tuple2.of(r.customer(), SqlFunctions.upper(r.region())), Types.TUPLE(Types.STRING, Types.STRING))"), code);
        assertTrue(code.contains(".intervalJoin(shipmentsById)"), code);
        Outputs eddy = eddy(pipeline, work, work.resolve("eddy"));
        Outputs flink = flink(written, project, work.resolve("flink"));
        assertEquals(eddy.printed(), flink.printed(), code);
        assertEquals(eddy.files(), flink.files(), code);
        assertEquals(List.of("all", "allOrders", "cheapest", "shipped", "visits"), List.copyOf(eddy.files().keySet()));
        assertTrue(eddy.printed().size() > 15, eddy.printed().toString());
    }

    /** A process program with every kind of state and statement: map, list and value state (one with a time-to-live), for, if, emits to two ports, timers. */
    @Test
    void aProcessProgramWithEveryKindOfStateGivesEddysOutput() throws Exception {
        String program = String.join("\n",
                "state counts MAP<STRING, BIGINT>;",
                "state recent LIST<DOUBLE>;",
                "state seen BIGINT ttl 1h;",
                "on record {",
                "  let n = counts.get(page);",
                "  counts.put(page, COALESCE(n, 0) + 1);",
                "  recent.add(amount);",
                "  let total = 0.0;",
                "  for x in recent { total = total + x; }",
                "  seen = COALESCE(seen, 0) + 1;",
                "  let home = counts.contains('home');",
                "  if CARDINALITY(recent) > 2 {",
                "    emit user, page, total, seen, home, watermark IS NULL AS early, record_time AS at;",
                "    recent = ARRAY[amount];",
                "  } else {",
                "    emit to side user, COALESCE(n, 0) AS previous, page;",
                "  }",
                "  register event timer TIMESTAMP_ADD(record_time, 1500);",
                "}",
                "on timer {",
                "  let pages = counts.keys();",
                "  emit to side user, CARDINALITY(pages) AS previous, ARRAY_JOIN(pages, '+') AS page;",
                "  counts.remove('home');",
                "}");
        StringBuilder rows = new StringBuilder();
        String[] pages = {"home", "cart", "home", "help", "pay"};
        for (int i = 0; i < 14; i++) {
            rows.append(i == 0 ? "" : ", ").append("{\"user\": \"u%d\", \"page\": \"%s\", \"amount\": %s, \"at\": %d}"
                    .formatted(i % 3, pages[i % 5], i * 1.25, 1_704_067_200_000L + i * 700));
        }
        String json = """
                {"format": "eddy.pipeline", "version": 1, "name": "Program", "settings": {"autoWatermarkInterval": "0ms"},
                 "nodes": [
                   {"id": "clicks", "type": "source.rows", "params": {"schema": {"user": "STRING", "page": "STRING", "amount": "DOUBLE",
                      "at": "BIGINT"}, "rows": [%s]}},
                   {"id": "time", "type": "watermarks", "params": {"timestamp": "at", "maxOutOfOrderness": "1s"}},
                   {"id": "byUser", "type": "key-by", "params": {"key": "user"}},
                   {"id": "logic", "type": "process", "params": {"program": %s}},
                   {"id": "main", "type": "sink.file", "params": {"path": "main"}},
                   {"id": "side", "type": "sink.print", "params": {"identifier": "side"}}],
                 "edges": [{"from": "clicks", "to": "time"}, {"from": "time", "to": "byUser"}, {"from": "byUser", "to": "logic"},
                   {"from": "logic", "to": "main"}, {"from": "logic", "port": "side", "to": "side"}]}
                """.formatted(rows, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(program));
        Pipeline pipeline = dev.eddy.model.PipelineReader.read(json, "program.json");
        Path project = work.resolve("program");
        NativeProject.Written written = NativeProject.write(pipeline, work, project, false);
        String code = Files.readString(project.resolve("src/main/java/eddy/job/LogicProcess.java"));
        assertTrue(code.contains("StateTtlConfig.newBuilder(Duration.ofSeconds(3600))"), code);
        Outputs eddy = eddy(pipeline, work, work.resolve("eddy"));
        Outputs flink = flink(written, project, work.resolve("flink"));
        assertEquals(eddy.printed(), flink.printed(), code);
        assertEquals(eddy.files(), flink.files(), code);
        assertTrue(eddy.printed().size() > 5 && !eddy.files().isEmpty(), eddy.toString());
    }

    /** Flink's own triggers (count, delta, continuous event time, purging), evictors (count, time, delta) and dynamic session gaps. */
    @Test
    void triggersEvictorsAndDynamicGapsGiveEddysOutput() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            rows.append(i == 0 ? "" : ", ").append("{\"sensor\": \"s%d\", \"speed\": %s, \"distance\": %d, \"at\": \"2024-01-01T00:00:%02d.%03dZ\"}"
                    .formatted(i % 2, i % 7 == 3 ? "null" : String.valueOf((i * 37 % 90) + 0.5), i * 13 + (i % 3) * 20, i * 2, (i * 137) % 1000));
        }
        String json = """
                {"format": "eddy.pipeline", "version": 1, "name": "Triggers", "settings": {"autoWatermarkInterval": "0ms"},
                 "nodes": [
                   {"id": "readings", "type": "source.rows", "params": {"schema": {"sensor": "STRING", "speed": "DOUBLE", "distance": "BIGINT",
                      "at": "TIMESTAMP"}, "rows": [%s], "watermarks": "bounded-out-of-orderness", "timestamp": "at", "maxOutOfOrderness": "1s"}},
                   {"id": "bySensor", "type": "key-by", "params": {"key": "sensor"}},
                   {"id": "everyThree", "type": "window", "params": {"size": "10s", "trigger": "count", "triggerCount": 3, "purging": true,
                      "aggregates": {"n": "COUNT(*)", "far": "MAX(distance)"}}},
                   {"id": "everyThreeOut", "type": "sink.print", "params": {"format": "row", "identifier": "three"}},
                   {"id": "jumps", "type": "window", "params": {"assigner": "global", "trigger": "delta", "deltaOf": "distance", "deltaThreshold": 50,
                      "evictor": "time", "evictorTime": "5s", "aggregates": {"n": "COUNT(*)", "total": "SUM(distance)"}}},
                   {"id": "jumpsOut", "type": "sink.print", "params": {"format": "row", "identifier": "jumps"}},
                   {"id": "early", "type": "window", "params": {"size": "10s", "trigger": "continuous-event-time", "triggerInterval": "3s",
                      "evictor": "count", "evictorCount": 2, "aggregates": {"n": "COUNT(*)", "avgSpeed": "AVG(speed)"}}},
                   {"id": "earlyOut", "type": "sink.file", "params": {"path": "early"}},
                   {"id": "trips", "type": "window", "params": {"assigner": "session", "dynamicGap": "CASE WHEN speed > 50 THEN 1500 ELSE 4000 END",
                      "aggregates": {"n": "COUNT(*)", "top": "MAX(speed)"}}},
                   {"id": "tripsOut", "type": "sink.file", "params": {"path": "trips"}},
                   {"id": "calm", "type": "window", "params": {"assigner": "global", "trigger": "count", "triggerCount": 5, "evictor": "delta",
                      "deltaOf": "speed", "deltaAbsolute": true, "evictorDelta": 30, "evictAfter": true, "aggregates": {"n": "COUNT(*)", "least": "MIN(speed)"}}},
                   {"id": "calmOut", "type": "sink.print", "params": {"format": "row", "identifier": "calm"}},
                   {"id": "fours", "type": "window", "params": {"assigner": "global", "trigger": "count", "triggerCount": 4, "purging": true,
                      "aggregates": {"n": "COUNT(*)", "first": "FIRST(sensor)"}}},
                   {"id": "foursOut", "type": "sink.print", "params": {"format": "row", "identifier": "fours"}}],
                 "edges": [{"from": "readings", "to": "bySensor"},
                   {"from": "bySensor", "to": "everyThree"}, {"from": "everyThree", "to": "everyThreeOut"},
                   {"from": "bySensor", "to": "jumps"}, {"from": "jumps", "to": "jumpsOut"},
                   {"from": "bySensor", "to": "early"}, {"from": "early", "to": "earlyOut"},
                   {"from": "bySensor", "to": "trips"}, {"from": "trips", "to": "tripsOut"},
                   {"from": "bySensor", "to": "calm"}, {"from": "calm", "to": "calmOut"},
                   {"from": "readings", "to": "fours"}, {"from": "fours", "to": "foursOut"}]}
                """.replace("[%s]", "[" + rows + "]");
        Pipeline pipeline = dev.eddy.model.PipelineReader.read(json, "triggers.json");
        Path project = work.resolve("triggers");
        NativeProject.Written written = NativeProject.write(pipeline, work, project, false);
        String code = Files.readString(written.source());
        assertTrue(code.contains(".trigger(PurgingTrigger.of(CountTrigger.of(3L)))"), code);
        Outputs eddy = eddy(pipeline, work, work.resolve("eddy"));
        Outputs flink = flink(written, project, work.resolve("flink"));
        assertEquals(eddy.printed(), flink.printed(), code);
        assertEquals(eddy.files(), flink.files(), code);
        assertTrue(eddy.printed().size() > 20 && eddy.files().size() == 2, eddy.toString());
    }

    /** The ready-made nodes written as programs: top-N, change alert and deduplicate in processing time (a time-to-live). */
    @Test
    void theReadyMadeProgramNodesGiveEddysOutput() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            rows.append(i == 0 ? "" : ", ").append("{\"sensor\": \"s%d\", \"temperature\": %s, \"at\": %d}"
                    .formatted(i % 2, (i * 37 % 50) + 0.5, 1_704_067_200_000L + i * 4000));
        }
        String json = """
                {"format": "eddy.pipeline", "version": 1, "name": "Ready made", "settings": {"autoWatermarkInterval": "0ms"},
                 "nodes": [
                   {"id": "readings", "type": "source.rows", "params": {"schema": {"sensor": "STRING", "temperature": "DOUBLE", "at": "BIGINT"},
                      "rows": [%s]}},
                   {"id": "time", "type": "watermarks", "params": {"timestamp": "at", "maxOutOfOrderness": "1s"}},
                   {"id": "bySensor", "type": "key-by", "params": {"key": "sensor"}},
                   {"id": "best", "type": "top-n", "params": {"value": "temperature", "n": 2}},
                   {"id": "jumps", "type": "change-alert", "params": {"value": "temperature", "threshold": 20, "within": "10s"}},
                   {"id": "once", "type": "deduplicate", "params": {"within": "1h", "time": "processing"}},
                   {"id": "bestOut", "type": "sink.print", "params": {"identifier": "best"}},
                   {"id": "jumpsOut", "type": "sink.print", "params": {"identifier": "jumps"}},
                   {"id": "onceOut", "type": "sink.print", "params": {"identifier": "once"}}],
                 "edges": [{"from": "readings", "to": "time"}, {"from": "time", "to": "bySensor"}, {"from": "bySensor", "to": "best"},
                   {"from": "bySensor", "to": "jumps"}, {"from": "bySensor", "to": "once"}, {"from": "best", "to": "bestOut"},
                   {"from": "jumps", "to": "jumpsOut"}, {"from": "once", "to": "onceOut"}]}
                """.formatted(rows);
        Pipeline pipeline = dev.eddy.model.PipelineReader.read(json, "ready-made.json");
        Path project = work.resolve("ready");
        NativeProject.Written written = NativeProject.write(pipeline, work, project, false);
        Outputs eddy = eddy(pipeline, work, work.resolve("eddy"));
        Outputs flink = flink(written, project, work.resolve("flink"));
        assertEquals(eddy.printed(), flink.printed(), Files.readString(written.source()));
        for (String sink : List.of("best> ", "jumps> ", "once> ")) {
            assertTrue(eddy.printed().stream().anyMatch(l -> l.startsWith(sink)), sink + " printed something: " + eddy.printed());
        }
    }

    /** The test of the project itself: plain Maven builds it, and its jar, which holds nothing of Eddy, runs the job. */
    @Test
    void theExportedProjectBuildsWithMavenAndItsJarRunsTheJob() throws Exception {
        Path file = Path.of("../samples/word-count/word-count.json").toAbsolutePath().normalize();
        Pipeline pipeline = PipelineReader.read(file);
        Path project = work.resolve("word-count");
        NativeProject.Written written = NativeProject.write(pipeline, file.getParent(), project);
        Process mvn = new ProcessBuilder(Path.of("../mvnw").toAbsolutePath().normalize().toString(), "-B", "-q", "-f",
                project.resolve("pom.xml").toString(), "package").redirectErrorStream(true).start();
        String log = new String(mvn.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(mvn.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), log);
        assertEquals(0, mvn.exitValue(), log);
        Path jar = project.resolve("target/" + written.jarName());
        try (var zip = new java.util.jar.JarFile(jar.toFile())) {
            assertEquals(written.mainClass(), zip.getManifest().getMainAttributes().getValue("Main-Class"));
            assertTrue(zip.stream().noneMatch(e -> e.getName().startsWith("dev/eddy")), "nothing of Eddy in the job jar");
        }
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            assertEquals(eddy(pipeline, file.getParent(), work.resolve("eddy")),
                    run(loader, jar, written.mainClass(), project.resolve("data"), work.resolve("flink")));
        }
    }

    @Test
    void aNodeThatCannotBeWrittenNativelyIsNamedWithTheReason() throws Exception {
        String json = """
                {"format": "eddy.pipeline", "version": 1, "nodes": [
                   {"id": "words", "type": "source.sentences", "params": {"count": 5}},
                   {"id": "out", "type": "sink.print"}],
                 "edges": [{"from": "words", "to": "out"}]}
                """;
        InvalidPipelineException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidPipelineException.class,
                () -> NativeProject.write(PipelineReader.read(json, "sentences.json"), work, work.resolve("p")));
        assertEquals(List.of("\"words\" (source.sentences) cannot be written as native Flink code: this source has no native translation"
                + " yet (rows, files, sequences, sensors, payments and clicks do); `./eddy run --on flink` runs it through Eddy's reader"),
                e.problems().stream().map(dev.eddy.validate.Problem::message).toList());
    }
}
