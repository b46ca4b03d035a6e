package dev.eddy.flink.nativejob;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.eddy.catalog.Params;
import dev.eddy.expr.CompiledExpression;
import dev.eddy.expr.ExpressionError;
import dev.eddy.expr.Expressions;
import dev.eddy.flink.nativejob.RecordClasses.RecordClass;
import dev.eddy.model.Edge;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.model.RuntimeMode;
import dev.eddy.model.Settings;
import dev.eddy.nodes.StandardCatalog;
import dev.eddy.types.DataType;
import dev.eddy.types.Schema;
import dev.eddy.validate.Problem;
import dev.eddy.validate.ValidationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.flink.util.ParameterTool;

/**
 * A pipeline as the Flink DataStream job a person would write: one statement per node in the
 * order data flows, the node named in a comment above it and the variable named after it, a
 * record class per schema, expressions as plain Java, windows with Flink's own assigners and
 * aggregates as AggregateFunctions. Nothing of Eddy runs in it. A node this writer cannot express
 * is reported with the reason, all of them at once.
 */
final class NativeJob {
    /** A node's output as the generated code holds it: the variable, its records, and its key if keyed. */
    record Stream(String var, RecordClass record, TypeName keyType, List<String> keyColumns, CodeBlock keySelector) {
        Stream(String var, RecordClass record) { this(var, record, null, List.of(), null); }

        boolean keyed() { return keyType != null; }

        /** The key's columns read from {@code key}: the key itself, or the fields of its tuple. */
        List<CodeBlock> keyValues(CodeBlock key) {
            if (keyColumns.size() == 1) return List.of(key);
            List<CodeBlock> out = new ArrayList<>();
            for (int i = 0; i < keyColumns.size(); i++) out.add(CodeBlock.of("$L.f$L", key, i));
            return out;
        }
    }

    final Pipeline pipeline;
    final ValidationResult validation;
    final String pkg;
    final ClassName job;
    final ClassName sql;
    final ClassName lines;
    final RecordClasses records;
    final CodeBlock.Builder body = CodeBlock.builder();
    final List<TypeSpec> classes = new ArrayList<>();
    final Map<String, Stream> out = new HashMap<>();
    final Map<String, String> dataFiles = new LinkedHashMap<>();
    private final java.util.Set<String> names = new java.util.HashSet<>(Set.of("env", "data", "output", "args", "params"));
    private final int defaultParallelism;

    /** How the export writes the job: {@code paced} keeps the sources' rates (false: as fast as Flink reads, for benchmarks). */
    record Options(boolean paced) {}

    final Options options;

    NativeJob(Pipeline pipeline, ValidationResult validation, String pkg, String className, Options options) {
        this.options = options;
        this.pipeline = pipeline;
        this.validation = validation;
        this.pkg = pkg;
        this.job = ClassName.get(pkg, className);
        this.sql = helper("Sql");
        helper("SqlFunctions");
        this.lines = helper("Lines");
        Set<String> taken = new java.util.HashSet<>(HELPERS);
        taken.add(className);
        this.records = new RecordClasses(pkg, taken);
        this.defaultParallelism = pipeline.settings().parallelismOrDefault();
    }

    /** What the project holds: the job class, the record and function classes. Throws listing every node it cannot write. */
    List<JavaFile> write() {
        List<Problem> refused = new ArrayList<>();
        environment();
        for (String id : validation.order()) {
            Node n = pipeline.node(id).orElseThrow();
            try {
                node(n);
            } catch (UpstreamRefused e) {
                // Said of the node upstream; this one is not reached.
            } catch (JavaExpressions.NotNative e) {
                refused.add(Problem.error("nodes." + id, id, "\"" + id + "\" (" + n.type() + ") cannot be written as native Flink code: " + e.getMessage()));
            }
        }
        if (!refused.isEmpty()) throw new Refused(refused);
        List<JavaFile> files = new ArrayList<>();
        files.add(file(jobClass()));
        for (TypeSpec t : classes) files.add(file(t));
        files.addAll(records.files(lines));
        return files;
    }

    /** Thrown when some nodes have no native translation; each problem names the node and says why. */
    static final class Refused extends RuntimeException {
        final List<Problem> problems;

        Refused(List<Problem> problems) {
            super(problems.get(0).message());
            this.problems = problems;
        }
    }

    private JavaFile file(TypeSpec t) { return JavaFile.builder(pkg, t).skipJavaLangImports(true).indent("    ").build(); }

    private TypeSpec jobClass() {
        String name = pipeline.name() == null ? "eddy pipeline" : pipeline.name();
        MethodSpec main = MethodSpec.methodBuilder("main").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(String[].class, "args").addException(Exception.class)
                .addJavadoc("Runs the job: {@code --data DIR} holds its input files (default data), {@code --output DIR} receives"
                        + " what its file sinks write (default output).\n")
                .addStatement("$T params = $T.fromArgs(args)", ParameterTool.class, ParameterTool.class)
                .addStatement("$T env = $T.getExecutionEnvironment()", StreamExecutionEnvironment.class, StreamExecutionEnvironment.class)
                .addStatement("build(env, params.get($S, $S), params.get($S, $S))", "data", "data", "output", "output")
                .addStatement("env.execute($S)", name).build();
        MethodSpec build = MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Adds the pipeline's operators to {@code env}, reading input files under {@code data} and writing under {@code output}.\n")
                .addParameter(StreamExecutionEnvironment.class, "env").addParameter(String.class, "data").addParameter(String.class, "output")
                .addCode(body.build()).build();
        TypeSpec.Builder t = TypeSpec.classBuilder(job).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The pipeline $S as an Apache Flink DataStream job, written by Eddy.\n", name)
                .addJavadoc("<p>Each statement of {@link #build} comes from one node of the pipeline; the comment above it names the node.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(main).addMethod(build);
        if (pipeline.description() != null) t.addJavadoc("<p>$L\n", pipeline.description());
        return t.build();
    }

    // ---- the job ----

    private void environment() {
        Settings s = pipeline.settings();
        body.add("// The pipeline's settings\n");
        body.addStatement("env.setParallelism($L)", defaultParallelism);
        if (s.maxParallelism() != null) body.addStatement("env.setMaxParallelism($L)", s.maxParallelism());
        if (s.modeOrDefault() == RuntimeMode.BATCH) body.addStatement("env.setRuntimeMode($T.BATCH)", RuntimeExecutionMode.class);
        if (s.autoWatermarkInterval() != null) body.addStatement("env.getConfig().setAutoWatermarkInterval($LL)", s.autoWatermarkInterval());
        if (s.checkpointInterval() != null) {
            boolean atLeastOnce = s.deliveryGuarantee() == dev.eddy.model.DeliveryGuarantee.AT_LEAST_ONCE;
            if (atLeastOnce) body.addStatement("env.enableCheckpointing($LL, $T.AT_LEAST_ONCE)", s.checkpointInterval(), CheckpointingMode.class);
            else body.addStatement("env.enableCheckpointing($LL)", s.checkpointInterval());
            if (s.unalignedCheckpointsOrDefault()) body.addStatement("env.getCheckpointConfig().enableUnalignedCheckpoints()");
        }
        if (s.checkpointInterval() == null && pipeline.nodes().stream().anyMatch(n -> n.type().equals("sink.file"))) {
            body.add("// Flink's FileSink commits its part files on checkpoints (and at the end of bounded input): checkpoint every 10 s\n");
            body.addStatement("env.enableCheckpointing($LL)", 10_000L);
        }
        if (s.failAfterRecords() != null || s.randomFailures() != null) {
            body.add("// Eddy's injected failures (failAfterRecords, randomFailures) are not part of the job: a Flink job fails for its own reasons\n");
        }
    }

    private void node(Node n) {
        String type = n.type();
        Params p = params(n);
        if (p.isSet("onError") && p.string("onError").equals("skip")) {
            throw new JavaExpressions.NotNative("onError \"skip\" (the errors port) has no native translation yet; with \"fail\" a record that fails stops the job, as in Flink");
        }
        body.add("\n// $L\n", comment(n));
        switch (type) {
            case "source.rows" -> NativeSources.rows(this, n, p);
            case "source.file" -> NativeSources.file(this, n, p);
            case "source.sequence" -> NativeSources.sequence(this, n, p);
            case "source.sensors", "source.payments" -> NativeSources.generator(this, n, p);
            case "source.clicks" -> NativeSources.clicks(this, n, p);
            case "map" -> map(n, p);
            case "filter" -> filter(n, p);
            case "flat-map" -> flatMap(n, p);
            case "union" -> union(n);
            case "rebalance" -> declarePartitioning(n, input(n, "in").record(), CodeBlock.of("$L.rebalance()", input(n, "in").var()));
            case "key-by" -> keyBy(n, p);
            case "reduce" -> reduce(n, p);
            case "watermarks" -> watermarks(n, p);
            case "aggregate" -> NativeWindows.rollingAggregate(this, n, p);
            case "window" -> NativeWindows.window(this, n, p);
            case "window-join" -> NativeJoins.windowJoin(this, n, p);
            case "process", "change-alert", "deduplicate", "top-n" -> NativeProcess.process(this, n);
            case "interval-join" -> NativeJoins.intervalJoin(this, n, p);
            case "sink.file" -> NativeSinks.file(this, n, p);
            case "sink.print" -> NativeSinks.print(this, n, p);
            case "sink.discard" -> NativeSinks.discard(this, n);
            default -> throw new JavaExpressions.NotNative(why(type));
        }
    }

    private static String why(String type) {
        if (type.equals("sink.table")) return "the table sink is the designer's own view; a Flink job writes to a file or prints";
        if (type.startsWith("source.")) return "this source has no native translation yet (rows, files, sequences, sensors, payments and clicks do); `./eddy run --on flink` runs it through Eddy's reader";
        return "it has no native translation yet; `./eddy run --on flink` runs it with Eddy's functions on Flink's operators";
    }

    // ---- transformations ----

    private void map(Node n, Params p) {
        Stream in = input(n, "in");
        RecordClass r = records.of(validation.schema(n.id(), "out"), n.id());
        List<CodeBlock> values = new ArrayList<>();
        for (var f : p.textMap("fields").entrySet()) values.add(expression(f.getValue(), in, null));
        declare(n, r, CodeBlock.of("$L.map(r -> $L)", in.var(), construct(r, values)));
    }

    private void filter(Node n, Params p) {
        Stream in = input(n, "in");
        CodeBlock condition = expression(p.string("condition"), in, DataType.BOOLEAN);
        declare(n, in.record(), CodeBlock.of("$L.filter(r -> $T.isTrue($L))", in.var(), sql, condition));
    }

    private void flatMap(Node n, Params p) {
        Stream in = input(n, "in");
        RecordClass r = records.of(validation.schema(n.id(), "out"), n.id());
        CompiledExpression split = compile(p.string("split"), in.record().schema, null);
        TypeName element = JavaExpressions.javaType(split.type().element());
        List<CodeBlock> values = new ArrayList<>();
        for (String kept : p.strings("keep")) values.add(in.record().get("r", in.record().schema.indexOf(kept)));
        values.add(CodeBlock.of("e"));
        CodeBlock fn = CodeBlock.builder().add("($T r, $T<$T> out) -> {\n$>", in.record().name, Collector.class, r.name)
                .add("$T<$T> parts = $L;\n", List.class, element, java(split, in))
                .add("if (parts != null) {\n$>for ($T e : parts) out.collect($L);\n$<}\n", element, construct(r, values))
                .add("$<}").build();
        declare(n, r, CodeBlock.of("$L.flatMap($L)\n.returns($T.class)", in.var(), fn, r.name));
    }

    private void union(Node n) {
        List<Edge> in = edgesInto(n, "in");
        Stream first = upstream(in.get(0));
        List<CodeBlock> rest = new ArrayList<>();
        for (Edge e : in.subList(1, in.size())) rest.add(CodeBlock.of("$L", upstream(e).var()));
        declarePartitioning(n, first.record(), rest.isEmpty() ? CodeBlock.of("$L", first.var()) : CodeBlock.of("$L.union($L)", first.var(), CodeBlock.join(rest, ", ")));
    }

    private void keyBy(Node n, Params p) {
        Stream in = input(n, "in");
        List<String> keys = p.strings("key");
        if (keys.size() > 25) throw new JavaExpressions.NotNative("a key of more than 25 columns has no Flink tuple to hold it");
        List<String> columns = validation.bindings().get(n.id()).keyOut().columns().stream().map(dev.eddy.types.Field::name).toList();
        String var = fresh(n.id());
        if (keys.size() == 1) {
            CompiledExpression key = compile(keys.get(0), in.record().schema, null);
            TypeName keyType = JavaExpressions.javaType(key.type());
            CodeBlock selector = key.ast() instanceof dev.eddy.expr.Expr.FieldRef f
                    ? CodeBlock.of("$T::$L", in.record().name, in.record().javaNames.get(f.index()))
                    : CodeBlock.of("r -> $L", java(key, in));
            body.addStatement("$T<$T, $T> $L = $L.keyBy($L)", KeyedStream.class, in.record().name, keyType, var, in.var(), selector);
            out.put(n.id(), new Stream(var, in.record(), keyType, columns, selector));
            return;
        }
        // Several columns: a Flink tuple, whose type the lambda cannot tell Flink, so it is given.
        List<CodeBlock> parts = new ArrayList<>();
        List<TypeName> types = new ArrayList<>();
        List<CodeBlock> infos = new ArrayList<>();
        for (String k : keys) {
            CompiledExpression e = compile(k, in.record().schema, null);
            parts.add(java(e, in));
            types.add(JavaExpressions.javaType(e.type()));
            infos.add(CodeBlock.of("$T.$L", org.apache.flink.api.common.typeinfo.Types.class, flinkType(e.type())));
        }
        ClassName tuple = ClassName.get("org.apache.flink.api.java.tuple", "Tuple" + keys.size());
        TypeName keyType = ParameterizedTypeName.get(tuple, types.toArray(new TypeName[0]));
        CodeBlock selector = CodeBlock.of("r -> $T.of($L)", tuple, CodeBlock.join(parts, ", "));
        CodeBlock typeInfo = CodeBlock.of("$T.TUPLE($L)", org.apache.flink.api.common.typeinfo.Types.class, CodeBlock.join(infos, ", "));
        body.addStatement("$T<$T, $T> $L = $L.keyBy($L, $L)", KeyedStream.class, in.record().name, keyType, var, in.var(), selector, typeInfo);
        out.put(n.id(), new Stream(var, in.record(), keyType, columns, CodeBlock.of("$L", selector)));
    }

    private static String flinkType(DataType t) {
        return switch (t.kind()) {
            case STRING -> "STRING";
            case BIGINT -> "LONG";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMP -> "INSTANT";
            default -> throw new JavaExpressions.NotNative("a key of type " + t + " has no native translation");
        };
    }

    private void reduce(Node n, Params p) {
        Stream in = input(n, "in");
        RecordClass r = in.record();
        Map<String, String> combine = p.textMap("combine");
        List<CodeBlock> values = new ArrayList<>();
        for (int i = 0; i < r.schema.size(); i++) {
            String how = combine.get(r.schema.field(i).name());
            values.add(how == null ? r.get("acc", i)
                    : CodeBlock.of("$T.$L($L, $L)", sql, dev.eddy.operators.FieldCombiner.parse(how).id(), r.get("acc", i), r.get("next", i)));
        }
        declare(n, r, CodeBlock.of("$L.reduce((acc, next) -> $L)", in.var(), construct(r, values)));
    }

    private void watermarks(Node n, Params p) {
        Stream in = input(n, "in");
        declare(n, in.record(), CodeBlock.of("$L.assignTimestampsAndWatermarks($L)", in.var(), strategy(n, p, p.string("strategy"), in.record())));
    }

    /** Flink's WatermarkStrategy for a watermarks node or a source's own, with the timestamp expression as its assigner. */
    CodeBlock strategy(Node n, Params p, String strategy, RecordClass r) {
        CodeBlock s = switch (strategy) {
            case "monotonous" -> CodeBlock.of("$T.<$T>forMonotonousTimestamps()", WatermarkStrategy.class, r.name);
            case "bounded-out-of-orderness" -> CodeBlock.of("$T.<$T>forBoundedOutOfOrderness($L)", WatermarkStrategy.class, r.name,
                    duration(p.duration("maxOutOfOrderness")));
            default -> throw new JavaExpressions.NotNative("the " + strategy + " watermark strategy has no native translation yet"
                    + " (monotonous and bounded-out-of-orderness do)");
        };
        if (!p.isSet("timestamp")) throw new JavaExpressions.NotNative("a strategy without a timestamp expression keeps the source's timestamps, which these sources do not have");
        CompiledExpression ts = compile(p.string("timestamp"), r.schema, null);
        s = CodeBlock.of("$L\n.withTimestampAssigner((r, previous) -> $T.eventTime($L, $S))", s, sql, java(ts, r), ts.text());
        if (p.isSet("idleness")) s = CodeBlock.of("$L\n.withIdleness($L)", s, duration(p.duration("idleness")));
        return s;
    }

    /**
     * The helpers a job can need, written by Eddy into its package: SQL's rules, its functions and
     * the text formats (always), CSV part files with headers, the discard sink's digest, process programs' state and
     * clocks, the generators' randomness (Eddy's own Seeds) and the clickstream's schedule (Eddy's ClickSchedule).
     */
    static final List<String> HELPERS = List.of("Sql", "SqlFunctions", "Lines", "CsvParts", "CountAndDigest", "Programs", "Seeds",
            "ClickSchedule");

    /** The helpers this job uses, to be written into its project. */
    final Set<String> helpers = new java.util.LinkedHashSet<>();

    /** A helper class of the job's package, which the project then carries. */
    ClassName helper(String name) {
        if (!HELPERS.contains(name)) throw new IllegalArgumentException("no helper " + name);
        helpers.add(name);
        return ClassName.get(pkg, name);
    }

    // ---- helpers the translations share ----

    static Params params(Node n) { return Params.of(n, StandardCatalog.get().type(n.type()).orElseThrow()); }

    CompiledExpression compile(String text, Schema schema, DataType expected) {
        try {
            return Expressions.compile(text, schema, expected);
        } catch (ExpressionError e) {
            throw new IllegalStateException("a validated pipeline's expression does not compile: " + text, e);
        }
    }

    CodeBlock java(CompiledExpression e, Stream in) { return java(e, in.record()); }

    CodeBlock java(CompiledExpression e, RecordClass r) {
        return new JavaExpressions(sql, f -> r.get("r", f.index())).of(e.ast());
    }

    CodeBlock expression(String text, Stream in, DataType expected) { return java(compile(text, in.record().schema, expected), in); }

    /** {@code new Record(a, b, ...)}, one argument per line when there are several. */
    static CodeBlock construct(RecordClass r, List<CodeBlock> values) {
        if (values.size() <= 2) return CodeBlock.of("new $T($L)", r.name, CodeBlock.join(values, ", "));
        return CodeBlock.of("new $T(\n$>$L$<)", r.name, CodeBlock.join(values, ",\n"));
    }

    static CodeBlock duration(long millis) {
        if (millis % 1000 == 0 && millis != 0) return CodeBlock.of("$T.ofSeconds($L)", Duration.class, millis / 1000);
        return CodeBlock.of("$T.ofMillis($L)", Duration.class, millis);
    }

    static CodeBlock literal(Object v, DataType t) {
        if (v == null) return CodeBlock.of("null");
        if (v instanceof java.time.Instant i) return CodeBlock.of("$T.parse($S)", java.time.Instant.class, i.toString());
        if (v instanceof String s) return CodeBlock.of("$S", s);
        if (v instanceof Long l) return CodeBlock.of("$LL", l);
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) throw new JavaExpressions.NotNative("a NaN or infinite value in the rows");
            return CodeBlock.of("$L", d.toString());
        }
        if (v instanceof Boolean b) return CodeBlock.of("$L", b);
        if (v instanceof List<?> list) {
            List<CodeBlock> items = new ArrayList<>();
            for (Object o : list) items.add(literal(o, t.element()));
            return CodeBlock.of("$T.asList($L)", java.util.Arrays.class, CodeBlock.join(items, ", "));
        }
        throw new JavaExpressions.NotNative("a value of type " + t + " in the rows");
    }

    /** Declares the node's output as a variable named after the node. */
    void declare(Node n, RecordClass r, CodeBlock value) {
        String var = fresh(n.id());
        body.addStatement("$T<$T> $L = $L\n.name($S)$L", DataStream.class, r.name, var, value, n.id(), parallelism(n));
        out.put(n.id(), new Stream(var, r));
    }

    /** A union or a repartitioning: a way of connecting, not an operator, so it has no name or parallelism of its own. */
    void declarePartitioning(Node n, RecordClass r, CodeBlock value) {
        String var = fresh(n.id());
        body.addStatement("$T<$T> $L = $L", DataStream.class, r.name, var, value);
        out.put(n.id(), new Stream(var, r));
    }

    /** {@code .setParallelism(n)} where the node's differs from the job's. */
    CodeBlock parallelism(Node n) {
        int p = validation.parallelism().get(n.id());
        return p == defaultParallelism ? CodeBlock.of("") : CodeBlock.of("\n.setParallelism($L)", p);
    }

    String fresh(String wanted) {
        String base = RecordClasses.identifier(wanted);
        String name = base;
        for (int i = 2; !names.add(name); i++) name = base + i;
        return name;
    }

    List<Edge> edgesInto(Node n, String port) {
        return pipeline.edges().stream().filter(e -> e.to().equals(n.id()) && e.inPort().equals(port)).toList();
    }

    /** The stream arriving at a port; several edges into one port are unioned. */
    Stream input(Node n, String port) {
        List<Edge> in = edgesInto(n, port);
        if (in.size() > 1) throw new JavaExpressions.NotNative("several streams into one port; put a union before it");
        return upstream(in.get(0));
    }

    /** A node whose input comes from a node that could not be written: nothing to say of it until that one can. */
    private static final class UpstreamRefused extends RuntimeException {
        UpstreamRefused() { super(null, null, false, false); }
    }

    private Stream upstream(Edge e) {
        if (!out.containsKey(e.from())) throw new UpstreamRefused();
        if (e.outPort().equals("out")) return out.get(e.from());
        Stream side = out.get(e.from() + "." + e.outPort());
        if (side == null) throw new JavaExpressions.NotNative("the \"" + e.outPort() + "\" port of \"" + e.from() + "\" has no native translation yet");
        return side;
    }

    String comment(Node n) { return dev.eddy.flink.translate.FlinkTranslator.comment(n).replace("\n", " "); }
}
