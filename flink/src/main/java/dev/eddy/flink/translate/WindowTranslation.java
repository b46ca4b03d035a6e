package dev.eddy.flink.translate;

import static dev.eddy.flink.translate.Code.call;
import static dev.eddy.flink.translate.Code.lit;
import static dev.eddy.flink.translate.Code.make;
import static dev.eddy.flink.translate.Code.millis;

import dev.eddy.flink.runtime.AllWindowElements;
import dev.eddy.flink.runtime.AllWindowResult;
import dev.eddy.flink.runtime.Delta;
import dev.eddy.flink.runtime.EddySerializer;
import dev.eddy.flink.runtime.EddyTypes;
import dev.eddy.flink.runtime.IntervalJoinRows;
import dev.eddy.flink.runtime.JoinRows;
import dev.eddy.flink.runtime.KeyFunction;
import dev.eddy.flink.runtime.Ports;
import dev.eddy.flink.runtime.SessionGap;
import dev.eddy.flink.runtime.WindowAggregate;
import dev.eddy.flink.runtime.WindowElements;
import dev.eddy.flink.runtime.WindowReduce;
import dev.eddy.flink.runtime.WindowResult;
import dev.eddy.model.Node;
import dev.eddy.operators.window.WindowAssigner;
import dev.eddy.operators.window.WindowParts;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.GlobalWindows;
import org.apache.flink.streaming.api.windowing.assigners.ProcessingTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingProcessingTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import org.apache.flink.streaming.api.windowing.evictors.CountEvictor;
import org.apache.flink.streaming.api.windowing.evictors.DeltaEvictor;
import org.apache.flink.streaming.api.windowing.evictors.TimeEvictor;
import org.apache.flink.streaming.api.windowing.triggers.ContinuousEventTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.CountTrigger;
import org.apache.flink.streaming.api.windowing.triggers.DeltaTrigger;
import org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.PurgingTrigger;

/** Windows and the two joins, with Flink's assigners, triggers and evictors and Eddy's functions. */
final class WindowTranslation {
    private WindowTranslation() {}

    static void window(FlinkTranslator t, Node n) {
        var p = FlinkTranslator.params(n);
        WindowParts parts = t.validation.bindings().get(n.id()).parts(WindowParts.class);
        boolean keyed = t.upstreamNode(n, "in").type().equals("key-by");
        String all = keyed ? "" : "All";
        Code w;
        if (p.string("assigner").equals("count")) {
            Code size = lit(p.integer("count"));
            w = p.isSet("countSlide") ? t.input(n, "in").then("countWindow" + all, size, lit(p.integer("countSlide")))
                    : t.input(n, "in").then("countWindow" + all, size);
        } else {
            boolean endOfStream = p.string("trigger").equals("end-of-stream");
            w = t.input(n, "in").then("window" + all, assigner(t, n, parts.assigner(), endOfStream));
            Code trigger = trigger(t, n, parts.assigner());
            if (trigger != null) w = w.then("trigger", trigger);
            Code evictor = evictor(t, n);
            if (evictor != null) w = w.then("evictor", evictor);
        }
        long lateness = p.duration("allowedLateness");
        if (lateness > 0) w = w.then("allowedLateness", millis(lateness));
        if (t.connected(n, "late")) w = w.then("sideOutputLateData", call(Ports.class, "tag", lit(n.id()), lit("late")));
        Class<?> result = keyed ? WindowResult.class : AllWindowResult.class;
        if (p.string("function").equals("aggregate")) {
            w = w.then("aggregate", t.fn(WindowAggregate.class, n), t.fnGeneric(result, n),
                    call(EddyTypes.class, "accumulators"), call(EddyTypes.class, "accumulators"), call(EddyTypes.class, "rows"));
        } else if (p.string("function").equals("reduce")) {
            w = w.then("reduce", t.fn(WindowReduce.class, n), t.fnGeneric(result, n), call(EddyTypes.class, "rows"));
        } else {
            w = w.then("process", t.fnGeneric(keyed ? WindowElements.class : AllWindowElements.class, n), call(EddyTypes.class, "rows"));
        }
        t.declare(n, FlinkTranslator.OPERATOR, t.named(n, w), true);
    }

    static Code assigner(FlinkTranslator t, Node n, WindowAssigner a, boolean endOfStream) {
        if (a instanceof WindowAssigner.Tumbling tw) {
            return call(tw.isEventTime() ? TumblingEventTimeWindows.class : TumblingProcessingTimeWindows.class, "of",
                    millis(tw.size()), millis(tw.offset()));
        }
        if (a instanceof WindowAssigner.Sliding sw) {
            return call(sw.isEventTime() ? SlidingEventTimeWindows.class : SlidingProcessingTimeWindows.class, "of",
                    millis(sw.size()), millis(sw.slide()), millis(sw.offset()));
        }
        if (a instanceof WindowAssigner.Sessions s) {
            Class<?> c = s.isEventTime() ? EventTimeSessionWindows.class : ProcessingTimeSessionWindows.class;
            return s.gapExpression() != null ? call(c, "withDynamicGap", t.fn(SessionGap.class, n)) : call(c, "withGap", millis(s.gap()));
        }
        return call(GlobalWindows.class, endOfStream ? "createWithEndOfStreamTrigger" : "create");
    }

    /** The trigger to set, or null for the assigner's own (which GlobalWindows' end-of-stream variant brings). */
    private static Code trigger(FlinkTranslator t, Node n, WindowAssigner a) {
        var p = FlinkTranslator.params(n);
        Code trigger = switch (p.string("trigger")) {
            case "event-time" -> call(EventTimeTrigger.class, "create");
            case "processing-time" -> call(ProcessingTimeTrigger.class, "create");
            case "count" -> call(CountTrigger.class, "of", lit(p.integer("triggerCount")));
            case "continuous-event-time" -> call(ContinuousEventTimeTrigger.class, "of", millis(p.duration("triggerInterval")));
            case "continuous-processing-time" -> call(ContinuousProcessingTimeTrigger.class, "of", millis(p.duration("triggerInterval")));
            case "delta" -> call(DeltaTrigger.class, "of", lit(p.number("deltaThreshold")), t.fn(Delta.class, n),
                    call(EddySerializer.class, "rows"));
            default -> null;
        };
        if (!p.bool("purging")) return trigger;
        if (trigger == null) {
            // PurgingTrigger wraps the assigner's default trigger.
            if (a instanceof WindowAssigner.Global) {
                trigger = p.string("trigger").equals("end-of-stream") ? null : make(GlobalWindows.NeverTrigger.class);
                if (trigger == null) return null;
            } else {
                trigger = call(a.isEventTime() ? EventTimeTrigger.class : ProcessingTimeTrigger.class, "create");
            }
        }
        return call(PurgingTrigger.class, "of", trigger);
    }

    private static Code evictor(FlinkTranslator t, Node n) {
        var p = FlinkTranslator.params(n);
        Code after = lit(p.bool("evictAfter"));
        return switch (p.string("evictor")) {
            case "count" -> call(CountEvictor.class, "of", lit(p.integer("evictorCount")), after);
            case "time" -> call(TimeEvictor.class, "of", millis(p.duration("evictorTime")), after);
            case "delta" -> call(DeltaEvictor.class, "of", lit(p.number("evictorDelta")), t.fn(Delta.class, n), after);
            default -> null;
        };
    }

    static void windowJoin(FlinkTranslator t, Node n) {
        WindowParts parts = t.validation.bindings().get(n.id()).parts(WindowParts.class);
        Node leftKey = t.upstreamNode(n, "left");
        Node rightKey = t.upstreamNode(n, "right");
        Code join = t.input(n, "left").then("join", t.input(n, "right"))
                .then("where", t.fn(KeyFunction.class, leftKey), call(EddyTypes.class, "keys"))
                .then("equalTo", t.fn(KeyFunction.class, rightKey), call(EddyTypes.class, "keys"))
                .then("window", assigner(t, n, parts.assigner(), false))
                .then("apply", make(JoinRows.class), call(EddyTypes.class, "rows"));
        t.declare(n, FlinkTranslator.OPERATOR, t.named(n, join), false);
    }

    static void intervalJoin(FlinkTranslator t, Node n) {
        var p = FlinkTranslator.params(n);
        Code join = t.input(n, "left").then("intervalJoin", t.input(n, "right"))
                .then("between", millis(p.duration("lowerBound")), millis(p.duration("upperBound")));
        if (p.bool("lowerBoundExclusive")) join = join.then("lowerBoundExclusive");
        if (p.bool("upperBoundExclusive")) join = join.then("upperBoundExclusive");
        if (t.connected(n, "leftLate")) join = join.then("sideOutputLeftLateData", call(Ports.class, "tag", lit(n.id()), lit("leftLate")));
        if (t.connected(n, "rightLate")) join = join.then("sideOutputRightLateData", call(Ports.class, "tag", lit(n.id()), lit("rightLate")));
        join = join.then("process", make(IntervalJoinRows.class), call(EddyTypes.class, "rows"));
        t.declare(n, FlinkTranslator.OPERATOR, t.named(n, join), false);
    }
}
