package dev.eddy.flink.sql;

import static dev.eddy.flink.sql.SqlExpressions.quote;

import dev.eddy.catalog.Params;
import dev.eddy.expr.CompiledExpression;
import dev.eddy.expr.ExpressionError;
import dev.eddy.expr.Expressions;
import dev.eddy.flink.sql.SqlExpressions.NotSql;
import dev.eddy.model.Edge;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.model.RuntimeMode;
import dev.eddy.nodes.StandardCatalog;
import dev.eddy.types.DataType;
import dev.eddy.types.Field;
import dev.eddy.types.Schema;
import dev.eddy.validate.Problem;
import dev.eddy.validate.ValidationResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pipeline as the Flink SQL script a person would write: a CREATE TABLE per source and sink, a
 * view per node in the order data flows (named after the node, the node named in the comment
 * above it), and one statement set of INSERTs. Event time is a computed column with a WATERMARK
 * on the source table, as Flink SQL declares it; processing time a PROCTIME() column. A node SQL
 * cannot express is reported with the reason, all of them at once.
 */
final class SqlScript {
    /**
     * A node's output as the script holds it: the table or view, its fields, the time attributes it
     * carries (columns beside the fields, null when absent), and for a keyed stream the columns
     * holding the key with the names a keyed result gives them.
     */
    record Relation(String name, Schema schema, String eventTime, String procTime, List<String> keySql, List<String> keyNames) {
        Relation(String name, Schema schema, String eventTime, String procTime) {
            this(name, schema, eventTime, procTime, List.of(), List.of());
        }

        boolean keyed() { return !keyNames.isEmpty(); }

        /** The fields and the time attributes, for a SELECT that keeps them. */
        List<String> carried() {
            List<String> c = new ArrayList<>();
            for (Field f : schema.fields()) c.add(quote(f.name()));
            if (eventTime != null) c.add(quote(eventTime));
            if (procTime != null) c.add(quote(procTime));
            return c;
        }

        /** The same time attributes over other fields, not keyed: what a map or flat-map makes of it. */
        Relation withSchema(Schema s) { return new Relation(name, s, eventTime, procTime); }
    }

    /** The names of the time attribute columns: chosen once so that no field of the pipeline has them. */
    final String eventTime;
    final String procTime;
    final Pipeline pipeline;
    final ValidationResult validation;
    final SqlExport.Options options;
    final List<String> statements = new ArrayList<>();
    final List<String> inserts = new ArrayList<>();
    final List<String> settings = new ArrayList<>();
    final Map<String, Relation> out = new HashMap<>();
    /** Files the script reads, by their name under the data folder: the pipeline's own (a path) or rows the export writes. */
    final Map<String, SqlExport.Copy> copiedFiles = new LinkedHashMap<>();
    final Map<String, String> writtenFiles = new LinkedHashMap<>();
    /** Watermarks nodes whose strategy went into their source's table. */
    final java.util.Set<String> foldedWatermarks = new java.util.HashSet<>();
    private Long idleness;
    /** Whether some node orders or windows records by their arrival: then every source gets a PROCTIME() column. */
    final boolean needsProcessingTime;
    /** What the script does differently from Eddy where SQL has no way to do the same: said in its header. */
    final List<String> notes = new ArrayList<>();

    SqlScript(Pipeline pipeline, ValidationResult validation, SqlExport.Options options) {
        this.pipeline = pipeline;
        this.validation = validation;
        this.options = options;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String id : validation.order()) {
            for (var port : validation.bindings().get(id).outputs().values()) names.addAll(port.names());
        }
        this.eventTime = free("event_time", names);
        this.procTime = free("proc_time", names);
        this.needsProcessingTime = pipeline.nodes().stream().anyMatch(n -> n.type().equals("reduce") || n.type().equals("aggregate")
                || (n.type().equals("window") && "processing".equals(params(n).string("time"))));
    }

    private static String free(String wanted, java.util.Set<String> taken) {
        String name = wanted;
        for (int i = 2; taken.contains(name); i++) name = wanted + "_" + i;
        return name;
    }

    /** The script's text. Throws listing every node it cannot write. */
    String write() {
        List<Problem> refused = new ArrayList<>();
        var s = pipeline.settings();
        settings.add("SET 'table.local-time-zone' = 'UTC';");
        if (s.modeOrDefault() == RuntimeMode.BATCH) {
            refused.add(Problem.error("settings.mode", null, "the batch mode has no SQL export yet: the script runs in streaming mode"));
        }
        settings.add("SET 'parallelism.default' = '" + s.parallelismOrDefault() + "';");
        if (s.autoWatermarkInterval() != null) {
            settings.add("SET 'pipeline.auto-watermark-interval' = '" + s.autoWatermarkInterval() + " ms';");
        }
        for (String id : validation.order()) {
            Node n = pipeline.node(id).orElseThrow();
            try {
                node(n);
            } catch (UpstreamRefused e) {
                // Said of the node upstream.
            } catch (NotSql e) {
                refused.add(Problem.error("nodes." + id, id, "\"" + id + "\" (" + n.type() + ") cannot be written as Flink SQL: " + e.getMessage()));
            }
        }
        if (!refused.isEmpty()) throw new Refused(refused);
        if (idleness != null) settings.add("SET 'table.exec.source.idle-timeout' = '" + idleness + " ms';");
        StringBuilder script = new StringBuilder();
        script.append("-- ").append(pipeline.name() == null ? "An Eddy pipeline" : pipeline.name()).append(" as Flink SQL, written by Eddy.\n");
        if (pipeline.description() != null) script.append("-- ").append(pipeline.description().replace("\n", "\n-- ")).append('\n');
        script.append("-- Each view comes from one node of the pipeline, named after it; the comment above it names the node.\n");
        script.append("-- Run it with Flink's SQL client: sql-client.sh -f ").append(SqlExport.SCRIPT).append('\n');
        for (String note : notes) script.append("-- ").append(note).append('\n');
        script.append('\n');
        for (String set : settings) script.append(set).append('\n');
        for (String statement : statements) script.append('\n').append(statement).append('\n');
        script.append("\nEXECUTE STATEMENT SET\nBEGIN\n");
        for (String i : inserts) script.append(i).append('\n');
        script.append("END;\n");
        return script.toString();
    }

    /** Thrown when some nodes have no SQL translation; each problem names the node and says why. */
    static final class Refused extends RuntimeException {
        final List<Problem> problems;

        Refused(List<Problem> problems) {
            super(problems.get(0).message());
            this.problems = problems;
        }
    }

    private void node(Node n) {
        Params p = params(n);
        if (p.isSet("onError") && p.string("onError").equals("skip")) {
            throw new NotSql("onError \"skip\" (the errors port) has no SQL translation; a record that fails an expression stops a Flink SQL job");
        }
        switch (n.type()) {
            case "source.rows", "source.file", "source.sequence" -> SqlTables.source(this, n, p);
            case "map" -> map(n, p);
            case "filter" -> filter(n, p);
            case "flat-map" -> flatMap(n, p);
            case "union" -> union(n);
            case "rebalance" -> {
                Relation in = input(n, "in");
                view(n, "SELECT * FROM " + in.name(), in, "a repartitioning: Flink SQL's planner decides the exchanges");
            }
            case "key-by" -> keyBy(n, p);
            case "watermarks" -> watermarks(n);
            case "reduce", "aggregate" -> SqlWindows.running(this, n, p);
            case "window" -> SqlWindows.window(this, n, p);
            case "interval-join" -> SqlWindows.intervalJoin(this, n, p);
            case "window-join" -> SqlWindows.windowJoin(this, n, p);
            case "sink.file", "sink.print", "sink.discard" -> SqlTables.sink(this, n, p);
            default -> throw new NotSql(why(n.type()));
        }
    }

    private static String why(String type) {
        if (type.equals("sink.table")) return "the table sink is the designer's own view; a SQL job writes to a file or prints";
        if (type.startsWith("source.")) return "no Flink SQL connector produces what this source does (rows, files and sequences have one)";
        if (type.equals("process") || type.equals("change-alert") || type.equals("top-n") || type.equals("deduplicate")) {
            return "a program with keyed state and timers is not relational; `./eddy export-flink` writes it as a KeyedProcessFunction";
        }
        return "it has no Flink SQL translation yet; `./eddy export-flink` writes it as DataStream code";
    }

    // ---- transformations ----

    private void map(Node n, Params p) {
        Relation in = input(n, "in");
        List<String> items = new ArrayList<>();
        for (var f : p.textMap("fields").entrySet()) {
            String value = sql(f.getValue(), in, null);
            items.add(value.equals(quote(f.getKey())) ? value : value + " AS " + quote(f.getKey()));
        }
        if (in.eventTime() != null) items.add(quote(in.eventTime()));
        if (in.procTime() != null) items.add(quote(in.procTime()));
        view(n, "SELECT " + String.join(",\n  ", items) + "\nFROM " + in.name(), in.withSchema(schema(n)), null);
    }

    private void filter(Node n, Params p) {
        Relation in = input(n, "in");
        view(n, "SELECT " + String.join(", ", in.carried()) + "\nFROM " + in.name() + "\nWHERE " + sql(p.string("condition"), in, DataType.BOOLEAN), in, null);
    }

    private void flatMap(Node n, Params p) {
        Relation in = input(n, "in");
        String as = p.string("as");
        List<String> items = new ArrayList<>();
        for (String kept : p.strings("keep")) items.add(in.name() + "." + quote(kept));
        items.add("parts." + quote(as));
        if (in.eventTime() != null) items.add(in.name() + "." + quote(in.eventTime()));
        if (in.procTime() != null) items.add(in.name() + "." + quote(in.procTime()));
        String split = sql(p.string("split"), in, null);
        view(n, "SELECT " + String.join(", ", items) + "\nFROM " + in.name() + "\nCROSS JOIN UNNEST(" + split + ") AS parts(" + quote(as) + ")",
                in.withSchema(schema(n)), null);
    }

    private void union(Node n) {
        List<Relation> ins = new ArrayList<>();
        for (Edge e : edgesInto(n, "in")) ins.add(upstream(e));
        boolean event = ins.stream().allMatch(r -> r.eventTime() != null);
        boolean proc = ins.stream().allMatch(r -> r.procTime() != null);
        List<String> selects = new ArrayList<>();
        for (Relation r : ins) {
            Relation kept = new Relation(r.name(), r.schema(), event ? r.eventTime() : null, proc ? r.procTime() : null);
            selects.add("SELECT " + String.join(", ", kept.carried()) + " FROM " + r.name());
        }
        Relation first = ins.get(0);
        view(n, String.join("\nUNION ALL\n", selects), new Relation(null, first.schema(), event ? eventTime : null, proc ? procTime : null), null);
    }

    private void keyBy(Node n, Params p) {
        Relation in = input(n, "in");
        List<String> keys = p.strings("key");
        List<String> names = validation.bindings().get(n.id()).keyOut().columns().stream().map(Field::name).toList();
        List<String> items = new ArrayList<>(in.carried());
        List<String> keyColumns = new ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>(in.schema().names());
        for (int i = 0; i < keys.size(); i++) {
            var key = compile(keys.get(i), in.schema(), null).ast();
            if (key instanceof dev.eddy.expr.Expr.FieldRef f) {
                keyColumns.add(quote(f.name()));
                continue;
            }
            // A computed key becomes a column of its own: SESSION partitions and joins take columns.
            String column = free(names.get(i), taken);
            taken.add(column);
            items.add(sql(key) + " AS " + quote(column));
            keyColumns.add(quote(column));
        }
        String view = quote(n.id());
        statements.add("-- " + comment(n) + "\n-- The keyed node after it groups or partitions by the key.\n"
                + "CREATE TEMPORARY VIEW " + view + " AS\nSELECT " + String.join(", ", items) + "\nFROM " + in.name() + ";");
        out.put(n.id(), new Relation(view, in.schema(), in.eventTime(), in.procTime(), keyColumns, names));
    }

    private void watermarks(Node n) {
        Relation in = input(n, "in");
        if (!foldedWatermarks.contains(n.id())) {
            throw new NotSql("Flink SQL declares watermarks on a source table, and only maps may stand between this node and its source");
        }
        view(n, "SELECT " + String.join(", ", in.carried()) + "\nFROM " + in.name(), in,
                "Its event time and watermark are declared on the source table, as Flink SQL does: the " + quote(in.eventTime()) + " column");
    }

    // ---- helpers the translations share ----

    /** Flink SQL marks sources idle after one timeout for all; sources that say different ones cannot be written. */
    void idleness(long millis) {
        if (idleness != null && idleness != millis) throw new NotSql("Flink SQL has one idle timeout for all sources; another source says " + idleness + " ms");
        idleness = millis;
    }

    /** Declares the node's output as a view named after the node; {@code note} goes into its comment. */
    void view(Node n, String select, Relation shape, String note) {
        String view = quote(n.id());
        statements.add("-- " + comment(n) + (note == null ? "" : "\n-- " + note + ".") + "\nCREATE TEMPORARY VIEW " + view + " AS\n" + select + ";");
        out.put(n.id(), new Relation(view, shape.schema(), shape.eventTime() == null ? null : eventTime,
                shape.procTime() == null ? null : procTime));
    }

    static Params params(Node n) { return Params.of(n, StandardCatalog.get().type(n.type()).orElseThrow()); }

    Schema schema(Node n) { return validation.schema(n.id(), "out"); }

    CompiledExpression compile(String text, Schema schema, DataType expected) {
        try {
            return Expressions.compile(text, schema, expected);
        } catch (ExpressionError e) {
            throw new IllegalStateException("a validated pipeline's expression does not compile: " + text, e);
        }
    }

    /** An expression over a relation's fields, as SQL. */
    String sql(String text, Relation in, DataType expected) { return sql(compile(text, in.schema(), expected).ast()); }

    /** A compiled expression over the fields it names, as SQL. */
    static String sql(dev.eddy.expr.Expr e) { return new SqlExpressions(f -> quote(f.name())).of(e); }

    List<Edge> edgesInto(Node n, String port) {
        return pipeline.edges().stream().filter(e -> e.to().equals(n.id()) && e.inPort().equals(port)).toList();
    }

    Relation input(Node n, String port) {
        List<Edge> in = edgesInto(n, port);
        if (in.size() > 1) throw new NotSql("several streams into one port; put a union before it");
        return upstream(in.get(0));
    }

    private static final class UpstreamRefused extends RuntimeException {
        UpstreamRefused() { super(null, null, false, false); }
    }

    private Relation upstream(Edge e) {
        if (!out.containsKey(e.from())) throw new UpstreamRefused();
        if (!e.outPort().equals("out")) throw new NotSql("the \"" + e.outPort() + "\" port of \"" + e.from() + "\" has no SQL translation");
        return out.get(e.from());
    }

    String comment(Node n) { return dev.eddy.flink.translate.FlinkTranslator.comment(n).replace("\n", " "); }
}
