package dev.eddy.flink.nativejob;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.eddy.expr.CompiledExpression;
import dev.eddy.expr.Expr;
import dev.eddy.flink.nativejob.NativeJob.Stream;
import dev.eddy.flink.nativejob.RecordClasses.RecordClass;
import dev.eddy.model.Node;
import dev.eddy.process.CheckedProgram;
import dev.eddy.process.CompiledProgram;
import dev.eddy.state.StateSpec;
import dev.eddy.types.DataType;
import dev.eddy.types.Schema;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * A process program (and the nodes written as one: change alert, deduplicate, top-N) as the
 * KeyedProcessFunction a person would write: one Flink state per declared state, with its
 * time-to-live as a StateTtlConfig, the {@code on record} handler as processElement and
 * {@code on timer} as onTimer, statements as Java statements, side ports as OutputTags. The
 * program comes as the engine checked it ({@link CheckedProgram}), every expression typed.
 */
final class NativeProcess {
    private static final Set<String> TAKEN = Set.of("r", "context", "out", "timestamp", "key");

    private final NativeJob job;
    private final CheckedProgram program;
    private final Stream in;
    private final Map<String, RecordClass> ports = new LinkedHashMap<>();
    private final Map<String, String> tags = new HashMap<>();
    private final ClassName name;
    /** Locals visible where a statement is written: the program's name to the Java variable. */
    private Map<String, String> locals = new HashMap<>();
    private boolean timerHandler;

    private NativeProcess(NativeJob job, Node n, CheckedProgram program, Stream in) {
        this.job = job;
        this.program = program;
        this.in = in;
        this.name = ClassName.get(job.pkg, RecordClasses.upperCamel(n.id()) + "Process");
    }

    static void process(NativeJob job, Node n) {
        Stream in = job.input(n, "in");
        if (!in.keyed()) throw new JavaExpressions.NotNative("a process program needs a keyed stream");
        CheckedProgram program = ((CompiledProgram) job.validation.bindings().get(n.id()).parts()).checked();
        NativeProcess p = new NativeProcess(job, n, program, in);
        for (var port : program.outputs().entrySet()) {
            p.ports.put(port.getKey(), job.records.of(port.getValue(), n.id() + (port.getKey().equals(program.mainPort()) ? "" : " " + port.getKey())));
            if (!port.getKey().equals(program.mainPort())) p.tags.put(port.getKey(), port.getKey().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        job.classes.add(p.type(n));
        RecordClass main = p.ports.get(program.mainPort());
        boolean sides = job.pipeline.edges().stream().anyMatch(e -> e.from().equals(n.id()) && !e.outPort().equals("out"));
        CodeBlock value = CodeBlock.of("$L.process(new $T())", in.var(), p.name);
        if (!sides) {
            job.declare(n, main, value);
            return;
        }
        String var = job.fresh(n.id());
        job.body.addStatement("$T<$T> $L = $L\n.name($S)$L", SingleOutputStreamOperator.class, main.name, var, value, n.id(), job.parallelism(n));
        job.out.put(n.id(), new Stream(var, main));
        for (var tag : p.tags.entrySet()) {
            if (job.pipeline.edges().stream().noneMatch(e -> e.from().equals(n.id()) && e.outPort().equals(tag.getKey()))) continue;
            String side = job.fresh(n.id() + " " + tag.getKey());
            job.body.add("// What \"$L\" emits to $S\n", n.id(), tag.getKey());
            job.body.addStatement("$T<$T> $L = $L.getSideOutput($T.$L)", org.apache.flink.streaming.api.datastream.DataStream.class,
                    p.ports.get(tag.getKey()).name, side, var, p.name, tag.getValue());
            job.out.put(n.id() + "." + tag.getKey(), new Stream(side, p.ports.get(tag.getKey())));
        }
    }

    private TypeSpec type(Node n) {
        RecordClass main = ports.get(program.mainPort());
        ParameterizedTypeName superclass = ParameterizedTypeName.get(ClassName.get(KeyedProcessFunction.class), in.keyType(), in.record().name, main.name);
        TypeSpec.Builder t = TypeSpec.classBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.FINAL).superclass(superclass)
                .addJavadoc("The program of $S, per key: its states, what a record does and what a timer does.\n", n.id());
        String text = n.paramsView().has("program") ? NativeJob.params(n).program("program") : null;
        if (text != null) t.addJavadoc("<pre>\n$L</pre>\n", text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;"));
        for (var tag : tags.entrySet()) {
            TypeName type = ParameterizedTypeName.get(ClassName.get(OutputTag.class), ports.get(tag.getKey()).name);
            t.addField(FieldSpec.builder(type, tag.getValue(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("What the program emits to $S.\n", tag.getKey())
                    .initializer("new $T<>($S) {}", OutputTag.class, n.id() + "-" + tag.getKey()).build());
        }
        MethodSpec.Builder open = MethodSpec.methodBuilder("open").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addParameter(OpenContext.class, "openContext");
        for (StateSpec s : program.states()) {
            t.addField(FieldSpec.builder(stateType(s), field(s.name()), Modifier.PRIVATE, Modifier.TRANSIENT).build());
            open.addCode(descriptor(s));
        }
        t.addMethod(open.build());
        MethodSpec.Builder record = MethodSpec.methodBuilder("processElement").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addParameter(in.record().name, "r").addParameter(superclass.nestedClass("Context"), "context")
                .addParameter(ParameterizedTypeName.get(ClassName.get(Collector.class), main.name), "out").addException(Exception.class);
        timerHandler = false;
        locals = new HashMap<>();
        record.addCode(block(program.onRecord()));
        t.addMethod(record.build());
        if (!program.onTimer().isEmpty()) {
            MethodSpec.Builder timer = MethodSpec.methodBuilder("onTimer").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                    .addParameter(long.class, "timestamp").addParameter(superclass.nestedClass("OnTimerContext"), "context")
                    .addParameter(ParameterizedTypeName.get(ClassName.get(Collector.class), main.name), "out").addException(Exception.class);
            timerHandler = true;
            locals = new HashMap<>();
            timer.addCode(block(program.onTimer()));
            t.addMethod(timer.build());
        }
        return t.build();
    }

    private static String field(String state) {
        String c = RecordClasses.upperCamel(state);
        return Character.toLowerCase(c.charAt(0)) + c.substring(1) + "State";
    }

    private static TypeName boxed(DataType t) { return JavaExpressions.javaType(t); }

    private static TypeName stateType(StateSpec s) {
        return switch (s.kind()) {
            case VALUE -> ParameterizedTypeName.get(ClassName.get(ValueState.class), boxed(s.type()));
            case LIST -> ParameterizedTypeName.get(ClassName.get(ListState.class), boxed(s.type()));
            case MAP -> ParameterizedTypeName.get(ClassName.get(MapState.class), boxed(s.keyType()), boxed(s.type()));
        };
    }

    /** The state's descriptor, with Flink's StateTtlConfig when it has a time-to-live, and the state got from it. */
    private static CodeBlock descriptor(StateSpec s) {
        String d = field(s.name()).replace("State", "") + "Descriptor";
        CodeBlock.Builder b = CodeBlock.builder();
        switch (s.kind()) {
            case VALUE -> b.addStatement("$T<$T> $L = new $T<>($S, $L)", ValueStateDescriptor.class, boxed(s.type()), d,
                    ValueStateDescriptor.class, s.name(), typeInfo(s.type()));
            case LIST -> b.addStatement("$T<$T> $L = new $T<>($S, $L)", ListStateDescriptor.class, boxed(s.type()), d,
                    ListStateDescriptor.class, s.name(), typeInfo(s.type()));
            case MAP -> b.addStatement("$T<$T, $T> $L = new $T<>($S, $L, $L)", MapStateDescriptor.class, boxed(s.keyType()), boxed(s.type()), d,
                    MapStateDescriptor.class, s.name(), typeInfo(s.keyType()), typeInfo(s.type()));
        }
        if (s.ttl() != null) {
            b.addStatement("$L.enableTimeToLive($T.newBuilder($L)\n.setUpdateType($T.UpdateType.$L)\n.setStateVisibility($T.StateVisibility.NeverReturnExpired)\n.build())",
                    d, StateTtlConfig.class, NativeJob.duration(s.ttl().millis()), StateTtlConfig.class,
                    s.ttl().refreshOnRead() ? "OnReadAndWrite" : "OnCreateAndWrite", StateTtlConfig.class);
        }
        String getter = switch (s.kind()) {
            case VALUE -> "getState";
            case LIST -> "getListState";
            case MAP -> "getMapState";
        };
        return b.addStatement("$L = getRuntimeContext().$L($L)", field(s.name()), getter, d).build();
    }

    private static CodeBlock typeInfo(DataType t) {
        if (t.kind() == DataType.Kind.ARRAY) {
            return CodeBlock.of("$T.LIST($L)", org.apache.flink.api.common.typeinfo.Types.class, typeInfo(t.element()));
        }
        return CodeBlock.of("$T.class", boxed(t));
    }

    // ---- statements ----

    private CodeBlock block(List<CheckedProgram.Statement> statements) {
        Map<String, String> outer = new HashMap<>(locals);
        CodeBlock.Builder b = CodeBlock.builder();
        for (CheckedProgram.Statement s : statements) b.add(statement(s));
        locals = outer;
        return b.build();
    }

    private CodeBlock statement(CheckedProgram.Statement s) {
        if (s instanceof CheckedProgram.Let l) {
            String var = local(l.name());
            CodeBlock value = value(l.value());
            locals.put(l.name(), var);
            return CodeBlock.builder().addStatement("$T $L = $L", boxed(l.type()), var, value).build();
        }
        if (s instanceof CheckedProgram.SetLocal a) return CodeBlock.builder().addStatement("$L = $L", locals.get(a.name()), value(a.value())).build();
        if (s instanceof CheckedProgram.SetState a) {
            StateSpec spec = state(a.state());
            if (spec.kind() == StateSpec.Kind.VALUE) return CodeBlock.builder().addStatement("$L.update($L)", field(a.state()), value(a.value())).build();
            return CodeBlock.builder().addStatement("$L.update($T.noNulls($L, $S))", field(a.state()), programs(), value(a.value()),
                    "list state \"" + a.state() + "\" cannot hold NULL").build();
        }
        if (s instanceof CheckedProgram.StateCall c) return call(c);
        if (s instanceof CheckedProgram.If i) {
            CodeBlock.Builder b = CodeBlock.builder().beginControlFlow("if ($T.isTrue($L))", job.sql, java(i.condition())).add(block(i.then()));
            if (!i.otherwise().isEmpty()) b.nextControlFlow("else").add(block(i.otherwise()));
            return b.endControlFlow().build();
        }
        if (s instanceof CheckedProgram.For f) {
            CodeBlock array = java(f.array());
            Map<String, String> outer = new HashMap<>(locals);
            String var = local(f.name());
            locals.put(f.name(), var);
            CodeBlock body = block(f.body());
            locals = outer;
            return CodeBlock.builder().beginControlFlow("for ($T $L : $T.elements($L))", boxed(f.element()), var, programs(), array)
                    .add(body).endControlFlow().build();
        }
        if (s instanceof CheckedProgram.Emit e) return emit(e);
        CheckedProgram.Timer t = (CheckedProgram.Timer) s;
        String method = (t.register() ? "register" : "delete") + (t.domain() == CompiledProgram.TimeDomain.EVENT ? "EventTimeTimer" : "ProcessingTimeTimer");
        return CodeBlock.builder().addStatement("context.timerService().$L($T.timerTime($L, $S))", method, programs(), java(t.time()),
                t.time().text().trim()).build();
    }

    private CodeBlock call(CheckedProgram.StateCall c) {
        String f = field(c.state());
        return switch (c.method()) {
            case "clear" -> CodeBlock.builder().addStatement("$L.clear()", f).build();
            case "add" -> CodeBlock.builder().addStatement("$L.add($T.required($L, $S))", f, programs(), java(c.args().get(0)),
                    "cannot add NULL to list state \"" + c.state() + "\"").build();
            case "put" -> CodeBlock.builder().addStatement("$L.put($T.required($L, $S), $L)", f, programs(), java(c.args().get(0)),
                    "map state \"" + c.state() + "\" cannot have a NULL key", java(c.args().get(1))).build();
            default -> CodeBlock.builder().addStatement("$T.remove($L, $L)", programs(), f, java(c.args().get(0))).build();
        };
    }

    private CodeBlock emit(CheckedProgram.Emit e) {
        RecordClass r = ports.get(e.port());
        Schema schema = r.schema;
        List<CodeBlock> values = new java.util.ArrayList<>();
        for (int i = 0; i < e.values().size(); i++) {
            CompiledExpression v = e.values().get(i);
            CodeBlock code = java(v);
            // The port's type is settled by every emit to it: widen where it became DOUBLE.
            if (schema.field(i).type().kind() == DataType.Kind.DOUBLE && v.type().kind() == DataType.Kind.BIGINT) {
                code = CodeBlock.of("$T.toDouble($L)", job.sql, code);
            }
            values.add(code);
        }
        CodeBlock record = NativeJob.construct(r, values);
        if (e.port().equals(program.mainPort())) return CodeBlock.builder().addStatement("out.collect($L)", record).build();
        return CodeBlock.builder().addStatement("context.output($L, $L)", tags.get(e.port()), record).build();
    }

    private CodeBlock value(CheckedProgram.Value v) {
        if (v instanceof CheckedProgram.ExprValue e) return java(e.expression());
        CheckedProgram.MapRead m = (CheckedProgram.MapRead) v;
        String f = field(m.state());
        return switch (m.method()) {
            case "get" -> CodeBlock.of("$T.get($L, $L)", programs(), f, java(m.key()));
            case "contains" -> CodeBlock.of("$T.contains($L, $L)", programs(), f, java(m.key()));
            default -> CodeBlock.of("$T.sorted($L.keys())", programs(), f);
        };
    }

    private ClassName programs() { return job.helper("Programs"); }

    private StateSpec state(String name) {
        return program.states().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private String local(String wanted) {
        String base = RecordClasses.identifier(wanted);
        if (TAKEN.contains(base)) base = base + "Value";
        String n = base;
        for (int i = 2; locals.containsValue(n); i++) n = base + i;
        return n;
    }

    /** An expression over what the handler sees: the record's fields, the key, the clocks, the states and the locals. */
    private CodeBlock java(CompiledExpression e) {
        return new JavaExpressions(job.sql, this::name).of(e.ast());
    }

    private CodeBlock name(Expr.FieldRef f) {
        String n = f.name();
        if (locals.containsKey(n)) return CodeBlock.of("$L", locals.get(n));
        for (StateSpec s : program.states()) {
            if (!s.name().equals(n)) continue;
            if (s.kind() == StateSpec.Kind.VALUE) return CodeBlock.of("$L.value()", field(n));
            return CodeBlock.of("$T.list($L.get())", programs(), field(n));
        }
        switch (n) {
            case "record_time": return CodeBlock.of("$T.toTimestamp(context.timestamp())", job.sql);
            case "timer_time": return CodeBlock.of("$T.ofEpochMilli(timestamp)", Instant.class);
            case "timer_domain": return CodeBlock.of("(context.timeDomain() == $T.EVENT_TIME ? \"event\" : \"processing\")", TimeDomain.class);
            case "watermark": return CodeBlock.of("$T.watermark(context.timerService().currentWatermark())", programs());
            case "now": return CodeBlock.of("$T.ofEpochMilli(context.timerService().currentProcessingTime())", Instant.class);
            default: break;
        }
        if (!timerHandler && program.input().has(n)) return in.record().get("r", program.input().indexOf(n));
        for (int i = 0; i < program.keyColumns().size(); i++) {
            if (program.keyColumns().get(i).name().equals(n)) return in.keyValues(CodeBlock.of("context.getCurrentKey()")).get(i);
        }
        throw new JavaExpressions.NotNative("the name " + n + " in the program has no Java translation");
    }
}
