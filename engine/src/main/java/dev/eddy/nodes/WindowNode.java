package dev.eddy.nodes;

import static dev.eddy.catalog.ParamKind.AGGREGATES;
import static dev.eddy.catalog.ParamKind.BOOLEAN;
import static dev.eddy.catalog.ParamKind.COMBINERS;
import static dev.eddy.catalog.ParamKind.DURATION;
import static dev.eddy.catalog.ParamKind.EXPRESSION;
import static dev.eddy.catalog.ParamKind.FIELD;
import static dev.eddy.catalog.ParamKind.INTEGER;
import static dev.eddy.catalog.ParamKind.NUMBER;
import static dev.eddy.catalog.ParamSpec.choice;
import static dev.eddy.catalog.ParamSpec.optional;
import static dev.eddy.nodes.NodeTypeBuilder.type;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.catalog.BindContext;
import dev.eddy.catalog.Binding;
import dev.eddy.catalog.Category;
import dev.eddy.catalog.Durations;
import dev.eddy.catalog.KeyInfo;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.Params;
import dev.eddy.catalog.StreamTraits;
import dev.eddy.catalog.PortSpec;
import dev.eddy.catalog.Preset;
import dev.eddy.expr.CompiledExpression;
import dev.eddy.model.RuntimeMode;
import dev.eddy.operators.AggregateCall;
import dev.eddy.operators.Aggregates;
import dev.eddy.operators.window.DeltaFunction;
import dev.eddy.operators.window.Evictor;
import dev.eddy.operators.window.Trigger;
import dev.eddy.operators.window.Triggers;
import dev.eddy.operators.window.WindowAssigner;
import dev.eddy.operators.window.WindowFunction;
import dev.eddy.operators.window.WindowParts;
import dev.eddy.operators.SortedInputOperator;
import dev.eddy.runtime.OperatorFactory;
import dev.eddy.operators.window.SlicedWindowOperator;
import dev.eddy.operators.window.WindowOperator;
import dev.eddy.types.DataType;
import dev.eddy.types.Field;
import dev.eddy.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The window node: one type whose assigner, trigger, evictor, lateness and function are
 * parameters, presented in the palette as Tumbling, Sliding, Session, Count and Global windows.
 */
final class WindowNode {
    private WindowNode() {}

    static NodeType window() {
        return type("window", Category.TIME).title("Window")
                .summary("Groups records into windows (tumbling, sliding, session, count, global) and computes each when it fires")
                .concept("A window cuts an endless stream into finite groups. The assigner says which windows a record belongs"
                        + " to; the trigger says when a window is evaluated (by default when the watermark passes its end);"
                        + " an evictor removes elements before or after evaluation; allowed lateness keeps a window's"
                        + " contents after it fired, so a late record updates its result; records later than that go to"
                        + " the late port. After a key-by there are windows per key, in parallel; without one the window"
                        + " sees the whole stream in one subtask (Flink's windowAll). Results carry the window's bounds and"
                        + " the timestamp window end - 1.")
                .param(choice("assigner", "tumbling", "which windows a record belongs to", "tumbling", "sliding", "session", "count", "global"))
                .param(choice("time", "event", "event time (record timestamps and watermarks) or processing time (the clock)", "event", "processing"))
                .param(optional("size", DURATION, "tumbling and sliding: the window length"))
                .param(optional("slide", DURATION, "sliding: how far apart window starts are"))
                .param(optional("offset", DURATION, "0ms", "tumbling and sliding: shifts window starts, e.g. -8h for days in UTC+8").atLeast(Long.MIN_VALUE))
                .param(optional("gap", DURATION, "session: the inactivity that closes a session"))
                .param(optional("dynamicGap", EXPRESSION, "session: the gap per record in milliseconds (BIGINT), instead of gap"))
                .param(optional("count", INTEGER, "count: records per window").atLeast(1))
                .param(optional("countSlide", INTEGER, "count: fire every this many records over the last count (a sliding count window)").atLeast(1))
                .param(choice("trigger", "default", "when a window is evaluated; default is the assigner's own",
                        "default", "event-time", "processing-time", "count", "continuous-event-time", "continuous-processing-time",
                        "delta", "end-of-stream", "never"))
                .param(optional("triggerCount", INTEGER, "count trigger: fire every this many records").atLeast(1))
                .param(optional("triggerInterval", DURATION, "continuous triggers: fire every this long"))
                .param(optional("deltaOf", EXPRESSION, "delta trigger and evictor: a number per record; the delta from an"
                        + " older record to a newer one is the newer value minus the older"))
                .param(optional("deltaAbsolute", BOOLEAN, false, "delta trigger and evictor: compare the absolute difference"))
                .param(optional("deltaThreshold", NUMBER, "delta trigger: fire when the delta from the record that fired last is above this"))
                .param(optional("purging", BOOLEAN, false, "clear the window's contents whenever it fires (PurgingTrigger)"))
                .param(choice("evictor", "none", "removes elements when the window fires", "none", "count", "time", "delta"))
                .param(optional("evictorCount", INTEGER, "count evictor: keep the last this many elements").atLeast(0))
                .param(optional("evictorTime", DURATION, "time evictor: keep elements newer than the newest minus this"))
                .param(optional("evictorDelta", NUMBER, "delta evictor: remove elements whose delta to the last element is at least this"))
                .param(optional("evictAfter", BOOLEAN, false, "evict after the function instead of before"))
                .param(optional("allowedLateness", DURATION, "0ms", "how long after a window fired a late record still updates it"))
                .param(choice("function", "aggregate", "aggregate: one row per window with the aggregates; reduce: the window's"
                        + " records combined into one, field by field; elements: the window's records (all, or the top by orderBy)",
                        "aggregate", "reduce", "elements"))
                .param(optional("aggregates", AGGREGATES, "aggregate: output columns and calls, e.g. {\"avgTemp\": \"AVG(temperature)\"}"))
                .param(optional("combine", COMBINERS, "reduce: " + CombineParams.DESCRIPTION))
                .param(optional("orderBy", FIELD, "elements: sort the window's records by this field"))
                .param(optional("descending", BOOLEAN, true, "elements: sort from the largest"))
                .param(optional("limit", INTEGER, "elements: emit only this many (top-N)").atLeast(1))
                .input(PortSpec.IN).output(PortSpec.OUT)
                .output(new PortSpec(WindowOperator.LATE_PORT, "records too late for every window they belong to", false, true))
                .failsPerRecord().optionallyKeyed()
                .preset(preset("Tumbling window", "fixed, non-overlapping windows", "tumbling", "size", "10s"))
                .preset(preset("Sliding window", "overlapping windows", "sliding", "size", "10s", "slide", "5s"))
                .preset(preset("Session window", "activity separated by gaps", "session", "gap", "30s"))
                .preset(presetCount())
                .preset(preset("Global window", "one window per key; needs a trigger", "global", "trigger", "count", "triggerCount", "10"))
                .onFlink("KeyedStream#window (or DataStream#windowAll) with Flink's assigners, triggers and evictors", WindowNode::flinkRefusal)
                .bind(WindowNode::bind);
    }

    private static Preset preset(String title, String summary, String assigner, String... kv) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("assigner", assigner);
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1].matches("\\d+")) p.put(kv[i], Long.parseLong(kv[i + 1]));
            else p.put(kv[i], kv[i + 1]);
        }
        p.putObject("aggregates").put("n", "COUNT(*)");
        return new Preset(title, summary, p);
    }

    private static Preset presetCount() {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("assigner", "count");
        p.put("count", 100);
        p.putObject("aggregates").put("n", "COUNT(*)");
        return new Preset("Count window", "every N records", p);
    }

    /** What Flink's window API cannot express of a window node. */
    static String flinkRefusal(Params p, java.util.Set<String> connectedOutputs) {
        boolean global = p.string("assigner").equals("global");
        if (p.string("trigger").equals("end-of-stream") && !global) {
            return "Flink's end-of-stream trigger belongs to GlobalWindows (createWithEndOfStreamTrigger); use the global assigner";
        }
        if (p.string("trigger").equals("never") && !global) return "Flink's NeverTrigger belongs to GlobalWindows; use the global assigner";
        if (p.string("trigger").equals("continuous-event-time") && global) {
            return "on a global window Flink's ContinuousEventTimeTrigger steps through every interval up to Long.MAX_VALUE"
                    + " at the end of input and does not finish";
        }
        if (connectedOutputs.contains("errors")) {
            return "Flink's window functions cannot set a record aside, so the errors port cannot be connected on Flink";
        }
        return null;
    }

    private static Binding bind(BindContext ctx) {
        Schema in = ctx.input();
        Params p = ctx.params();
        KeyInfo key = ctx.inputKey();
        boolean event = p.string("time").equals("event");
        String kind = p.string("assigner");
        WindowAssigner assigner;
        Trigger implied = null;
        Evictor impliedEvictor = null;
        switch (kind) {
            case "tumbling": case "sliding": case "session": {
                assigner = timeAssigner(ctx, in, kind, event);
                if (assigner == null) return null;
                break;
            }
            case "count": {
                Long count = p.integer("count");
                if (count == null) {
                    ctx.error("count", "a count window needs a count, e.g. 100");
                    return null;
                }
                Long slide = p.integer("countSlide");
                // KeyedStream#countWindow: GlobalWindows with a purging count trigger, or a count evictor and count trigger.
                implied = slide == null ? Triggers.purging(Triggers.count(count)) : Triggers.count(slide);
                impliedEvictor = slide == null ? null : Evictor.count(count, false);
                assigner = new WindowAssigner.Global(Triggers.NEVER);
                if (!p.string("trigger").equals("default") || !p.string("evictor").equals("none")) {
                    ctx.error("trigger", "a count window brings its own trigger and evictor; use a global window to choose them");
                    return null;
                }
                break;
            }
            default:
                assigner = new WindowAssigner.Global(Triggers.NEVER);
        }
        Trigger trigger = implied != null ? implied : trigger(ctx, assigner);
        if (trigger == null) return null;
        if (assigner.isMerging() && !trigger.canMerge()) {
            ctx.error("trigger", "a session window merges windows, and the " + trigger.describe() + " cannot merge");
            return null;
        }
        Evictor evictor = impliedEvictor != null ? impliedEvictor : evictor(ctx);
        long lateness = p.duration("allowedLateness");
        if (lateness < 0) return null;
        if (lateness > 0 && !assigner.isEventTime()) {
            ctx.warning("allowedLateness", "allowed lateness applies to event-time windows only; Flink ignores it here");
        }
        boolean usesDelta = p.string("trigger").equals("delta") || p.string("evictor").equals("delta");
        DeltaFunction delta = usesDelta ? deltaFunction(ctx) : null;
        return function(ctx, in, key, assigner, trigger, evictor, lateness, delta);
    }

    /** Tumbling, sliding or session windows from the shared parameters (also used by the window join). */
    static WindowAssigner timeAssigner(BindContext ctx, Schema in, String kind, boolean event) {
        Params p = ctx.params();
        switch (kind) {
            case "tumbling": {
                Long size = need(ctx, "size", "a tumbling window needs a size, e.g. \"10s\"");
                if (size == null) return null;
                return new WindowAssigner.Tumbling(size, offsetWithin(ctx, size, "size"), event);
            }
            case "sliding": {
                Long size = need(ctx, "size", "a sliding window needs a size, e.g. \"10s\"");
                Long slide = need(ctx, "slide", "a sliding window needs a slide, e.g. \"5s\"");
                if (size == null || slide == null) return null;
                return new WindowAssigner.Sliding(size, slide, offsetWithin(ctx, slide, "slide"), event);
            }
            default: {
                CompiledExpression dyn = null;
                Long gap = p.duration("gap");
                if (p.isSet("dynamicGap")) {
                    dyn = ctx.expression("dynamicGap", p.string("dynamicGap"), in, DataType.BIGINT);
                    if (dyn == null) return null;
                    if (gap != null) ctx.error("gap", "set either gap or dynamicGap, not both");
                } else if (gap == null || gap <= 0) {
                    if (!p.isMalformed("gap")) ctx.error("gap", gap == null ? "a session window needs a gap, e.g. \"30s\"" : "the gap must be above 0");
                    return null;
                }
                return new WindowAssigner.Sessions(gap == null ? 0 : gap, dyn, event);
            }
        }
    }

    private static Binding function(BindContext ctx, Schema in, KeyInfo key, WindowAssigner assigner, Trigger trigger,
                                    Evictor evictor, long lateness, DeltaFunction delta) {
        Params p = ctx.params();
        List<Field> fields = new ArrayList<>();
        int keyColumns = 0;
        if (key != null) {
            boolean allInInput = key.columns().stream().allMatch(c -> in.has(c.name()) && in.typeOf(c.name()).equals(c.type()));
            boolean aggregate = p.string("function").equals("aggregate");
            if (aggregate || !allInInput) {
                fields.addAll(key.columns());
                keyColumns = key.columns().size();
            }
        }
        fields.add(new Field("window_start", DataType.TIMESTAMP));
        fields.add(new Field("window_end", DataType.TIMESTAMP));
        WindowFunction function;
        if (p.string("function").equals("aggregate")) {
            if (!p.isSet("aggregates")) {
                ctx.error("aggregates", "the aggregate function needs aggregates, e.g. {\"n\": \"COUNT(*)\"}");
                return null;
            }
            List<AggregateCall> calls = new ArrayList<>();
            AggregateParams.read(ctx, in, calls, fields);
            function = new WindowFunction.Aggregate(new Aggregates(calls), keyColumns);
        } else if (p.string("function").equals("reduce")) {
            if (!p.isSet("combine")) {
                ctx.error("combine", "the reduce function needs combine, e.g. {\"total\": \"sum\"}; fields without a combiner keep"
                        + " the first record's value");
                return null;
            }
            function = new WindowFunction.Reduce(CombineParams.read(ctx, in), keyColumns);
            fields.addAll(in.fields());
        } else {
            int orderBy = -1;
            if (p.isSet("orderBy")) {
                orderBy = in.indexOf(p.string("orderBy"));
                if (orderBy < 0) {
                    ctx.error("orderBy", "no input field \"" + p.string("orderBy") + "\"; the input has " + String.join(", ", in.names()));
                    return null;
                }
            }
            Long limit = p.integer("limit");
            function = new WindowFunction.Elements(keyColumns, orderBy, p.bool("descending"), limit == null ? 0 : limit.intValue());
            fields.addAll(in.fields());
        }
        Schema out;
        try {
            out = new Schema(fields);
        } catch (IllegalArgumentException e) {
            if (p.string("function").equals("aggregate")) {
                ctx.error("aggregates", e.getMessage() + "; window_start and window_end and the key's columns are taken");
            } else {
                ctx.error("function", e.getMessage() + ": each result is " + (keyColumns > 0 ? "the key's columns (the key is computed), " : "")
                        + "window_start, window_end and the record's fields; rename the field with a map before the window");
            }
            return null;
        }
        boolean batch = ctx.mode() == RuntimeMode.BATCH;
        Map<String, Schema> ports = Bindings.outWithErrors(out);
        ports.put(WindowOperator.LATE_PORT, in);
        WindowFunction f = function;
        dev.eddy.runtime.KeySelector selector = key == null ? null : key.selector();
        // Flink runs a keyed global window with the end-of-stream trigger on sorted input even when streaming (FLIP-331).
        boolean sorted = !batch && selector != null && assigner instanceof WindowAssigner.Global && trigger == Triggers.END_OF_STREAM;
        OperatorFactory factory = sorted
                ? () -> new SortedInputOperator(selector, new WindowOperator(in, selector, assigner, trigger, evictor, lateness, f, true))
                : SlicedWindowOperator.applies(assigner, trigger, evictor, lateness, f, batch, ctx.settings().checkpointInterval() != null)
                ? () -> new SlicedWindowOperator(in, selector, (WindowAssigner.Sliding) assigner, (WindowFunction.Aggregate) f)
                : () -> new WindowOperator(in, selector, assigner, trigger, evictor, lateness, f, batch);
        return Binding.operator(ports, factory)
                .with(traits(assigner, trigger, evictor))
                .withParts(new WindowParts(assigner, f, delta));
    }

    private static StreamTraits traits(WindowAssigner assigner, Trigger trigger, Evictor evictor) {
        boolean globalKeepsAll = assigner instanceof WindowAssigner.Global && evictor == null && !trigger.purges();
        String growing = globalKeepsAll ? "a global window keeps every record it is given unless its trigger purges or an evictor removes them" : null;
        return new StreamTraits(assigner.isEventTime(), false, false, growing);
    }

    private static Trigger trigger(BindContext ctx, WindowAssigner assigner) {
        Params p = ctx.params();
        Trigger t;
        switch (p.string("trigger")) {
            case "event-time": t = Triggers.EVENT_TIME; break;
            case "processing-time": t = Triggers.PROCESSING_TIME; break;
            case "count": {
                Long n = p.integer("triggerCount");
                if (n == null) {
                    ctx.error("triggerCount", "a count trigger needs triggerCount, e.g. 10");
                    return null;
                }
                t = Triggers.count(n);
                break;
            }
            case "continuous-event-time": case "continuous-processing-time": {
                Long interval = p.duration("triggerInterval");
                if (interval == null || interval <= 0) {
                    ctx.error("triggerInterval", "a continuous trigger needs a triggerInterval above 0, e.g. \"5s\"");
                    return null;
                }
                t = p.string("trigger").equals("continuous-event-time") ? Triggers.continuousEventTime(interval)
                        : Triggers.continuousProcessingTime(interval);
                break;
            }
            case "delta": {
                DeltaFunction fn = deltaFunction(ctx);
                Double threshold = p.number("deltaThreshold");
                if (threshold == null) ctx.error("deltaThreshold", "a delta trigger needs deltaThreshold, e.g. 50");
                if (fn == null || threshold == null) return null;
                t = Triggers.delta(fn, threshold);
                break;
            }
            case "end-of-stream": t = Triggers.END_OF_STREAM; break;
            case "never": t = Triggers.NEVER; break;
            default:
                t = assigner.defaultTrigger();
                if (t == Triggers.NEVER) {
                    ctx.warning("trigger", "a global window never fires on its own (Flink's NeverTrigger); choose a trigger");
                }
        }
        return p.bool("purging") ? Triggers.purging(t) : t;
    }

    private static Evictor evictor(BindContext ctx) {
        Params p = ctx.params();
        boolean after = p.bool("evictAfter");
        switch (p.string("evictor")) {
            case "count": {
                Long n = p.integer("evictorCount");
                if (n == null) {
                    ctx.error("evictorCount", "a count evictor needs evictorCount, e.g. 3");
                    return null;
                }
                return Evictor.count(n, after);
            }
            case "time": {
                Long d = p.duration("evictorTime");
                if (d == null) {
                    ctx.error("evictorTime", "a time evictor needs evictorTime, e.g. \"2s\"");
                    return null;
                }
                return Evictor.time(d, after);
            }
            case "delta": {
                DeltaFunction fn = deltaFunction(ctx);
                Double threshold = p.number("evictorDelta");
                if (threshold == null) ctx.error("evictorDelta", "a delta evictor needs evictorDelta, e.g. 50");
                return fn == null || threshold == null ? null : Evictor.delta(fn, threshold, after);
            }
            default:
                return null;
        }
    }

    private static DeltaFunction deltaFunction(BindContext ctx) {
        if (!ctx.params().isSet("deltaOf")) {
            ctx.error("deltaOf", "a delta trigger or evictor needs deltaOf, a number per record such as `distance`");
            return null;
        }
        CompiledExpression value = ctx.expression("deltaOf", ctx.params().string("deltaOf"), ctx.input(), null);
        if (value == null) return null;
        if (!value.type().isNumeric()) {
            ctx.error("deltaOf", "`" + value.text() + "` is " + value.type() + "; a delta needs a number");
            return null;
        }
        return new DeltaFunction(value, ctx.params().bool("deltaAbsolute"));
    }

    private static Long need(BindContext ctx, String param, String message) {
        Long v = ctx.params().duration(param);
        if (v == null) {
            if (!ctx.params().isMalformed(param)) ctx.error(param, message);
            return null;
        }
        if (v <= 0) {
            ctx.error(param, "must be above 0");
            return null;
        }
        return v;
    }

    /** Flink's assigners require |offset| < size (tumbling) or slide (sliding). */
    private static long offsetWithin(BindContext ctx, long bound, String boundName) {
        long offset = ctx.params().duration("offset");
        if (Math.abs(offset) >= bound) {
            ctx.error("offset", "the offset must be smaller than the " + boundName + " (" + Durations.format(bound) + ") in absolute value");
        }
        return offset;
    }
}
