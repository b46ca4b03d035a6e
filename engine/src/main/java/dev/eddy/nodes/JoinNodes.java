package dev.eddy.nodes;

import static dev.eddy.catalog.ParamKind.BOOLEAN;
import static dev.eddy.catalog.ParamKind.DURATION;
import static dev.eddy.catalog.ParamSpec.choice;
import static dev.eddy.catalog.ParamSpec.optional;
import static dev.eddy.catalog.ParamSpec.required;
import static dev.eddy.nodes.NodeTypeBuilder.type;

import dev.eddy.catalog.BindContext;
import dev.eddy.catalog.Binding;
import dev.eddy.catalog.Category;
import dev.eddy.catalog.KeyInfo;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.PortSpec;
import dev.eddy.model.RuntimeMode;
import dev.eddy.operators.join.IntervalJoinOperator;
import dev.eddy.operators.join.WindowJoinOperator;
import dev.eddy.operators.window.WindowAssigner;
import dev.eddy.operators.window.WindowFunction;
import dev.eddy.operators.window.WindowOperator;
import dev.eddy.runtime.KeySelector;
import dev.eddy.types.DataType;
import dev.eddy.types.Field;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Joins of two keyed streams: by window, and by a time interval around each record. */
final class JoinNodes {
    private static final PortSpec LEFT = new PortSpec("left", "the left stream, straight from a key-by", false, false);
    private static final PortSpec RIGHT = new PortSpec("right", "the right stream, straight from a key-by on a key of the same type", false, false);

    private JoinNodes() {}

    static List<NodeType> all() { return List.of(windowJoin(), intervalJoin()); }

    static NodeType windowJoin() {
        return type("window-join", Category.TIME).title("Window join")
                .summary("Pairs the records of two keyed streams that share a key and a window")
                .concept("Flink's a.join(b).where(...).equalTo(...).window(...): when a window fires, every left record of a"
                        + " key in it is paired with every right record of that key in it (an inner join per window)."
                        + " Each result carries the window's end - 1 as its timestamp; a record that falls in no shared"
                        + " window joins nothing.")
                .param(choice("assigner", "tumbling", "which windows records belong to", "tumbling", "sliding", "session"))
                .param(choice("time", "event", "event time or processing time", "event", "processing"))
                .param(optional("size", DURATION, "tumbling and sliding: the window length"))
                .param(optional("slide", DURATION, "sliding: how far apart window starts are"))
                .param(optional("offset", DURATION, "0ms", "tumbling and sliding: shifts window starts").atLeast(Long.MIN_VALUE))
                .param(optional("gap", DURATION, "session: the inactivity that closes a session"))
                .input(LEFT).input(RIGHT).output(PortSpec.OUT)
                .onFlink("DataStream#join(..).where(..).equalTo(..).window(..)")
                .bind(JoinNodes::bindWindowJoin);
    }

    static NodeType intervalJoin() {
        return type("interval-join", Category.TIME).title("Interval join")
                .summary("Pairs each record with the other stream's records of the same key within a time interval")
                .concept("Flink's a.keyBy(..).intervalJoin(b.keyBy(..)).between(lower, upper): a left record at time t joins"
                        + " the right records of its key with timestamps in [t + lower, t + upper]. Results carry the larger"
                        + " of the two timestamps. Records are kept only as long as something could still join them; a"
                        + " record behind the watermark is late and goes to leftLate or rightLate.")
                .param(required("lowerBound", DURATION, "the interval's start relative to a left record, e.g. \"-2s\"").atLeast(Long.MIN_VALUE))
                .param(required("upperBound", DURATION, "the interval's end relative to a left record, e.g. \"1s\"").atLeast(Long.MIN_VALUE))
                .param(optional("lowerBoundExclusive", BOOLEAN, false, "leave the lower bound out of the interval"))
                .param(optional("upperBoundExclusive", BOOLEAN, false, "leave the upper bound out of the interval"))
                .input(LEFT).input(RIGHT).output(PortSpec.OUT)
                .output(new PortSpec(IntervalJoinOperator.LEFT_LATE, "left records behind the watermark", false, true))
                .output(new PortSpec(IntervalJoinOperator.RIGHT_LATE, "right records behind the watermark", false, true))
                .onFlink("KeyedStream#intervalJoin(..).between(..)")
                .bind(JoinNodes::bindIntervalJoin);
    }

    /** Both inputs keyed, on keys of the same types; null after reporting otherwise. */
    private static KeyInfo[] keys(BindContext ctx) {
        KeyInfo l = ctx.inputKey("left");
        KeyInfo r = ctx.inputKey("right");
        if (l == null || r == null) {
            ctx.error(null, "both inputs of a join must come straight from a key-by (in Flink, joins are on keyed streams)");
            return null;
        }
        List<DataType> lt = l.columns().stream().map(Field::type).toList();
        List<DataType> rt = r.columns().stream().map(Field::type).toList();
        if (!lt.equals(rt)) {
            ctx.error(null, "the left key is " + lt + " but the right key is " + rt + "; equal keys must have equal types to meet");
            return null;
        }
        return new KeyInfo[] {l, r};
    }

    /** Left fields, then right fields; a right field whose name is taken gets the prefix right_. */
    private static Schema joined(Schema left, Schema right) {
        List<Field> fields = new ArrayList<>(left.fields());
        for (Field f : right.fields()) fields.add(left.has(f.name()) ? new Field("right_" + f.name(), f.type()) : f);
        return new Schema(fields);
    }

    private static Binding bindWindowJoin(BindContext ctx) {
        KeyInfo[] keys = keys(ctx);
        Schema left = ctx.inputs("left").isEmpty() ? null : ctx.inputs("left").get(0);
        Schema right = ctx.inputs("right").isEmpty() ? null : ctx.inputs("right").get(0);
        if (keys == null || left == null || right == null) return null;
        boolean event = ctx.params().string("time").equals("event");
        WindowAssigner assigner = WindowNode.timeAssigner(ctx, left, ctx.params().string("assigner"), event);
        if (assigner == null) return null;
        Schema out = joined(left, right);
        KeySelector lk = keys[0].selector();
        KeySelector rk = keys[1].selector();
        KeySelector tagged = row -> (Long) row.get(0) == 0 ? lk.getKey((Row) row.get(1)) : rk.getKey((Row) row.get(1));
        Schema taggedSchema = Schema.of("input", DataType.BIGINT, "record", DataType.STRING);
        boolean batch = ctx.mode() == RuntimeMode.BATCH;
        return Binding.operator(Bindings.out(out), () -> new WindowJoinOperator(new WindowOperator(taggedSchema, tagged, assigner,
                assigner.defaultTrigger(), null, 0, new WindowFunction.Join(), batch)))
                .with(event ? dev.eddy.catalog.StreamTraits.eventTime() : dev.eddy.catalog.StreamTraits.NONE)
                .withParts(new dev.eddy.operators.window.WindowParts(assigner, new WindowFunction.Join(), null));
    }

    private static Binding bindIntervalJoin(BindContext ctx) {
        KeyInfo[] keys = keys(ctx);
        Schema left = ctx.inputs("left").isEmpty() ? null : ctx.inputs("left").get(0);
        Schema right = ctx.inputs("right").isEmpty() ? null : ctx.inputs("right").get(0);
        if (keys == null || left == null || right == null) return null;
        Long lowerBound = ctx.params().duration("lowerBound");
        Long upperBound = ctx.params().duration("upperBound");
        if (lowerBound == null || upperBound == null) return null; // a missing bound is reported as a missing parameter
        long lower = lowerBound;
        long upper = upperBound;
        if (ctx.params().bool("lowerBoundExclusive")) lower += 1;
        if (ctx.params().bool("upperBoundExclusive")) upper -= 1;
        if (lower > upper) {
            ctx.error("lowerBound", "the interval is empty: lowerBound must not be above upperBound");
            return null;
        }
        Map<String, Schema> ports = Bindings.out(joined(left, right));
        ports.put(IntervalJoinOperator.LEFT_LATE, left);
        ports.put(IntervalJoinOperator.RIGHT_LATE, right);
        long lo = lower;
        long up = upper;
        KeySelector lk = keys[0].selector();
        KeySelector rk = keys[1].selector();
        // Flink's interval join works in event time only.
        return Binding.operator(ports, () -> new IntervalJoinOperator(lk, rk, lo, up)).with(dev.eddy.catalog.StreamTraits.eventTime());
    }
}
