package dev.eddy.flink.nativejob;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.eddy.catalog.Params;
import dev.eddy.flink.nativejob.NativeJob.Stream;
import dev.eddy.flink.nativejob.RecordClasses.RecordClass;
import dev.eddy.model.Node;
import dev.eddy.operators.AggregateCall;
import dev.eddy.types.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessAllWindowFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.GlobalWindows;
import org.apache.flink.streaming.api.windowing.assigners.ProcessingTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingProcessingTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.GlobalWindow;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Rolling aggregates and windows as a person writes them in Flink: an AggregateFunction for the
 * aggregates, a KeyedProcessFunction with value state for the running ones, and for windows
 * Flink's assigner, lateness and late side output, with a ProcessWindowFunction that adds the
 * key and the window's bounds to the result.
 */
final class NativeWindows {
    private NativeWindows() {}

    /** The aggregates parameter as calls over the input record. */
    private static List<AggregateClasses.Call> calls(Params p, RecordClass in) {
        List<AggregateClasses.Call> calls = new ArrayList<>();
        for (Map.Entry<String, String> a : p.textMap("aggregates").entrySet()) {
            AggregateCall.Parsed parsed = AggregateCall.parse(a.getValue());
            boolean star = parsed.field().equals("*");
            int field = star ? -1 : in.schema.indexOf(parsed.field());
            var result = AggregateCall.resultType(parsed.function(), star ? dev.eddy.types.DataType.BIGINT : in.schema.field(field).type());
            calls.add(new AggregateClasses.Call(a.getKey(), RecordClasses.identifier(a.getKey()), parsed.function(), parsed.field(),
                    star ? null : in.get("r", field), result));
        }
        return calls;
    }

    /** The output record's arguments after the key and bounds: each aggregate's result, read from {@code acc}. */
    private static List<CodeBlock> results(List<AggregateClasses.Call> calls) {
        List<CodeBlock> out = new ArrayList<>();
        for (AggregateClasses.Call c : calls) out.add(CodeBlock.of("acc.$L()", c.javaName()));
        return out;
    }

    /** Writes the node's {@code <Node>Aggregate} class; returns its name. */
    private static ClassName aggregateFunction(NativeJob job, Node n, Stream in, List<AggregateClasses.Call> calls) {
        ClassName aggregate = ClassName.get(job.pkg, RecordClasses.upperCamel(n.id()) + "Aggregate");
        job.classes.add(AggregateClasses.aggregateFunction(aggregate, in.record().name, calls, job.sql, n.id()));
        return aggregate;
    }

    static void rollingAggregate(NativeJob job, Node n, Params p) {
        Stream in = job.input(n, "in");
        if (!in.keyed()) throw new JavaExpressions.NotNative("a rolling aggregate needs a keyed stream");
        RecordClass out = job.records.of(job.validation.schema(n.id(), "out"), n.id());
        List<AggregateClasses.Call> calls = calls(p, in.record());
        ClassName aggregate = aggregateFunction(job, n, in, calls);
        ClassName acc = aggregate.nestedClass("Accumulator");
        ClassName running = ClassName.get(job.pkg, RecordClasses.upperCamel(n.id()) + "Running");
        List<CodeBlock> values = new ArrayList<>();
        values.addAll(in.keyValues(CodeBlock.of("context.getCurrentKey()")));
        values.addAll(results(calls));
        MethodSpec open = MethodSpec.methodBuilder("open").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addParameter(OpenContext.class, "openContext")
                .addStatement("accumulator = getRuntimeContext().getState(new $T<>($S, $T.class))", ValueStateDescriptor.class, "accumulator", acc)
                .build();
        ParameterizedTypeName superclass = ParameterizedTypeName.get(ClassName.get(KeyedProcessFunction.class), in.keyType(), in.record().name, out.name);
        MethodSpec process = MethodSpec.methodBuilder("processElement").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addParameter(in.record().name, "r").addParameter(superclass.nestedClass("Context"), "context")
                .addParameter(ParameterizedTypeName.get(ClassName.get(Collector.class), out.name), "out").addException(Exception.class)
                .addStatement("$T acc = accumulator.value()", acc)
                .addStatement("acc = aggregate.add(r, acc == null ? aggregate.createAccumulator() : acc)")
                .addStatement("accumulator.update(acc)")
                .addStatement("out.collect($L)", NativeJob.construct(out, values)).build();
        job.classes.add(TypeSpec.classBuilder(running).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The running aggregates of $S: each record updates its key's accumulator and emits the results so far.\n", n.id())
                .superclass(superclass)
                .addField(FieldSpec.builder(aggregate, "aggregate", Modifier.PRIVATE, Modifier.FINAL).initializer("new $T()", aggregate).build())
                .addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(ValueState.class), acc), "accumulator",
                        Modifier.PRIVATE, Modifier.TRANSIENT).build())
                .addMethod(open).addMethod(process).build());
        job.declare(n, out, CodeBlock.of("$L.process(new $T())", in.var(), running));
    }

    static void window(NativeJob job, Node n, Params p) {
        Stream in = job.input(n, "in");
        String functionKind = p.string("function");
        if (!functionKind.equals("aggregate") && !functionKind.equals("elements")) {
            throw new JavaExpressions.NotNative("the window function " + functionKind + " has no native translation yet (aggregate and elements do)");
        }
        boolean elements = functionKind.equals("elements");
        String assigner = p.string("assigner");
        if (assigner.equals("count") && (!p.string("trigger").equals("default") || !p.string("evictor").equals("none"))) {
            throw new JavaExpressions.NotNative("a count window is Flink's countWindow, with its own trigger and evictor; use a global"
                    + " window for another trigger or evictor");
        }
        NativeTriggers.checkFitsAssigner(p, assigner);
        CodeBlock trigger = NativeTriggers.trigger(job, p, in.record());
        CodeBlock evictor = NativeTriggers.evictor(job, p, in.record());
        boolean global = assigner.equals("count") || assigner.equals("global");
        TypeName windowType = ClassName.get(global ? GlobalWindow.class : TimeWindow.class);
        RecordClass out = job.records.of(job.validation.schema(n.id(), "out"), n.id());
        ClassName function = ClassName.get(job.pkg, RecordClasses.upperCamel(n.id()) + "Window");
        ClassName aggregate = null;
        if (elements) {
            job.classes.add(elementsFunction(function, n, p, in, out, windowType, global));
        } else {
            List<AggregateClasses.Call> calls = calls(p, in.record());
            aggregate = aggregateFunction(job, n, in, calls);
            job.classes.add(windowFunction(function, n, in, aggregate.nestedClass("Accumulator"), out, windowType, calls, global));
        }

        CodeBlock.Builder w = CodeBlock.builder().add("$L", in.var());
        String all = in.keyed() ? "" : "All";
        switch (assigner) {
            case "count" -> {
                if (p.isSet("countSlide")) w.add("\n.countWindow$L($L, $L)", all, p.integer("count"), p.integer("countSlide"));
                else w.add("\n.countWindow$L($L)", all, p.integer("count"));
            }
            case "global" -> w.add("\n.window$L($T.create())", all, GlobalWindows.class);
            default -> w.add("\n.window$L($L)", all, p.isSet("dynamicGap")
                    ? NativeTriggers.dynamicGap(job, p, in.record(), p.string("time").equals("event")) : assigner(p, assigner));
        }
        w.add(trigger).add(evictor);
        long lateness = p.duration("allowedLateness");
        if (lateness > 0) w.add("\n.allowedLateness($L)", NativeJob.duration(lateness));
        String lateTag = null;
        if (job.pipeline.edges().stream().anyMatch(e -> e.from().equals(n.id()) && e.outPort().equals("late"))) {
            lateTag = job.fresh(n.id() + " late");
            job.body.addStatement("$T<$T> $L = new $T<>($S) {}", OutputTag.class, in.record().name, lateTag, OutputTag.class, n.id() + "-late");
            w.add("\n.sideOutputLateData($L)", lateTag);
        }
        if (elements) w.add("\n.process(new $T())", function);
        else w.add("\n.aggregate(new $T(), new $T())", aggregate, function);
        if (lateTag == null) {
            job.declare(n, out, w.build());
            return;
        }
        String var = job.fresh(n.id());
        job.body.addStatement("$T<$T> $L = $L\n.name($S)$L", SingleOutputStreamOperator.class, out.name, var, w.build(), n.id(), job.parallelism(n));
        job.out.put(n.id(), new Stream(var, out));
        String late = job.fresh(n.id() + " too late");
        job.body.add("// The records too late for every window they belong to: the side output of $S\n", n.id());
        job.body.addStatement("$T<$T> $L = $L.getSideOutput($L)", org.apache.flink.streaming.api.datastream.DataStream.class, in.record().name,
                late, var, lateTag);
        job.out.put(n.id() + ".late", new Stream(late, in.record()));
    }

    static CodeBlock assigner(Params p, String assigner) {
        boolean event = p.string("time").equals("event");
        long offset = p.duration("offset");
        return switch (assigner) {
            case "tumbling" -> offset == 0
                    ? CodeBlock.of("$T.of($L)", event ? TumblingEventTimeWindows.class : TumblingProcessingTimeWindows.class, NativeJob.duration(p.duration("size")))
                    : CodeBlock.of("$T.of($L, $L)", event ? TumblingEventTimeWindows.class : TumblingProcessingTimeWindows.class,
                            NativeJob.duration(p.duration("size")), NativeJob.duration(offset));
            case "sliding" -> offset == 0
                    ? CodeBlock.of("$T.of($L, $L)", event ? SlidingEventTimeWindows.class : SlidingProcessingTimeWindows.class,
                            NativeJob.duration(p.duration("size")), NativeJob.duration(p.duration("slide")))
                    : CodeBlock.of("$T.of($L, $L, $L)", event ? SlidingEventTimeWindows.class : SlidingProcessingTimeWindows.class,
                            NativeJob.duration(p.duration("size")), NativeJob.duration(p.duration("slide")), NativeJob.duration(offset));
            case "session" -> CodeBlock.of("$T.withGap($L)", event ? EventTimeSessionWindows.class : ProcessingTimeSessionWindows.class,
                    NativeJob.duration(p.duration("gap")));
            default -> throw new JavaExpressions.NotNative("the " + assigner + " assigner has no native translation");
        };
    }

    /**
     * The ProcessWindowFunction of the elements function: the window's records, sorted by orderBy
     * (a stable sort, nulls last before a descending order reverses it) and cut to limit, each with
     * the window's bounds (and the key's columns first when the key is computed, not a field).
     */
    private static TypeSpec elementsFunction(ClassName name, Node n, Params p, Stream in, RecordClass out, TypeName window, boolean global) {
        RecordClass r = in.record();
        List<CodeBlock> values = keyAndBounds(in, out.schema.size() - 2 - r.schema.size() > 0, global);
        for (int i = 0; i < r.schema.size(); i++) values.add(r.get("r", i));
        ParameterizedTypeName superclass = in.keyed()
                ? ParameterizedTypeName.get(ClassName.get(ProcessWindowFunction.class), r.name, out.name, in.keyType(), window)
                : ParameterizedTypeName.get(ClassName.get(ProcessAllWindowFunction.class), r.name, out.name, window);
        MethodSpec.Builder process = MethodSpec.methodBuilder("process").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
        if (in.keyed()) process.addParameter(in.keyType(), "key");
        process.addParameter(superclass.nestedClass("Context"), "context")
                .addParameter(ParameterizedTypeName.get(ClassName.get(Iterable.class), r.name), "records")
                .addParameter(ParameterizedTypeName.get(ClassName.get(Collector.class), out.name), "out")
                .addStatement("$T<$T> chosen = new $T<>()", List.class, r.name, ArrayList.class)
                .addStatement("records.forEach(chosen::add)");
        if (p.isSet("orderBy")) {
            int field = r.schema.indexOf(p.string("orderBy"));
            process.addStatement("$T<$T> order = $T.comparing(r -> $L, $T.nullsLast($T.naturalOrder()))", java.util.Comparator.class, r.name,
                    java.util.Comparator.class, r.get("r", field), java.util.Comparator.class, java.util.Comparator.class);
            process.addStatement("chosen.sort($L)", p.bool("descending") ? "order.reversed()" : "order");
        }
        Long limit = p.integer("limit");
        if (limit != null) process.addStatement("if (chosen.size() > $L) chosen = chosen.subList(0, $L)", limit, limit);
        process.beginControlFlow("for ($T r : chosen)", r.name).addStatement("out.collect($L)", NativeJob.construct(out, values)).endControlFlow();
        return TypeSpec.classBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The records of each firing of a window of $S$L: $L.\n", n.id(),
                        p.isSet("orderBy") ? ", by " + p.string("orderBy") + (p.bool("descending") ? " from the largest" : "")
                                + (limit == null ? "" : ", the first " + limit) : "", String.join(", ", out.schema.names()))
                .superclass(superclass).addMethod(process.build()).build();
    }

    /** A result's first values: the key's columns (when it has them) and the window's bounds (null for the global window). */
    private static List<CodeBlock> keyAndBounds(Stream in, boolean withKey, boolean global) {
        List<CodeBlock> values = new ArrayList<>();
        if (withKey) values.addAll(in.keyValues(CodeBlock.of("key")));
        if (global) {
            values.add(CodeBlock.of("null"));
            values.add(CodeBlock.of("null"));
        } else {
            values.add(CodeBlock.of("$T.ofEpochMilli(context.window().getStart())", Instant.class));
            values.add(CodeBlock.of("$T.ofEpochMilli(context.window().getEnd())", Instant.class));
        }
        return values;
    }

    /** The ProcessWindowFunction that turns a window's accumulator into the output record: key, bounds, aggregates. */
    private static TypeSpec windowFunction(ClassName name, Node n, Stream in, ClassName acc, RecordClass out, TypeName window,
                                           List<AggregateClasses.Call> calls, boolean global) {
        List<CodeBlock> values = keyAndBounds(in, in.keyed(), global);
        values.addAll(results(calls));
        ParameterizedTypeName superclass = in.keyed()
                ? ParameterizedTypeName.get(ClassName.get(ProcessWindowFunction.class), acc, out.name, in.keyType(), window)
                : ParameterizedTypeName.get(ClassName.get(ProcessAllWindowFunction.class), acc, out.name, window);
        MethodSpec.Builder process = MethodSpec.methodBuilder("process").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
        if (in.keyed()) process.addParameter(in.keyType(), "key");
        process.addParameter(superclass.nestedClass("Context"), "context")
                .addParameter(ParameterizedTypeName.get(ClassName.get(Iterable.class), acc), "accumulators")
                .addParameter(ParameterizedTypeName.get(ClassName.get(Collector.class), out.name), "out")
                .addStatement("$T acc = accumulators.iterator().next()", acc)
                .addStatement("out.collect($L)", NativeJob.construct(out, values));
        Schema schema = out.schema;
        return TypeSpec.classBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("One record per firing of a window of $S: $L.\n", n.id(), String.join(", ", schema.names()))
                .superclass(superclass).addMethod(process.build()).build();
    }
}
