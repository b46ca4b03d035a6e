package dev.eddy.flink.nativejob;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.eddy.catalog.Params;
import dev.eddy.expr.CompiledExpression;
import dev.eddy.flink.nativejob.JavaExpressions.NotNative;
import dev.eddy.flink.nativejob.RecordClasses.RecordClass;
import dev.eddy.types.DataType;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.windowing.delta.DeltaFunction;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.ProcessingTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SessionWindowTimeGapExtractor;
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

/**
 * A window's trigger, evictor and dynamic session gap as Flink's own classes: CountTrigger,
 * the continuous triggers, DeltaTrigger over a DeltaFunction of the node's {@code deltaOf}, each
 * wrapped in a PurgingTrigger when the node purges; CountEvictor, TimeEvictor and DeltaEvictor,
 * before or after the function; a SessionWindowTimeGapExtractor computing the gap per record.
 */
final class NativeTriggers {
    private NativeTriggers() {}

    /** {@code .trigger(...)} for the node, or nothing when the assigner's own trigger is kept. */
    static CodeBlock trigger(NativeJob job, Params p, RecordClass r) {
        String name = p.string("trigger");
        CodeBlock t = switch (name) {
            case "default", "end-of-stream", "never" -> null;
            case "event-time" -> CodeBlock.of("$T.create()", EventTimeTrigger.class);
            case "processing-time" -> CodeBlock.of("$T.create()", ProcessingTimeTrigger.class);
            case "count" -> CodeBlock.of("$T.of($LL)", CountTrigger.class, p.integer("triggerCount"));
            case "continuous-event-time" -> CodeBlock.of("$T.of($L)", ContinuousEventTimeTrigger.class, NativeJob.duration(p.duration("triggerInterval")));
            case "continuous-processing-time" -> CodeBlock.of("$T.of($L)", ContinuousProcessingTimeTrigger.class,
                    NativeJob.duration(p.duration("triggerInterval")));
            case "delta" -> CodeBlock.of("$T.of($L, $L,\n$>$T.of($T.class).createSerializer(env.getConfig().getSerializerConfig()))$<",
                    DeltaTrigger.class, p.number("deltaThreshold"), delta(job, p, r), TypeInformation.class, r.name);
            default -> throw new NotNative("the " + name + " trigger has no native translation");
        };
        if (p.bool("purging")) {
            if (t == null) throw new NotNative("a purging " + name + " trigger has no native translation (purge an explicit trigger)");
            t = CodeBlock.of("$T.of($L)", PurgingTrigger.class, t);
        }
        return t == null ? CodeBlock.of("") : CodeBlock.of("\n.trigger($L)", t);
    }

    /** Refuses the triggers that only an assigner's own choice gives in Flink. */
    static void checkFitsAssigner(Params p, String assigner) {
        String name = p.string("trigger");
        if (name.equals("end-of-stream")) {
            // Tried: a job with GlobalWindows.createWithEndOfStreamTrigger() (which Flink runs on sorted input, FLIP-331) never
            // finished in NativeExportTest's MiniCluster, which checkpoints for the file sinks.
            throw new NotNative("Flink's GlobalWindows.createWithEndOfStreamTrigger() runs on sorted input, and a job with it did not"
                    + " finish in a test with checkpoints on; not written natively yet");
        }
        if (name.equals("never") && !assigner.equals("global")) {
            throw new NotNative("Flink's NeverTrigger is GlobalWindows' own; other assigners cannot take it");
        }
    }

    /** {@code .evictor(...)} for the node, or nothing. */
    static CodeBlock evictor(NativeJob job, Params p, RecordClass r) {
        boolean after = p.bool("evictAfter");
        return switch (p.string("evictor")) {
            case "none" -> CodeBlock.of("");
            case "count" -> CodeBlock.of("\n.evictor($T.of($LL, $L))", CountEvictor.class, p.integer("evictorCount"), after);
            case "time" -> CodeBlock.of("\n.evictor($T.of($L, $L))", TimeEvictor.class, NativeJob.duration(p.duration("evictorTime")), after);
            case "delta" -> CodeBlock.of("\n.evictor($T.of($L, $L, $L))", DeltaEvictor.class, p.number("evictorDelta"), delta(job, p, r), after);
            default -> throw new NotNative("the " + p.string("evictor") + " evictor has no native translation");
        };
    }

    /**
     * Flink's DeltaFunction of the node's {@code deltaOf}: the newer value minus the older (or its
     * absolute value); NaN when either is NULL, which is above no threshold, as Eddy's NULL delta
     * neither fires nor evicts.
     */
    private static CodeBlock delta(NativeJob job, Params p, RecordClass r) {
        CompiledExpression value = job.compile(p.string("deltaOf"), r.schema, null);
        CodeBlock older = asDouble(job, value, new JavaExpressions(job.sql, f -> r.get("older", f.index())).of(value.ast()));
        CodeBlock newer = asDouble(job, value, new JavaExpressions(job.sql, f -> r.get("newer", f.index())).of(value.ast()));
        TypeName fn = ParameterizedTypeName.get(com.palantir.javapoet.ClassName.get(DeltaFunction.class), r.name);
        String difference = p.bool("deltaAbsolute") ? "Math.abs(b - a)" : "b - a";
        return CodeBlock.builder().add("($T) (older, newer) -> {\n$>", fn)
                .add("$T a = $L;\n$T b = $L;\n", Double.class, older, Double.class, newer)
                .add("return a == null || b == null ? $T.NaN : $L;\n", Double.class, difference)
                .add("$<}").build();
    }

    private static CodeBlock asDouble(NativeJob job, CompiledExpression value, CodeBlock java) {
        return value.type().kind() == DataType.Kind.DOUBLE ? java : CodeBlock.of("$T.toDouble($L)", job.sql, java);
    }

    /** A session assigner with the gap of each record: the node's BIGINT expression, a record without one failing the job. */
    static CodeBlock dynamicGap(NativeJob job, Params p, RecordClass r, boolean event) {
        CompiledExpression gap = job.compile(p.string("dynamicGap"), r.schema, DataType.BIGINT);
        TypeName extractor = ParameterizedTypeName.get(com.palantir.javapoet.ClassName.get(SessionWindowTimeGapExtractor.class), r.name);
        CodeBlock fn = CodeBlock.builder().add("($T) r -> {\n$>", extractor)
                .add("$T gap = $L;\n", Long.class, job.java(gap, r))
                .add("if (gap == null) throw new $T($S);\n", IllegalArgumentException.class, "the session gap `" + gap.text() + "` is NULL")
                .add("return gap;\n$<}").build();
        return CodeBlock.of("$T.withDynamicGap($L)", event ? EventTimeSessionWindows.class : ProcessingTimeSessionWindows.class, fn);
    }
}
