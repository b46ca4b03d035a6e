package dev.eddy.flink.sql;

import static dev.eddy.flink.sql.SqlExpressions.quote;
import static dev.eddy.flink.sql.SqlExpressions.string;

import dev.eddy.catalog.Params;
import dev.eddy.expr.Expr;
import dev.eddy.flink.sql.SqlExpressions.NotSql;
import dev.eddy.flink.sql.SqlScript.Relation;
import dev.eddy.model.Edge;
import dev.eddy.model.Node;
import dev.eddy.types.DataType;
import dev.eddy.types.Field;
import dev.eddy.types.Row;
import dev.eddy.types.RowJson;
import dev.eddy.types.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sources and sinks as Flink SQL tables: inline rows and JSON Lines files through the filesystem
 * connector's json format, CSV and text files through its csv and raw formats, sequences through
 * datagen; file sinks through the filesystem connector, print and discard through print and
 * blackhole. Event time becomes a computed column with the WATERMARK the pipeline's strategy
 * gives, whether the source declares it or a watermarks node after it (through maps) does.
 */
final class SqlTables {
    private SqlTables() {}

    static void source(SqlScript script, Node n, Params p) {
        Schema schema = script.schema(n);
        Map<String, String> options = new LinkedHashMap<>();
        String note = null;
        switch (n.type()) {
            case "source.rows" -> {
                String file = n.id() + ".jsonl";
                script.writtenFiles.put(file, jsonLines(p.rows("rows", schema), schema));
                filesystem(options, script.options.data() + "/" + file, "json");
                note = "Its rows are in " + file + ", one JSON object per line";
            }
            case "source.file" -> {
                String path = p.string("path");
                String file = java.nio.file.Path.of(path).getFileName().toString();
                String format = p.string("format");
                String copy = script.options.data() + "/" + file;
                switch (format) {
                    case "text" -> filesystem(options, copy, "raw");
                    case "jsonl" -> filesystem(options, copy, "json");
                    case "csv" -> {
                        filesystem(options, copy, "csv");
                        // Eddy reads an empty cell as NULL, whatever the column's type.
                        options.put("csv.null-literal", "");
                        String delimiter = p.string("delimiter");
                        if (!delimiter.equals(",")) options.put("csv.field-delimiter", delimiter);
                        if (p.bool("header")) note = "Flink's csv format reads no header line: the export copied " + file + " without its own";
                    }
                    default -> throw new NotSql("reading " + format + " files has no Flink SQL format");
                }
                script.copiedFiles.put(file, new SqlExport.Copy(path, format.equals("csv") && p.bool("header")));
            }
            case "source.sequence" -> {
                Long to = p.integer("to");
                Double rate = p.number("rate");
                String field = schema.field(0).name();
                options.put("connector", "datagen");
                options.put("fields." + field + ".kind", "sequence");
                options.put("fields." + field + ".start", String.valueOf(p.integer("from")));
                options.put("fields." + field + ".end", String.valueOf(to == null ? Long.MAX_VALUE : to));
                boolean paced = rate != null && rate > 0 && script.options.paced();
                options.put("rows-per-second", paced ? String.valueOf(Math.round(rate)) : String.valueOf(Integer.MAX_VALUE));
            }
            default -> throw new IllegalStateException(n.type());
        }
        List<String> columns = new ArrayList<>();
        for (Field f : schema.fields()) columns.add(quote(f.name()) + " " + SqlExpressions.sqlType(f.type()));
        String eventTime = eventTime(script, n, p, schema, columns);
        String procTime = null;
        if (script.needsProcessingTime) {
            columns.add(quote(script.procTime) + " AS PROCTIME()");
            procTime = script.procTime;
        }
        StringBuilder ddl = new StringBuilder("-- ").append(script.comment(n)).append(note == null ? "" : "\n-- " + note + ".")
                .append("\nCREATE TABLE ").append(quote(n.id())).append(" (\n  ").append(String.join(",\n  ", columns))
                .append("\n) WITH (\n  ").append(with(options)).append("\n);");
        script.statements.add(ddl.toString());
        script.out.put(n.id(), new Relation(quote(n.id()), schema, eventTime, procTime));
    }

    private static void filesystem(Map<String, String> options, String path, String format) {
        options.put("connector", "filesystem");
        options.put("path", path);
        options.put("format", format);
        if (format.equals("json")) options.put("json.timestamp-format.standard", "ISO-8601");
    }

    private static String with(Map<String, String> options) {
        List<String> o = new ArrayList<>();
        for (var e : options.entrySet()) o.add(string(e.getKey()) + " = " + string(e.getValue()));
        return String.join(",\n  ", o);
    }

    /**
     * The event-time column and WATERMARK of a source's table, from the source's own strategy or
     * from the watermarks node its records reach through maps only (whose expressions are then
     * written into the column's). Null when neither sets one.
     */
    private static String eventTime(SqlScript script, Node source, Params p, Schema schema, List<String> columns) {
        String timestamp;
        Params strategy;
        String kind;
        if (p.isSet("watermarks")) {
            strategy = p;
            kind = p.string("watermarks");
            timestamp = timestamp(script, kind, strategy, schema, List.of());
        } else {
            List<Node> maps = new ArrayList<>();
            Node at = source;
            Node watermarks = null;
            while (watermarks == null) {
                String from = at.id();
                List<Edge> next = script.pipeline.edges().stream().filter(e -> e.from().equals(from)).toList();
                List<Node> ahead = next.stream().map(e -> script.pipeline.node(e.to()).orElseThrow()).toList();
                Node found = ahead.stream().filter(x -> x.type().equals("watermarks")).findFirst().orElse(null);
                if (found != null) {
                    watermarks = found;
                } else if (ahead.size() == 1 && ahead.get(0).type().equals("map")) {
                    maps.add(ahead.get(0));
                    at = ahead.get(0);
                } else {
                    return null;
                }
            }
            strategy = SqlScript.params(watermarks);
            kind = strategy.string("strategy");
            timestamp = timestamp(script, kind, strategy, maps.isEmpty() ? schema : script.schema(maps.get(maps.size() - 1)), maps);
            script.foldedWatermarks.add(watermarks.id());
        }
        String et = quote(script.eventTime);
        long bound = kind.equals("monotonous") ? 0 : strategy.duration("maxOutOfOrderness");
        columns.add(et + " AS " + timestamp);
        // Flink's DataStream watermark trails the largest timestamp by the bound and one millisecond more; SQL's by what it says.
        columns.add("WATERMARK FOR " + et + " AS " + et + " - " + SqlWindows.interval(bound + 1));
        if (strategy.isSet("idleness")) script.idleness(strategy.duration("idleness"));
        String note = "Event time: Flink SQL emits a watermark as soon as it has moved on by more than pipeline.auto-watermark-interval,"
                + "\n-- not on the clock as Eddy and Flink's DataStream jobs do, so a record their periodic watermarks still let in can be"
                + "\n-- late here, and SQL windows have no allowed lateness (docs/flink.md, Exporting as Flink SQL).";
        if (!script.notes.contains(note)) script.notes.add(note);
        return script.eventTime;
    }

    /** The event time as a TIMESTAMP_LTZ(3) expression over the source's columns, through the maps between it and the watermarks. */
    private static String timestamp(SqlScript script, String strategy, Params p, Schema schema, List<Node> maps) {
        if (!strategy.equals("bounded-out-of-orderness") && !strategy.equals("monotonous")) {
            throw new NotSql("the " + strategy + " watermark strategy has no Flink SQL WATERMARK (bounded-out-of-orderness and monotonous do)");
        }
        if (!p.isSet("timestamp")) throw new NotSql("a watermark strategy without a timestamp expression has no event time to declare");
        Expr ts = script.compile(p.string("timestamp"), schema, null).ast();
        String sql = through(script, maps, maps.size(), ts);
        return ts.type().kind() == DataType.Kind.BIGINT ? "TO_TIMESTAMP_LTZ(" + sql + ", 3)" : sql;
    }

    /** {@code e} over the output of {@code maps[upTo - 1]}, written over the source's columns by putting each map's field expressions in. */
    private static String through(SqlScript script, List<Node> maps, int upTo, Expr e) {
        return new SqlExpressions(f -> {
            if (upTo == 0) return quote(f.name());
            Node map = maps.get(upTo - 1);
            Schema in = upTo == 1 ? script.schema(script.pipeline.node(script.edgesInto(map, "in").get(0).from()).orElseThrow())
                    : script.schema(maps.get(upTo - 2));
            String text = SqlScript.params(map).textMap("fields").get(f.name());
            return "(" + through(script, maps, upTo - 1, script.compile(text, in, null).ast()) + ")";
        }).of(e);
    }

    /** The rows as Eddy's JSON Lines, which Flink's json format reads; it has no form of NaN or the infinities, so they are refused. */
    private static String jsonLines(List<Row> rows, Schema schema) {
        StringBuilder out = new StringBuilder();
        for (Row r : rows) {
            for (int i = 0; i < schema.size(); i++) {
                if (r.get(i) instanceof Double d && (d.isNaN() || d.isInfinite())) throw new NotSql("a NaN or infinite value in the rows has no JSON form");
            }
            out.append(RowJson.toLine(r, schema)).append('\n');
        }
        return out.toString();
    }

    // ---- sinks ----

    static void sink(SqlScript script, Node n, Params p) {
        Relation in = script.input(n, "in");
        Map<String, String> options = new LinkedHashMap<>();
        String note = null;
        switch (n.type()) {
            case "sink.file" -> {
                String format = p.string("format");
                String path = script.options.output() + "/" + p.string("path");
                switch (format) {
                    case "jsonl" -> filesystem(options, path, "json");
                    case "csv" -> {
                        filesystem(options, path, "csv");
                        if (p.bool("header")) note = "Flink's csv format writes no header line, where Eddy's file sink writes one";
                        if (in.schema().fields().stream().anyMatch(f -> f.type().kind() == DataType.Kind.TIMESTAMP)) {
                            note = (note == null ? "" : note + ".\n-- ")
                                    + "Flink's csv format spells an instant \"2024-01-01 00:00:00Z\", Eddy's 2024-01-01T00:00:00Z";
                        }
                    }
                    default -> throw new NotSql("Flink SQL has no format that writes Flink's Row text; jsonl and csv have one");
                }
            }
            case "sink.print" -> {
                if (!p.string("format").equals("row")) {
                    throw new NotSql("Flink SQL's print connector prints rows as +I[...], Eddy's \"row\" format; \"" + p.string("format") + "\" has no SQL form");
                }
                options.put("connector", "print");
                if (p.isSet("identifier")) options.put("print-identifier", p.string("identifier"));
            }
            case "sink.discard" -> options.put("connector", "blackhole");
            default -> throw new IllegalStateException(n.type());
        }
        List<String> columns = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (Field f : in.schema().fields()) {
            columns.add(quote(f.name()) + " " + SqlExpressions.sqlType(f.type()));
            fields.add(quote(f.name()));
        }
        script.statements.add("-- " + script.comment(n) + (note == null ? "" : "\n-- " + note + ".") + "\nCREATE TABLE " + quote(n.id())
                + " (\n  " + String.join(",\n  ", columns) + "\n) WITH (\n  " + with(options) + "\n);");
        script.inserts.add("INSERT INTO " + quote(n.id()) + " SELECT " + String.join(", ", fields) + " FROM " + in.name() + ";");
    }
}
