package dev.eddy.flink.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;

/**
 * Random valid pipelines with their input, from a seed: scripted timelines of out-of-order
 * records with watermarks between them (some late, some with NULLs, negative timestamps now and
 * then), through filters and maps, into keyed or non-keyed windows with every assigner, event-time
 * trigger, evictor, lateness and window function, rolling reduces and aggregates, and window and
 * interval joins, keyed process programs with value, list and map state and event-time timers and
 * the nodes written in them (change alert, deduplicate, top-n), in STREAMING or BATCH, each into
 * trace sinks. The same seed gives the same case. Processing time
 * (processing-time windows and triggers, ingestion time, idleness) is left out: on Flink it is the
 * wall clock, so two runs of one case differ; the conformance scenarios cover it with the
 * scripted source's processing time instead. For the same reason no generated state has a
 * time-to-live, which Flink counts in processing time.
 */
public final class CaseGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] KEYS = {"a", "b", "c"};

    private final Random random;
    private ArrayNode nodes;
    private ArrayNode edges;
    private boolean explicitWatermarks;
    /**
     * Two timelines race: which side's watermark reaches a join first depends on thread timing in
     * Flink, and so do the join's watermarks (the differential then compares only its records) and
     * which records are late. So a join's timelines never put a record at or behind their own last
     * watermark: the join's watermark, the minimum of both sides', is then behind every record in
     * any interleaving, nothing is late, and each firing holds the same records.
     */
    private boolean oneInput;
    /** A parallel filter or map between a one-subtask source and a key-by deals records round robin, reordering a key's records. */
    private boolean reorders;

    public CaseGenerator(long seed) { this.random = new Random(seed); }

    /** The next case as pipeline JSON text. */
    public String next(String name) {
        ObjectNode p = JSON.createObjectNode();
        p.put("format", "eddy.pipeline").put("version", 1).put("name", name);
        nodes = p.putArray("nodes");
        edges = p.putArray("edges");
        explicitWatermarks = false;
        reorders = false;
        int shape = random.nextInt(100);
        oneInput = shape < 75;
        boolean batch = false;
        if (shape < 50) window();
        else if (shape < 62) rolling();
        else if (shape < 75) batch = process();
        else if (shape < 88) windowJoin();
        else intervalJoin();
        ObjectNode settings = p.putObject("settings");
        // Several subtasks only where every watermark but the last comes from the end of input, and each
        // key's records keep their order: then what a sink gets does not depend on how channels interleave.
        settings.put("parallelism", explicitWatermarks || reorders ? 1 : new int[] {1, 2, 4}[random.nextInt(3)]);
        if (batch) settings.put("mode", "batch");
        return p.toString();
    }

    private String timeline(String id, String valueField) {
        ObjectNode n = node(id, "source.scripted");
        ObjectNode params = n.putObject("params");
        params.putObject("schema").put("k", "STRING").put(valueField, "BIGINT").put("x", "DOUBLE").put("t", "BIGINT");
        ArrayNode steps = params.putArray("steps");
        long t = new long[] {0, -7_000, 1_000_000}[random.nextInt(3)];
        long maxTs = Long.MIN_VALUE;
        long watermark = Long.MIN_VALUE;
        boolean withWatermarks = random.nextInt(10) < 7;
        int count = 5 + random.nextInt(30);
        for (int i = 0; i < count; i++) {
            t += random.nextInt(1500) - (random.nextInt(4) == 0 ? random.nextInt(4000) : 0);
            if (!oneInput && t <= watermark) t = watermark + 1 + random.nextInt(500);
            maxTs = Math.max(maxTs, t);
            ObjectNode step = steps.addObject();
            ObjectNode record = step.putObject("record");
            record.put("k", KEYS[random.nextInt(KEYS.length)]);
            if (random.nextInt(10) == 0) record.putNull(valueField);
            else record.put(valueField, random.nextInt(10));
            record.put("x", random.nextInt(400) / 4.0);
            record.put("t", t);
            step.put("ts", t);
            if (withWatermarks && random.nextInt(4) == 0) {
                long w = maxTs - random.nextInt(2500);
                if (w > watermark) {
                    watermark = w;
                    steps.addObject().put("watermark", w);
                    explicitWatermarks = true;
                }
            }
        }
        return id;
    }

    /**
     * A scripted source, perhaps re-timed by a watermarks node or by a strategy of its own (punctuated
     * only with one input), perhaps filtered or mapped.
     */
    private String input(String id, String valueField) {
        String at = timeline(id, valueField);
        int timing = random.nextInt(10);
        if (timing < 4) {
            ObjectNode w;
            if (timing < 3) {
                w = node(id + "Time", "watermarks").putObject("params");
                at = connect(at, id + "Time");
            } else {
                w = (ObjectNode) nodes.get(nodes.size() - 1).get("params");
            }
            String param = timing < 3 ? "strategy" : "watermarks";
            w.put("timestamp", "t");
            String[] strategies = oneInput ? new String[] {"punctuated", "monotonous", "bounded-out-of-orderness", "none"}
                    : new String[] {"monotonous", "bounded-out-of-orderness", "none"};
            String strategy = strategies[random.nextInt(strategies.length)];
            w.put(param, strategy);
            if (strategy.equals("punctuated")) {
                w.put("when", valueField + " > 6");
                explicitWatermarks = true;
            }
            if (strategy.equals("bounded-out-of-orderness")) w.put("maxOutOfOrderness", random.nextInt(3000) + "ms");
        }
        if (random.nextInt(10) < 2) {
            node(id + "Kept", "filter").putObject("params").put("condition", valueField + " IS NULL OR " + valueField + " <> 3");
            at = connect(at, id + "Kept");
            reorders = true;
        }
        if (random.nextInt(10) < 2) {
            ObjectNode fields = node(id + "Mapped", "map").putObject("params").putObject("fields");
            fields.put("k", "k").put(valueField, valueField).put("x", "x * 2").put("t", "t");
            at = connect(at, id + "Mapped");
            reorders = true;
        }
        return at;
    }

    private void window() {
        String at = input("in", "v");
        boolean keyed = random.nextInt(10) < 7;
        if (keyed) {
            node("byKey", "key-by").putObject("params").putArray("key").add("k");
            at = connect(at, "byKey");
        }
        ObjectNode w = node("window", "window").putObject("params");
        String assigner = new String[] {"tumbling", "sliding", "session", "count", "global"}[random.nextInt(5)];
        w.put("assigner", assigner);
        long unit = 1000;
        switch (assigner) {
            case "tumbling" -> {
                long size = (1 + random.nextInt(5)) * unit;
                w.put("size", size + "ms");
                if (random.nextInt(4) == 0) w.put("offset", random.nextInt((int) size) + "ms");
            }
            case "sliding" -> {
                long slide = (1 + random.nextInt(3)) * unit / (random.nextBoolean() ? 1 : 2);
                w.put("size", slide * (1 + random.nextInt(3)) + random.nextInt(2) * 250 + "ms").put("slide", slide + "ms");
            }
            case "session" -> {
                if (random.nextInt(4) == 0) w.put("dynamicGap", "COALESCE(v, 1) * 300 + 200");
                else w.put("gap", (500 + random.nextInt(2500)) + "ms");
            }
            case "count" -> {
                w.put("count", 1 + random.nextInt(4));
                if (random.nextBoolean()) w.put("countSlide", 1 + random.nextInt(3));
            }
            default -> {
                w.put("trigger", random.nextBoolean() ? "count" : "end-of-stream");
                w.put("triggerCount", 1 + random.nextInt(4));
            }
        }
        if (!assigner.equals("count") && !assigner.equals("global")) trigger(w, assigner.equals("session"));
        if (!assigner.equals("count")) evictor(w);
        if (random.nextInt(10) < 4) w.put("allowedLateness", random.nextInt(3000) + "ms");
        int function = random.nextInt(10);
        if (function < 6) {
            ObjectNode a = w.putObject("aggregates");
            a.put("n", "COUNT(*)");
            String[] calls = {"SUM(v)", "MIN(v)", "MAX(x)", "AVG(x)", "FIRST(v)", "LAST(x)", "COUNT(v)"};
            for (int i = 0; i < 1 + random.nextInt(3); i++) a.put("a" + i, calls[random.nextInt(calls.length)]);
        } else if (function < 8) {
            ObjectNode c = w.put("function", "reduce").putObject("combine");
            c.put("v", new String[] {"sum", "min", "max", "first", "last"}[random.nextInt(5)]);
            if (random.nextBoolean()) c.put("x", new String[] {"sum", "min", "last"}[random.nextInt(3)]);
        } else {
            w.put("function", "elements");
            if (random.nextBoolean()) {
                w.put("orderBy", "x").put("descending", random.nextBoolean());
                if (random.nextBoolean()) w.put("limit", 1 + random.nextInt(3));
            }
        }
        connect(at, "window");
        sink("results", "window", "out");
        if (random.nextBoolean()) sink("tooLate", "window", "late");
    }

    private void trigger(ObjectNode w, boolean session) {
        int r = random.nextInt(10);
        if (r < 4) {
            // the assigner's own
        } else if (r < 6) {
            w.put("trigger", "count").put("triggerCount", 1 + random.nextInt(4));
        } else if (r < 8) {
            w.put("trigger", "continuous-event-time").put("triggerInterval", (1 + random.nextInt(3)) * 500 + "ms");
        } else if (!session) {
            w.put("trigger", "delta").put("deltaOf", "x").put("deltaThreshold", random.nextInt(60));
            if (random.nextBoolean()) w.put("deltaAbsolute", true);
        }
        if (random.nextInt(10) < 3) w.put("purging", true);
    }

    private void evictor(ObjectNode w) {
        int r = random.nextInt(10);
        if (r < 6) return;
        if (r < 8) w.put("evictor", "count").put("evictorCount", 1 + random.nextInt(3));
        else if (r < 9) w.put("evictor", "time").put("evictorTime", random.nextInt(2000) + "ms");
        else w.put("evictor", "delta").put("deltaOf", "x").put("evictorDelta", random.nextInt(50));
        if (random.nextBoolean()) w.put("evictAfter", true);
    }

    private void rolling() {
        String at = input("in", "v");
        node("byKey", "key-by").putObject("params").putArray("key").add("k");
        at = connect(at, "byKey");
        if (random.nextBoolean()) {
            ObjectNode c = node("rolling", "reduce").putObject("params").putObject("combine");
            c.put("v", new String[] {"sum", "min", "max", "first", "last"}[random.nextInt(5)]);
            if (random.nextBoolean()) c.put("x", new String[] {"sum", "max", "last"}[random.nextInt(3)]);
        } else {
            ObjectNode a = node("rolling", "aggregate").putObject("params").putObject("aggregates");
            a.put("n", "COUNT(*)").put("total", "SUM(v)").put("mean", "AVG(x)");
        }
        connect(at, "rolling");
        sink("results", "rolling", "out");
    }

    /** A keyed process node, in BATCH now and then; returns whether the case runs in BATCH. */
    private boolean process() {
        String at = input("in", "v");
        node("byKey", "key-by").putObject("params").putArray("key").add("k");
        at = connect(at, "byKey");
        int kind = random.nextInt(10);
        String side = null;
        if (kind < 2) {
            node("proc", "change-alert").putObject("params").put("value", "x").put("threshold", random.nextInt(60))
                    .put("within", (500 + random.nextInt(3000)) + "ms");
        } else if (kind < 4) {
            node("proc", "deduplicate").putObject("params").put("within", (500 + random.nextInt(3000)) + "ms").put("time", "event");
            side = "duplicates";
        } else if (kind < 5) {
            node("proc", "top-n").putObject("params").put("value", "x").put("n", 1 + random.nextInt(3));
        } else {
            ArrayNode lines = node("proc", "process").putObject("params").putArray("program");
            for (String line : program()) lines.add(line);
            side = "side";
        }
        connect(at, "proc");
        sink("results", "proc", "out");
        if (side != null && random.nextBoolean()) sink("other", "proc", side);
        return random.nextInt(4) == 0;
    }

    /** A program over k, v, x, t: counts and sums in value state, a list, a map, timers set and deleted. */
    private java.util.List<String> program() {
        java.util.List<String> l = new java.util.ArrayList<>();
        boolean list = random.nextBoolean();
        boolean map = random.nextBoolean();
        boolean timers = random.nextInt(10) < 7;
        l.add("state n BIGINT;");
        l.add("state total BIGINT;");
        if (list) l.add("state seen LIST<BIGINT>;");
        if (map) l.add("state buckets MAP<BIGINT, BIGINT>;");
        String size = list ? "CARDINALITY(seen)" : "0";
        String emit = "emit k, n, total, " + size + " AS size, " + (map ? "CARDINALITY(ks)" : "0") + " AS buckets, ";
        l.add("on record {");
        l.add("  n = COALESCE(n, 0) + 1;");
        l.add("  total = COALESCE(total, 0) + COALESCE(v, 0);");
        if (list) l.add("  if v IS NOT NULL { seen.add(v); }");
        if (map) {
            l.add("  let c = buckets.get(COALESCE(v, 0) % 3);");
            l.add("  buckets.put(COALESCE(v, 0) % 3, COALESCE(c, 0) + 1);");
            l.add("  let ks = buckets.keys();");
        }
        int delay = random.nextInt(3000) - 500;
        if (timers) {
            l.add("  register event timer TIMESTAMP_ADD(record_time, " + delay + ");");
            if (random.nextBoolean()) l.add("  if v = 0 { delete event timer TIMESTAMP_ADD(record_time, " + delay + "); }");
        }
        l.add("  if v > " + random.nextInt(10) + " { emit to side k, v, x, n; }");
        l.add("  " + emit + "'record' AS what;");
        l.add("}");
        if (timers) {
            l.add("on timer {");
            if (map) l.add("  let ks = buckets.keys();");
            l.add("  " + emit + "'timer ' || CAST(EPOCH_MILLIS(timer_time) AS STRING) AS what;");
            if (random.nextBoolean()) l.add("  clear n;");
            if (list && random.nextBoolean()) l.add("  clear seen;");
            if (map && random.nextBoolean()) l.add("  clear buckets;");
            l.add("}");
        }
        return l;
    }

    private void keyedPair() {
        String left = input("left", "v");
        String right = input("right", "w");
        node("leftByKey", "key-by").putObject("params").putArray("key").add("k");
        node("rightByKey", "key-by").putObject("params").putArray("key").add("k");
        connect(left, "leftByKey");
        connect(right, "rightByKey");
    }

    private void windowJoin() {
        keyedPair();
        ObjectNode j = node("join", "window-join").putObject("params");
        String assigner = new String[] {"tumbling", "sliding", "session"}[random.nextInt(3)];
        j.put("assigner", assigner);
        switch (assigner) {
            case "tumbling" -> j.put("size", (1 + random.nextInt(4)) * 1000 + "ms");
            case "sliding" -> j.put("size", "3s").put("slide", (1 + random.nextInt(3)) * 1000 + "ms");
            default -> j.put("gap", (500 + random.nextInt(2000)) + "ms");
        }
        edge("leftByKey", "out", "join", "left");
        edge("rightByKey", "out", "join", "right");
        sink("results", "join", "out");
    }

    private void intervalJoin() {
        keyedPair();
        ObjectNode j = node("join", "interval-join").putObject("params");
        j.put("lowerBound", -random.nextInt(2500) + "ms").put("upperBound", random.nextInt(2500) + "ms");
        if (random.nextInt(4) == 0) j.put("lowerBoundExclusive", true);
        if (random.nextInt(4) == 0) j.put("upperBoundExclusive", true);
        edge("leftByKey", "out", "join", "left");
        edge("rightByKey", "out", "join", "right");
        sink("results", "join", "out");
        if (random.nextBoolean()) sink("leftLate", "join", "leftLate");
        if (random.nextBoolean()) sink("rightLate", "join", "rightLate");
    }

    private ObjectNode node(String id, String type) {
        ObjectNode n = nodes.addObject();
        n.put("id", id).put("type", type);
        return n;
    }

    private void sink(String id, String from, String port) {
        node(id, "sink.trace").putObject("params").put("path", id + ".jsonl");
        edge(from, port, id, "in");
    }

    private String connect(String from, String to) {
        edge(from, "out", to, "in");
        return to;
    }

    private void edge(String from, String fromPort, String to, String toPort) {
        ObjectNode e = edges.addObject();
        e.put("from", from).put("port", fromPort).put("to", to).put("toPort", toPort);
    }
}
