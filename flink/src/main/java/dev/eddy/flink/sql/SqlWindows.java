package dev.eddy.flink.sql;

import static dev.eddy.flink.sql.SqlExpressions.quote;

import dev.eddy.catalog.Params;
import dev.eddy.flink.sql.SqlExpressions.NotSql;
import dev.eddy.flink.sql.SqlScript.Relation;
import dev.eddy.model.Node;
import dev.eddy.operators.AggregateCall;
import dev.eddy.operators.FieldCombiner;
import dev.eddy.types.Field;
import dev.eddy.types.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keyed results as Flink SQL computes them: running aggregates and reduces as OVER windows on
 * processing time (each record's result as it arrives, an append-only stream as Eddy's), windows
 * as the windowing table-valued functions TUMBLE, HOP and SESSION grouped by window_start and
 * window_end, interval joins as joins bounded on both event times.
 */
final class SqlWindows {
    private SqlWindows() {}

    /** A duration as an interval literal: whole hours, minutes or seconds where it is one, else seconds with milliseconds. */
    static String interval(long millis) {
        String sign = millis < 0 ? "-" : "";
        long m = Math.abs(millis);
        if (m != 0 && m % 3_600_000 == 0) return unit(sign, m / 3_600_000, "HOUR");
        if (m != 0 && m % 60_000 == 0) return unit(sign, m / 60_000, "MINUTE");
        if (m % 1000 == 0) return unit(sign, m / 1000, "SECOND");
        String value = BigDecimal.valueOf(m, 3).toPlainString();
        int digits = Math.max(1, value.indexOf('.'));
        return "INTERVAL '" + sign + value + "' SECOND" + (digits > 2 ? "(" + digits + ", 3)" : "");
    }

    private static String unit(String sign, long n, String unit) {
        int digits = String.valueOf(n).length();
        return "INTERVAL '" + sign + n + "' " + unit + (digits > 2 ? "(" + digits + ")" : "");
    }

    /** An aggregate call as SQL over the input's columns; AVG over a DOUBLE, as Eddy's averages are. */
    private static String aggregate(String call) {
        AggregateCall.Parsed parsed = AggregateCall.parse(call);
        String arg = parsed.field().equals("*") ? "*" : quote(parsed.field());
        return switch (parsed.function()) {
            case COUNT -> "COUNT(" + arg + ")";
            case SUM -> "SUM(" + arg + ")";
            case MIN -> "MIN(" + arg + ")";
            case MAX -> "MAX(" + arg + ")";
            case AVG -> "AVG(CAST(" + arg + " AS DOUBLE))";
            case FIRST -> "FIRST_VALUE(" + arg + ")";
            case LAST -> "LAST_VALUE(" + arg + ")";
        };
    }

    /** A rolling aggregate or reduce: each record's result so far for its key, an OVER window on processing time. */
    static void running(SqlScript script, Node n, Params p) {
        Relation in = script.input(n, "in");
        if (!in.keyed()) throw new NotSql("a rolling " + n.type() + " needs a keyed stream");
        if (in.procTime() == null) throw new NotSql("its input carries no processing time to order the records by (it follows a window or a join)");
        List<String> items = new ArrayList<>();
        if (n.type().equals("aggregate")) {
            for (int i = 0; i < in.keyNames().size(); i++) items.add(in.keySql().get(i) + " AS " + quote(in.keyNames().get(i)));
            for (var a : p.textMap("aggregates").entrySet()) items.add(aggregate(a.getValue()) + " OVER w AS " + quote(a.getKey()));
        } else {
            Map<String, String> combine = p.textMap("combine");
            for (Field f : in.schema().fields()) {
                String how = combine.get(f.name());
                String column = quote(f.name());
                if (how != null) {
                    String fn = switch (FieldCombiner.parse(how)) {
                        case SUM -> "SUM";
                        case MIN -> "MIN";
                        case MAX -> "MAX";
                        case FIRST -> "FIRST_VALUE";
                        case LAST -> "LAST_VALUE";
                    };
                    items.add(fn + "(" + column + ") OVER w AS " + column);
                } else if (in.keySql().contains(column)) {
                    items.add(column);
                } else {
                    throw new NotSql("the field " + f.name() + " has no combiner: Eddy keeps the first record's value, NULL included,"
                            + " and Flink SQL's FIRST_VALUE skips NULLs; give it \"first\" if it is never NULL");
                }
            }
        }
        items.add(quote(in.procTime()));
        String window = "WINDOW w AS (\n  PARTITION BY " + String.join(", ", in.keySql()) + "\n  ORDER BY " + quote(in.procTime())
                + "\n  ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";
        script.view(n, "SELECT " + String.join(",\n  ", items) + "\nFROM " + in.name() + "\n" + window,
                new Relation(null, script.schema(n), null, script.procTime),
                "Each record gives its key's aggregates so far, as Eddy's rolling " + n.type() + " does: an OVER window in arrival order");
    }

    static void window(SqlScript script, Node n, Params p) {
        Relation in = script.input(n, "in");
        if (!p.string("function").equals("aggregate")) throw new NotSql("the window function " + p.string("function") + " has no SQL form (aggregate does)");
        if (!p.string("trigger").equals("default") || !p.string("evictor").equals("none") || p.isSet("dynamicGap")) {
            throw new NotSql("triggers, evictors and dynamic gaps have no Flink SQL form: a SQL window fires once, when the watermark passes its end");
        }
        if (p.duration("allowedLateness") > 0) throw new NotSql("Flink SQL windows have no allowed lateness: a late record is dropped");
        if (script.pipeline.edges().stream().anyMatch(e -> e.from().equals(n.id()) && e.outPort().equals("late"))) {
            throw new NotSql("Flink SQL windows drop late records and have no side output for them");
        }
        String assigner = p.string("assigner");
        boolean event = p.string("time").equals("event");
        String time = event ? in.eventTime() : in.procTime();
        if (time == null) throw new NotSql(event ? "its input has no event time (a watermarks node or a source strategy before it)" : "its input carries no processing time");
        String tvf = tvf(in, p, assigner, time);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < in.keyNames().size(); i++) items.add(in.keySql().get(i) + " AS " + quote(in.keyNames().get(i)));
        // Eddy's bounds are instants, TIMESTAMP_LTZ; the window functions' are TIMESTAMPs in the session's time zone (UTC).
        items.add("CAST(window_start AS TIMESTAMP_LTZ(3)) AS `window_start`");
        items.add("CAST(window_end AS TIMESTAMP_LTZ(3)) AS `window_end`");
        for (var a : p.textMap("aggregates").entrySet()) {
            var function = AggregateCall.parse(a.getValue()).function();
            boolean ordered = function == AggregateCall.Function.FIRST || function == AggregateCall.Function.LAST;
            if (ordered && !assigner.equals("tumbling")) {
                throw new NotSql(a.getValue() + ": Flink SQL's FIRST_VALUE and LAST_VALUE cannot merge the parts of " + assigner
                        + " windows (tumbling windows take them)");
            }
            items.add(aggregate(a.getValue()) + " AS " + quote(a.getKey()));
        }
        List<String> group = new ArrayList<>(in.keySql());
        group.add("window_start");
        group.add("window_end");
        if (event) {
            // window_time (the end minus 1 ms, the timestamp Eddy gives a window's result) stays the event time after it.
            items.add("window_time AS " + quote(script.eventTime));
            group.add("window_time");
        }
        script.view(n, "SELECT " + String.join(",\n  ", items) + "\nFROM TABLE(\n  " + tvf + ")\nGROUP BY " + String.join(", ", group),
                new Relation(null, script.schema(n), event ? script.eventTime : null, null),
                event ? null : "On processing time, which windows a record falls in depends on when it arrives, as in Eddy");
    }

    /** The windowing table-valued function over a relation: TUMBLE, HOP or SESSION (partitioned by the key), with Eddy's sizes. */
    private static String tvf(Relation in, Params p, String assigner, String time) {
        for (Field f : in.schema().fields()) {
            if (List.of("window_start", "window_end", "window_time").contains(f.name())) {
                throw new NotSql("its input has a field named " + f.name() + ", which Flink SQL's window functions add themselves");
            }
        }
        String table = "TABLE " + in.name();
        if (p.duration("offset") != 0) {
            // Seen in SqlExportTest: with an offset, TUMBLE left out a window's records and HOP fired a window with half of them.
            throw new NotSql("Flink SQL's windows with an offset do not give what Flink's DataStream windows give (records left out of"
                    + " the first window, sliding windows fired early); leave the offset at 0 for SQL");
        }
        return switch (assigner) {
            case "tumbling" -> "TUMBLE(" + table + ", DESCRIPTOR(" + quote(time) + "), " + interval(p.duration("size")) + ")";
            case "sliding" -> {
                if (p.duration("size") % p.duration("slide") != 0) {
                    throw new NotSql("Flink SQL's HOP needs the size to be a whole multiple of the slide");
                }
                yield "HOP(" + table + ", DESCRIPTOR(" + quote(time) + "), " + interval(p.duration("slide")) + ", " + interval(p.duration("size")) + ")";
            }
            case "session" -> "SESSION(" + table + (in.keyed() ? " PARTITION BY " + String.join(", ", in.keySql()) : "")
                    + ", DESCRIPTOR(" + quote(time) + "), " + interval(p.duration("gap")) + ")";
            default -> throw new NotSql("Flink SQL has no " + assigner + " windows (tumbling, sliding and session it has)");
        };
    }

    /**
     * Left and right records of the same key in the same window, as one record: Flink SQL's window join, both sides
     * windowed by the same function and joined on the key and the window's bounds.
     */
    static void windowJoin(SqlScript script, Node n, Params p) {
        Relation left = script.input(n, "left");
        Relation right = script.input(n, "right");
        if (!left.keyed() || !right.keyed()) throw new NotSql("a window join needs both inputs keyed");
        String assigner = p.string("assigner");
        if (assigner.equals("session")) throw new NotSql("Flink SQL joins tumbling and sliding windows only, not sessions");
        boolean event = p.string("time").equals("event");
        if (!event) throw new NotSql("Flink SQL's window join needs event time");
        if (left.eventTime() == null || right.eventTime() == null) throw new NotSql("a window join needs event time on both inputs");
        Schema out = script.schema(n);
        List<String> items = joinedFields(left, right, out);
        List<String> on = keysEqual(left, right);
        on.add("l.window_start = r.window_start");
        on.add("l.window_end = r.window_end");
        script.view(n, "SELECT " + String.join(",\n  ", items)
                + "\nFROM TABLE(\n  " + tvf(left, p, assigner, left.eventTime()) + ") AS l"
                + "\nJOIN TABLE(\n  " + tvf(right, p, assigner, right.eventTime()) + ") AS r"
                + "\nON " + String.join("\n  AND ", on), new Relation(null, out, null, null), null);
    }

    /** The joined record's columns: the left fields, then the right ones under the names Eddy gives them. */
    private static List<String> joinedFields(Relation left, Relation right, Schema out) {
        if (out.size() != left.schema().size() + right.schema().size()) throw new NotSql("its output is not the left fields then the right ones");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            boolean fromLeft = i < left.schema().size();
            Field source = fromLeft ? left.schema().field(i) : right.schema().field(i - left.schema().size());
            items.add((fromLeft ? "l." : "r.") + quote(source.name()) + " AS " + quote(out.field(i).name()));
        }
        return items;
    }

    private static List<String> keysEqual(Relation left, Relation right) {
        List<String> on = new ArrayList<>();
        for (int i = 0; i < left.keySql().size(); i++) {
            // Eddy's keys group NULL with NULL; so does IS NOT DISTINCT FROM, where = would leave NULL keys unjoined.
            on.add("l." + left.keySql().get(i) + " IS NOT DISTINCT FROM r." + right.keySql().get(i));
        }
        return on;
    }

    /** Left and right records whose keys are equal and whose event times are within the bounds, as one record. */
    static void intervalJoin(SqlScript script, Node n, Params p) {
        Relation left = script.input(n, "left");
        Relation right = script.input(n, "right");
        if (!left.keyed() || !right.keyed()) throw new NotSql("an interval join needs both inputs keyed");
        if (left.eventTime() == null || right.eventTime() == null) throw new NotSql("an interval join needs event time on both inputs");
        Schema out = script.schema(n);
        List<String> items = joinedFields(left, right, out);
        List<String> on = keysEqual(left, right);
        String lt = "l." + quote(left.eventTime());
        String rt = "r." + quote(right.eventTime());
        on.add(rt + (p.bool("lowerBoundExclusive") ? " > " : " >= ") + lt + " + " + interval(p.duration("lowerBound")));
        on.add(rt + (p.bool("upperBoundExclusive") ? " < " : " <= ") + lt + " + " + interval(p.duration("upperBound")));
        script.view(n, "SELECT " + String.join(",\n  ", items) + "\nFROM " + left.name() + " AS l\nJOIN " + right.name() + " AS r\nON "
                + String.join("\n  AND ", on), new Relation(null, out, null, null), null);
    }

}
