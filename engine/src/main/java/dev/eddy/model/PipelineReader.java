package dev.eddy.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.validate.InvalidPipelineException;
import dev.eddy.validate.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the structure of a pipeline file: format, version, settings, nodes, edges, layout, lesson.
 * It checks the shape of the document (every problem at once, each with its JSON path) but not
 * what node types and parameters mean; that is {@link dev.eddy.validate.PipelineValidator}'s job,
 * because it needs the catalog. Nothing in a file is ever executed while reading it.
 */
public final class PipelineReader {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Set<String> TOP = Set.of("format", "version", "name", "description", "settings", "nodes", "edges", "layout", "lesson");
    private static final Set<String> SETTINGS = Set.of("parallelism", "maxParallelism", "mode", "seed",
            "autoWatermarkInterval", "startTime", "checkpointInterval", "restartAttempts", "restartDelay", "failAfterRecords", "deliveryGuarantee", "unalignedCheckpoints", "randomFailures");
    private static final Set<String> NODE = Set.of("id", "type", "params", "parallelism");
    private static final Set<String> EDGE = Set.of("from", "port", "to", "toPort");

    private final List<Problem> problems = new ArrayList<>();

    private PipelineReader() {}

    public static Pipeline read(Path file) throws InvalidPipelineException, IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        return read(text, file.toString());
    }

    public static Pipeline read(String json, String source) throws InvalidPipelineException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
            throw new InvalidPipelineException(source, List.of(Problem.error("", null,
                    where + "not valid JSON (" + e.getOriginalMessage() + ")")));
        }
        PipelineReader r = new PipelineReader();
        Pipeline p = r.pipeline(root);
        if (!r.problems.isEmpty()) throw new InvalidPipelineException(source, r.problems);
        return p;
    }

    private Pipeline pipeline(JsonNode root) {
        if (root == null || !root.isObject()) {
            problems.add(Problem.error("", null, "a pipeline file is a JSON object with \"format\": \"" + Pipeline.FORMAT + "\""));
            return null;
        }
        unknownFields(root, TOP, "", "top-level field");
        JsonNode format = root.get("format");
        if (format == null || !Pipeline.FORMAT.equals(format.asText())) {
            problems.add(Problem.error("format", null, "expected \"" + Pipeline.FORMAT + "\"" + (format == null ? " (the field is missing)" : " but found " + format)));
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isInt()) {
            problems.add(Problem.error("version", null, "expected the format version, " + Pipeline.VERSION));
        } else if (version.intValue() != Pipeline.VERSION) {
            problems.add(Problem.error("version", null, "this Eddy reads version " + Pipeline.VERSION + " files but the file is version " + version.intValue()));
        }
        String name = text(root, "name", "name", false);
        String description = text(root, "description", "description", false);
        Settings settings = settings(root.get("settings"));
        List<Node> nodes = nodes(root.get("nodes"));
        List<Edge> edges = edges(root.get("edges"));
        Map<String, Position> layout = layout(root.get("layout"));
        Lesson lesson = LessonJson.read(root.get("lesson"), problems);
        return new Pipeline(name, description, settings, nodes, edges, layout, lesson);
    }

    private Settings settings(JsonNode s) {
        if (s == null) return Settings.DEFAULTS;
        if (!s.isObject()) {
            problems.add(Problem.error("settings", null, "expected an object such as {\"parallelism\": 2}"));
            return Settings.DEFAULTS;
        }
        unknownFields(s, SETTINGS, "settings.", "setting");
        Integer p = positiveInt(s, "parallelism", "settings.parallelism");
        Integer maxP = positiveInt(s, "maxParallelism", "settings.maxParallelism");
        if (maxP != null && maxP > 32768) {
            problems.add(Problem.error("settings.maxParallelism", null, "at most 32768 (Flink's upper bound for key groups), but found " + maxP));
        }
        if (p != null && maxP != null && p > maxP) {
            problems.add(Problem.error("settings.parallelism", null, "parallelism " + p + " is greater than maxParallelism " + maxP));
        }
        RuntimeMode mode = null;
        JsonNode m = s.get("mode");
        if (m != null) {
            try {
                mode = RuntimeMode.valueOf(m.asText().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.error("settings.mode", null, "expected \"streaming\" or \"batch\" but found " + m));
            }
        }
        Long seed = null;
        JsonNode sd = s.get("seed");
        if (sd != null) {
            if (sd.isIntegralNumber() && sd.canConvertToLong()) seed = sd.longValue();
            else problems.add(Problem.error("settings.seed", null, "expected a whole number but found " + sd));
        }
        Long interval = duration(s, "autoWatermarkInterval", "200ms");
        Long checkpoints = duration(s, "checkpointInterval", "5s");
        if (checkpoints != null && checkpoints <= 0) {
            problems.add(Problem.error("settings.checkpointInterval", null, "must be longer than 0ms (leave it out for no checkpoints)"));
        }
        Integer attempts = null;
        JsonNode ra = s.get("restartAttempts");
        if (ra != null) {
            if (ra.isIntegralNumber() && ra.intValue() >= 0) attempts = ra.intValue();
            else problems.add(Problem.error("settings.restartAttempts", null, "expected a whole number of 0 or more but found " + ra));
        }
        Long delay = duration(s, "restartDelay", "1s");
        Long failAfter = null;
        JsonNode fa = s.get("failAfterRecords");
        if (fa != null) {
            if (fa.isIntegralNumber() && fa.longValue() > 0) failAfter = fa.longValue();
            else problems.add(Problem.error("settings.failAfterRecords", null, "expected a whole number of records, 1 or more, but found " + fa));
        }
        DeliveryGuarantee guarantee = null;
        JsonNode dg = s.get("deliveryGuarantee");
        if (dg != null) {
            guarantee = dg.isTextual() ? DeliveryGuarantee.parse(dg.asText()) : null;
            if (guarantee == null) {
                problems.add(Problem.error("settings.deliveryGuarantee", null,
                        "expected \"at-most-once\", \"at-least-once\" or \"exactly-once\" but found " + dg));
            }
        }
        Boolean unaligned = null;
        JsonNode ua = s.get("unalignedCheckpoints");
        if (ua != null) {
            if (ua.isBoolean()) unaligned = ua.booleanValue();
            else problems.add(Problem.error("settings.unalignedCheckpoints", null, "expected true or false but found " + ua));
        }
        Long start = null;
        JsonNode st = s.get("startTime");
        if (st != null) {
            try {
                start = st.isIntegralNumber() ? st.longValue() : dev.eddy.types.RowJson.parseInstant(st.asText()).toEpochMilli();
            } catch (RuntimeException e) {
                problems.add(Problem.error("settings.startTime", null, st + " is not an instant such as 2024-01-01T00:00:00Z or epoch milliseconds"));
            }
        }
        return new Settings(p, maxP, mode, seed, interval, start, checkpoints, attempts, delay, failAfter, guarantee, unaligned,
                randomFailures(s.get("randomFailures")));
    }

    private static final java.util.Set<String> RANDOM_FAILURES = java.util.Set.of("times", "withinRecords", "seed");

    /** {"times": 3, "withinRecords": 5000, "seed": 7}: times and withinRecords whole numbers of 1 or more, seed optional. */
    private RandomFailures randomFailures(JsonNode r) {
        if (r == null) return null;
        String where = "settings.randomFailures";
        if (!r.isObject()) {
            problems.add(Problem.error(where, null, "expected an object such as {\"times\": 2, \"withinRecords\": 1000} but found " + r));
            return null;
        }
        unknownFields(r, RANDOM_FAILURES, where + ".", "field");
        JsonNode times = r.get("times");
        JsonNode within = r.get("withinRecords");
        JsonNode seed = r.get("seed");
        boolean ok = true;
        if (times == null || !times.isIntegralNumber() || !times.canConvertToInt() || times.intValue() < 1) {
            problems.add(Problem.error(where + ".times", null, "expected how many failures, a whole number of 1 or more, but found " + (times == null ? "nothing" : times)));
            ok = false;
        }
        if (within == null || !within.isIntegralNumber() || !within.canConvertToLong() || within.longValue() < 1) {
            problems.add(Problem.error(where + ".withinRecords", null, "expected among how many records the failures fall, a whole number of 1 or more, but found "
                    + (within == null ? "nothing" : within)));
            ok = false;
        }
        if (seed != null && !(seed.isIntegralNumber() && seed.canConvertToLong())) {
            problems.add(Problem.error(where + ".seed", null, "expected a whole number but found " + seed));
            ok = false;
        }
        if (!ok) return null;
        if (within.longValue() < times.intValue()) {
            problems.add(Problem.error(where + ".times", null, times.intValue() + " failures do not fit in " + within.longValue()
                    + " records: each falls on a record of its own"));
            return null;
        }
        return new RandomFailures(times.intValue(), within.longValue(), seed == null ? null : seed.longValue());
    }

    private Long duration(JsonNode settings, String name, String example) {
        JsonNode v = settings.get(name);
        if (v == null) return null;
        try {
            if (!v.isTextual()) throw new IllegalArgumentException(v + " is not a duration such as " + example);
            return dev.eddy.catalog.Durations.parse(v.asText());
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error("settings." + name, null, e.getMessage()));
            return null;
        }
    }

    private List<Node> nodes(JsonNode arr) {
        List<Node> out = new ArrayList<>();
        if (arr == null) {
            problems.add(Problem.error("nodes", null, "the field is missing; expected a list of nodes"));
            return out;
        }
        if (!arr.isArray()) {
            problems.add(Problem.error("nodes", null, "expected a list of nodes"));
            return out;
        }
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < arr.size(); i++) {
            String path = "nodes[" + i + "]";
            JsonNode n = arr.get(i);
            if (!n.isObject()) {
                problems.add(Problem.error(path, null, "expected a node object such as {\"id\": \"src\", \"type\": \"source.rows\"}"));
                continue;
            }
            unknownFields(n, NODE, path + ".", "node field");
            String id = text(n, "id", path + ".id", true);
            String type = text(n, "type", path + ".type", true);
            if (id != null && !id.matches("[A-Za-z_][A-Za-z0-9_\\-]*")) {
                problems.add(Problem.error(path + ".id", id, "\"" + id + "\" is not a valid id: use letters, digits, '_' and '-', starting with a letter"));
            }
            if (id != null && !ids.add(id)) {
                problems.add(Problem.error(path + ".id", id, "another node already has the id \"" + id + "\""));
            }
            JsonNode params = n.get("params");
            if (params != null && !params.isObject()) {
                problems.add(Problem.error(path + ".params", id, "expected an object of parameters"));
                params = null;
            }
            Integer par = positiveInt(n, "parallelism", path + ".parallelism");
            if (id != null && type != null) out.add(new Node(id, type, (ObjectNode) params, par));
        }
        return out;
    }

    private List<Edge> edges(JsonNode arr) {
        List<Edge> out = new ArrayList<>();
        if (arr == null) return out;
        if (!arr.isArray()) {
            problems.add(Problem.error("edges", null, "expected a list of edges such as {\"from\": \"a\", \"to\": \"b\"}"));
            return out;
        }
        for (int i = 0; i < arr.size(); i++) {
            String path = "edges[" + i + "]";
            JsonNode e = arr.get(i);
            if (!e.isObject()) {
                problems.add(Problem.error(path, null, "expected an edge such as {\"from\": \"a\", \"to\": \"b\"}"));
                continue;
            }
            unknownFields(e, EDGE, path + ".", "edge field");
            String from = text(e, "from", path + ".from", true);
            String to = text(e, "to", path + ".to", true);
            String port = text(e, "port", path + ".port", false);
            String toPort = text(e, "toPort", path + ".toPort", false);
            if (from != null && to != null) out.add(new Edge(from, port, to, toPort));
        }
        return out;
    }

    private Map<String, Position> layout(JsonNode l) {
        Map<String, Position> out = new LinkedHashMap<>();
        if (l == null) return out;
        if (!l.isObject()) {
            problems.add(Problem.error("layout", null, "expected an object of node positions such as {\"src\": {\"x\": 40, \"y\": 120}}"));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = l.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            String path = "layout." + e.getKey();
            if (!p.isObject() || !p.path("x").isNumber() || !p.path("y").isNumber() || p.size() != 2) {
                problems.add(Problem.error(path, e.getKey(), "expected {\"x\": number, \"y\": number}"));
                continue;
            }
            out.put(e.getKey(), new Position(p.get("x").doubleValue(), p.get("y").doubleValue()));
        }
        return out;
    }

    private String text(JsonNode obj, String field, String path, boolean required) {
        return JsonFields.text(obj, field, path, required, problems);
    }

    private Integer positiveInt(JsonNode obj, String field, String path) {
        JsonNode v = obj.get(field);
        if (v == null) return null;
        if (!v.isInt() || v.intValue() < 1) {
            problems.add(Problem.error(path, null, "expected a whole number of at least 1 but found " + v));
            return null;
        }
        return v.intValue();
    }

    private void unknownFields(JsonNode obj, Set<String> known, String prefix, String what) {
        JsonFields.unknown(obj, known, prefix, what, problems);
    }
}
