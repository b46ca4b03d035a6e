package dev.eddy.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a pipeline in the one canonical layout (two-space indent, {@code "key": value}, a
 * newline at the end, fields in a fixed order), so that a file written by Eddy reads back and
 * writes again to the same bytes and diffs stay small.
 */
public final class PipelineWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PipelineWriter() {}

    public static String write(Pipeline p) {
        ObjectNode root = toJson(p);
        try {
            DefaultPrettyPrinter printer = new CanonicalPrinter();
            return MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Pipeline p, Path file) throws IOException {
        Files.writeString(file, write(p));
    }

    public static ObjectNode toJson(Pipeline p) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", Pipeline.FORMAT);
        root.put("version", Pipeline.VERSION);
        if (p.name() != null) root.put("name", p.name());
        if (p.description() != null) root.put("description", p.description());
        if (p.lesson() != null) root.set("lesson", LessonJson.write(p.lesson()));
        Settings s = p.settings();
        if (!s.isEmpty()) {
            ObjectNode so = root.putObject("settings");
            if (s.parallelism() != null) so.put("parallelism", s.parallelism());
            if (s.maxParallelism() != null) so.put("maxParallelism", s.maxParallelism());
            if (s.mode() != null) so.put("mode", s.mode().id());
            if (s.seed() != null) so.put("seed", s.seed());
            if (s.autoWatermarkInterval() != null) so.put("autoWatermarkInterval", dev.eddy.catalog.Durations.format(s.autoWatermarkInterval()));
            if (s.startTime() != null) so.put("startTime", s.startTime());
            if (s.checkpointInterval() != null) so.put("checkpointInterval", dev.eddy.catalog.Durations.format(s.checkpointInterval()));
            if (s.restartAttempts() != null) so.put("restartAttempts", s.restartAttempts());
            if (s.restartDelay() != null) so.put("restartDelay", dev.eddy.catalog.Durations.format(s.restartDelay()));
            if (s.failAfterRecords() != null) so.put("failAfterRecords", s.failAfterRecords());
            if (s.deliveryGuarantee() != null) so.put("deliveryGuarantee", s.deliveryGuarantee().id());
            if (s.unalignedCheckpoints() != null) so.put("unalignedCheckpoints", s.unalignedCheckpoints());
            if (s.randomFailures() != null) {
                ObjectNode r = so.putObject("randomFailures");
                r.put("times", s.randomFailures().times()).put("withinRecords", s.randomFailures().withinRecords());
                if (s.randomFailures().seed() != null) r.put("seed", s.randomFailures().seed());
            }
        }
        ArrayNode nodes = root.putArray("nodes");
        for (Node n : p.nodes()) {
            ObjectNode no = nodes.addObject();
            no.put("id", n.id());
            no.put("type", n.type());
            if (n.parallelism() != null) no.put("parallelism", n.parallelism());
            if (!n.paramsView().isEmpty()) no.set("params", n.params());
        }
        ArrayNode edges = root.putArray("edges");
        for (Edge e : p.edges()) {
            ObjectNode eo = edges.addObject();
            eo.put("from", e.from());
            if (e.fromPort() != null) eo.put("port", e.fromPort());
            eo.put("to", e.to());
            if (e.toPort() != null) eo.put("toPort", e.toPort());
        }
        if (!p.layout().isEmpty()) {
            ObjectNode lo = root.putObject("layout");
            for (Map.Entry<String, Position> e : p.layout().entrySet()) {
                ObjectNode pos = lo.putObject(e.getKey());
                putNumber(pos, "x", e.getValue().x());
                putNumber(pos, "y", e.getValue().y());
            }
        }
        return root;
    }

    /** Whole coordinates are written without a fraction so hand-written files round-trip. */
    private static void putNumber(ObjectNode o, String field, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) o.put(field, (long) v);
        else o.put(field, v);
    }

    private static final class CanonicalPrinter extends DefaultPrettyPrinter {
        CanonicalPrinter() {
            super();
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            indentObjectsWith(indenter);
            indentArraysWith(indenter);
        }

        CanonicalPrinter(CanonicalPrinter base) { super(base); }

        @Override
        public DefaultPrettyPrinter createInstance() { return new CanonicalPrinter(this); }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException { g.writeRaw(": "); }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            if (nrOfEntries == 0) {
                if (!_objectIndenter.isInline()) --_nesting;
                g.writeRaw('}');
                return;
            }
            super.writeEndObject(g, nrOfEntries);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (nrOfValues == 0) {
                if (!_arrayIndenter.isInline()) --_nesting;
                g.writeRaw(']');
                return;
            }
            super.writeEndArray(g, nrOfValues);
        }
    }
}
