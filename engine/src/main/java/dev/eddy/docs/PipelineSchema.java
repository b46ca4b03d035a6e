package dev.eddy.docs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.catalog.Catalog;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.ParamSpec;
import dev.eddy.model.Pipeline;

/**
 * The JSON Schema (draft 2020-12) of pipeline files, generated from the catalog so that it can
 * never disagree with what the reader and validator accept. Editors use it for completion;
 * docs/pipeline.schema.json is this, checked in and kept equal by a test.
 */
public final class PipelineSchema {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PipelineSchema() {}

    /** The schema as the text of docs/pipeline.schema.json. */
    public static String text(Catalog catalog) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(generate(catalog)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lesson block: a task and the checks that say when it is done (see docs/lessons.md). */
    private static ObjectNode lesson() {
        ObjectNode l = F.objectNode();
        l.put("type", "object").put("additionalProperties", false)
                .put("description", "a task for the learner and the checks that say when the run has done it");
        l.putArray("required").add("task").add("checks");
        ObjectNode lp = l.putObject("properties");
        lp.putObject("task").put("type", "string").put("description", "what to do, shown beside the canvas");
        lp.putObject("hint").put("type", "string").put("description", "said when a check misses");
        ObjectNode check = lp.putObject("checks").put("type", "array").put("minItems", 1).putObject("items");
        check.put("type", "object").put("additionalProperties", false);
        check.putArray("required").add("count");
        ObjectNode cp = check.putObject("properties");
        ArrayNode counts = cp.putObject("count").put("description", "what the check counts in the run").putArray("enum");
        for (dev.eddy.model.Lesson.Count c : dev.eddy.model.Lesson.Count.values()) counts.add(c.id());
        cp.putObject("node").put("type", "string").put("description", "the node where it is counted (all but restarts)");
        cp.putObject("port").put("type", "string").put("description", "for records: the output port counted; default out (a sink's input)");
        cp.putObject("where").put("type", "string").put("description", "for records and late: an expression the counted records satisfy");
        cp.putObject("min").put("type", "integer").put("minimum", 0);
        cp.putObject("max").put("type", "integer").put("minimum", 0);
        cp.putObject("says").put("type", "string").put("description", "the goal in the learner's words");
        return l;
    }

    public static ObjectNode generate(Catalog catalog) {
        ObjectNode root = F.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://eddy.dev/schemas/pipeline-v" + Pipeline.VERSION + ".json");
        root.put("title", "Eddy pipeline");
        root.put("description", "A stream pipeline for Eddy: nodes, the edges between their ports, and settings.");
        root.put("type", "object");
        root.putArray("required").add("format").add("version").add("nodes");
        root.put("additionalProperties", false);
        ObjectNode props = root.putObject("properties");
        props.putObject("format").put("const", Pipeline.FORMAT);
        props.putObject("version").put("const", Pipeline.VERSION);
        props.putObject("name").put("type", "string");
        props.putObject("description").put("type", "string");
        ObjectNode settings = props.putObject("settings");
        settings.put("type", "object").put("additionalProperties", false);
        ObjectNode sp = settings.putObject("properties");
        sp.putObject("parallelism").put("type", "integer").put("minimum", 1);
        sp.putObject("maxParallelism").put("type", "integer").put("minimum", 1).put("maximum", 32768);
        sp.putObject("mode").putArray("enum").add("streaming").add("batch");
        sp.putObject("seed").put("type", "integer");
        sp.putObject("autoWatermarkInterval").put("type", "string").put("pattern", "^\\s*\\d+\\s*(ms|s|m|min|h|d)\\s*$")
                .put("description", "how often periodic watermarks are emitted, in processing time (Flink's pipeline.auto-watermark-interval); default 200ms");
        sp.putObject("startTime").put("description", "where the processing-time clock starts: ISO-8601 or epoch milliseconds; default 2024-01-01T00:00:00Z")
                .putArray("type").add("string").add("integer");
        sp.putObject("checkpointInterval").put("type", "string").put("pattern", "^\\s*\\d+\\s*(ms|s|m|min|h|d)\\s*$")
                .put("description", "how often every task is checkpointed, in processing time (Flink's execution.checkpointing.interval); unset: no checkpoints");
        sp.putObject("restartAttempts").put("type", "integer").put("minimum", 0)
                .put("description", "how often a failed run restarts from its last checkpoint (or from the start without one); default 3 with checkpoints, 0 without");
        sp.putObject("restartDelay").put("type", "string").put("pattern", "^\\s*\\d+\\s*(ms|s|m|min|h|d)\\s*$")
                .put("description", "processing time between a failure and the restart; default 1s");
        sp.putObject("failAfterRecords").put("type", "integer").put("minimum", 1)
                .put("description", "inject one failure once the sources have emitted this many records in all, to watch a recovery");
        ObjectNode dg = sp.putObject("deliveryGuarantee");
        dg.putArray("enum").add("at-most-once").add("at-least-once").add("exactly-once");
        dg.put("description", "what a failure may do to the output; default exactly-once with checkpoints");
        sp.putObject("unalignedCheckpoints").put("type", "boolean")
                .put("description", "exactly-once barriers overtake the records on their way, which become part of the checkpoint (between threads)");
        ObjectNode rf = sp.putObject("randomFailures");
        rf.put("type", "object").put("additionalProperties", false)
                .put("description", "fail the run this many times, at record counts drawn from the seed among the first withinRecords records the sources emit");
        rf.putArray("required").add("times").add("withinRecords");
        ObjectNode rfp = rf.putObject("properties");
        rfp.putObject("times").put("type", "integer").put("minimum", 1);
        rfp.putObject("withinRecords").put("type", "integer").put("minimum", 1);
        rfp.putObject("seed").put("type", "integer").put("description", "default: settings.seed");
        props.set("lesson", lesson());
        props.putObject("nodes").put("type", "array").putObject("items").put("$ref", "#/$defs/node");
        props.putObject("edges").put("type", "array").putObject("items").put("$ref", "#/$defs/edge");
        ObjectNode layout = props.putObject("layout");
        layout.put("type", "object");
        ObjectNode pos = layout.putObject("additionalProperties");
        pos.put("type", "object").put("additionalProperties", false);
        pos.putArray("required").add("x").add("y");
        pos.putObject("properties").set("x", F.objectNode().put("type", "number"));
        ((ObjectNode) pos.get("properties")).set("y", F.objectNode().put("type", "number"));

        ObjectNode defs = root.putObject("$defs");
        ObjectNode edge = defs.putObject("edge");
        edge.put("type", "object").put("additionalProperties", false);
        edge.putArray("required").add("from").add("to");
        ObjectNode ep = edge.putObject("properties");
        ep.putObject("from").put("type", "string");
        ep.putObject("port").put("type", "string").put("description", "output port of the from node; default out");
        ep.putObject("to").put("type", "string");
        ep.putObject("toPort").put("type", "string").put("description", "input port of the to node; default in");

        ObjectNode node = defs.putObject("node");
        node.put("type", "object").put("additionalProperties", false);
        node.putArray("required").add("id").add("type");
        ObjectNode np = node.putObject("properties");
        np.putObject("id").put("type", "string").put("pattern", "^[A-Za-z_][A-Za-z0-9_\\-]*$");
        ArrayNode typeEnum = np.putObject("type").putArray("enum");
        np.putObject("parallelism").put("type", "integer").put("minimum", 1);
        np.putObject("params").put("type", "object");
        ArrayNode allOf = node.putArray("allOf");
        for (NodeType t : catalog.all()) {
            typeEnum.add(t.id());
            ObjectNode rule = allOf.addObject();
            rule.putObject("if").putObject("properties").putObject("type").put("const", t.id());
            rule.putObject("then").putObject("properties").putObject("params").put("$ref", "#/$defs/params." + t.id());
            defs.set("params." + t.id(), params(t));
        }
        return root;
    }

    private static ObjectNode params(NodeType t) {
        ObjectNode o = F.objectNode();
        o.put("description", t.summary());
        o.put("type", "object").put("additionalProperties", false);
        ArrayNode required = F.arrayNode();
        ObjectNode props = o.putObject("properties");
        for (ParamSpec p : t.params()) {
            if (p.required()) required.add(p.name());
            ObjectNode s = valueSchema(p);
            s.put("description", p.help());
            if (p.defaultValue() != null) s.set("default", p.defaultValue());
            props.set(p.name(), s);
        }
        if (!required.isEmpty()) o.set("required", required);
        return o;
    }

    private static ObjectNode valueSchema(ParamSpec p) {
        ObjectNode s = F.objectNode();
        switch (p.kind()) {
            case STRING: case EXPRESSION: case CONDITION: case FIELD: case PATH:
                s.put("type", "string");
                break;
            case INTEGER:
                s.put("type", "integer");
                if (p.min() != null) s.put("minimum", p.min().longValue());
                break;
            case NUMBER:
                s.put("type", "number");
                if (p.min() != null) s.put("minimum", p.min());
                break;
            case BOOLEAN:
                s.put("type", "boolean");
                break;
            case DURATION:
                s.put("type", "string").put("pattern", p.min() != null && p.min() < 0
                        ? "^\\s*-?\\s*\\d+\\s*(ms|s|m|min|h|d)\\s*$" : "^\\s*\\d+\\s*(ms|s|m|min|h|d)\\s*$");
                break;
            case INSTANT:
                s.putArray("type").add("string").add("integer");
                break;
            case ENUM: {
                ArrayNode e = s.putArray("enum");
                p.choices().forEach(e::add);
                break;
            }
            case SCHEMA: case PROJECTIONS: case AGGREGATES: case COMBINERS:
                s.put("type", "object").put("minProperties", 1).putObject("additionalProperties").put("type", "string");
                break;
            case ROWS: case STEPS:
                s.put("type", "array").putObject("items").put("type", "object");
                break;
            case STRING_LIST: case PROGRAM: {
                ArrayNode any = s.putArray("oneOf");
                any.addObject().put("type", "string");
                any.addObject().put("type", "array").putObject("items").put("type", "string");
                break;
            }
            default:
                throw new AssertionError(p.kind());
        }
        return s;
    }
}
