package dev.eddy.flink.translate;

import static dev.eddy.flink.translate.Code.call;
import static dev.eddy.flink.translate.Code.lit;
import static dev.eddy.flink.translate.Code.make;
import static dev.eddy.flink.translate.Code.var;

import dev.eddy.catalog.Catalog;
import dev.eddy.flink.runtime.EddySource;
import dev.eddy.flink.runtime.EddyTypes;
import dev.eddy.flink.runtime.KeyFunction;
import dev.eddy.flink.runtime.KeyedProgram;
import dev.eddy.flink.runtime.Ports;
import dev.eddy.flink.runtime.RecordFunction;
import dev.eddy.flink.runtime.ReduceRows;
import dev.eddy.flink.runtime.RollingAggregate;
import dev.eddy.flink.runtime.SinkTap;
import dev.eddy.model.Edge;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.model.PipelineWriter;
import dev.eddy.model.RuntimeMode;
import dev.eddy.model.Settings;
import dev.eddy.nodes.StandardCatalog;
import dev.eddy.validate.FlinkReadiness;
import dev.eddy.validate.InvalidPipelineException;
import dev.eddy.validate.PipelineValidator;
import dev.eddy.validate.Problem;
import dev.eddy.validate.ValidationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Translates a pipeline into the statements of an Apache Flink DataStream job, node by node in
 * the order data flows. Flink's own operators do the streaming (partitioning, watermarks, windows,
 * triggers, evictors, lateness, joins); Eddy's code only evaluates what the person wrote
 * (expressions, aggregates), so a difference between the engines can only come from the runtime.
 */
public final class FlinkTranslator {
    /** Where sink nodes' records go: back to the client through taps (a run), or into Flink's own sinks (an export). */
    public enum Sinks { TAPPED, FLINK }

    /** The node types this translator writes; every type of the catalog must be here (a test checks). */
    public static final java.util.Set<String> TRANSLATED = java.util.Set.of("map", "filter", "flat-map", "union", "rebalance",
            "key-by", "reduce", "aggregate", "watermarks", "window", "window-join", "interval-join",
            "process", "change-alert", "deduplicate", "top-n");

    /** Whether a node type has a translation: sources and sinks all do, through Eddy's readers and writers. */
    public static boolean translates(String type) {
        return type.startsWith("source.") || type.startsWith("sink.") || TRANSLATED.contains(type);
    }

    static final String ROWS = "DataStream<Row>";
    static final String OPERATOR = "SingleOutputStreamOperator<Row>";

    final Pipeline pipeline;
    final ValidationResult validation;
    final List<Statement> statements = new ArrayList<>();
    private final Sinks sinks;
    private final Map<String, String> outVar = new HashMap<>();
    private final Map<String, String> sideSource = new HashMap<>();
    private final Map<String, String> sideVar = new HashMap<>();
    private final Set<String> names = new HashSet<>(Set.of("env", "pipeline", "args", "baseDir"));
    private final List<String> taps = new ArrayList<>();
    private final int defaultParallelism;

    private FlinkTranslator(Pipeline pipeline, ValidationResult validation, Sinks sinks) {
        this.pipeline = pipeline;
        this.validation = validation;
        this.sinks = sinks;
        this.defaultParallelism = pipeline.settings().parallelismOrDefault();
    }

    /**
     * @param pipeline the pipeline with the settings of the run (parallelism, mode)
     * @param baseDir  the folder its relative input paths resolve against
     */
    public static JobCode translate(Pipeline pipeline, Path baseDir, Sinks sinks) throws InvalidPipelineException {
        return translate(pipeline, validate(pipeline), baseDir, sinks);
    }

    /** Validates a pipeline for Flink: its own problems, then what Flink cannot run. */
    public static ValidationResult validate(Pipeline pipeline) throws InvalidPipelineException {
        Catalog catalog = StandardCatalog.get();
        String what = pipeline.name() == null ? "pipeline" : "pipeline \"" + pipeline.name() + "\"";
        ValidationResult v = new PipelineValidator(catalog).validate(pipeline, pipeline.settings().modeOrDefault());
        if (v.hasErrors()) throw new InvalidPipelineException(what, v.errors());
        List<Problem> refused = FlinkReadiness.problems(pipeline, catalog);
        if (!refused.isEmpty()) throw new InvalidPipelineException(what + " on Flink", refused);
        return v;
    }

    /**
     * The pipeline without the scripted steps that act on Eddy's runtime, injected failures and
     * restore steps: a Flink run fails or restores only for its own reasons.
     */
    public static Pipeline withoutScriptedFaults(Pipeline pipeline) {
        List<dev.eddy.model.Node> nodes = new java.util.ArrayList<>();
        boolean changed = false;
        for (dev.eddy.model.Node n : pipeline.nodes()) {
            var steps = n.paramsView().get("steps");
            if (!n.type().equals("source.scripted") || steps == null || !steps.isArray()) {
                nodes.add(n);
                continue;
            }
            var kept = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            for (var step : steps) if (!step.has("fail") && !step.has("checkpoint")) kept.add(step);
            changed |= kept.size() != steps.size();
            var params = n.paramsView().deepCopy();
            params.set("steps", kept);
            nodes.add(n.withParams(params));
        }
        return changed ? new Pipeline(pipeline.name(), pipeline.description(), pipeline.settings(), nodes, pipeline.edges(), pipeline.layout(), pipeline.lesson())
                : pipeline;
    }

    /** Translates a pipeline that {@link #validate} accepted, with that validation. */
    public static JobCode translate(Pipeline pipeline, ValidationResult v, Path baseDir, Sinks sinks) {
        pipeline = withoutScriptedFaults(pipeline);
        FlinkTranslator t = new FlinkTranslator(pipeline, v, sinks);
        t.environment();
        for (String id : v.order()) t.node(pipeline.node(id).orElseThrow());
        String collected = t.collectTaps();
        String name = pipeline.name() == null ? "eddy pipeline" : pipeline.name();
        return new JobCode(name, PipelineWriter.write(pipeline), baseDir.toAbsolutePath().normalize().toString(),
                List.copyOf(t.statements), collected);
    }

    private void environment() {
        Settings s = pipeline.settings();
        statements.add(Statement.run("Settings of the pipeline file: parallelism " + defaultParallelism
                + (s.maxParallelism() == null ? "" : ", max parallelism " + s.maxParallelism()), var("env").then("setParallelism", lit(defaultParallelism))));
        if (s.maxParallelism() != null) statements.add(Statement.run(null, var("env").then("setMaxParallelism", lit(s.maxParallelism()))));
        if (s.modeOrDefault() == RuntimeMode.BATCH) {
            statements.add(Statement.run("Batch mode: bounded input, final results only",
                    var("env").then("setRuntimeMode", call(RuntimeExecutionMode.class, "valueOf", lit("BATCH")))));
        }
        if (s.autoWatermarkInterval() != null) {
            statements.add(Statement.run("How often periodic watermark generators emit, in milliseconds of processing time",
                    var("env").then("getConfig").then("setAutoWatermarkInterval", lit(s.autoWatermarkInterval()))));
        }
        if (s.checkpointInterval() != null) {
            checkpointing = true;
            boolean atLeastOnce = s.deliveryGuarantee() == dev.eddy.model.DeliveryGuarantee.AT_LEAST_ONCE;
            String every = "Checkpoint every " + dev.eddy.catalog.Durations.format(s.checkpointInterval()) + " of processing time";
            statements.add(atLeastOnce
                    ? Statement.run(every + ", at least once (no barrier alignment)", var("env").then("enableCheckpointing",
                            lit(s.checkpointInterval()), call(org.apache.flink.core.execution.CheckpointingMode.class, "valueOf", lit("AT_LEAST_ONCE"))))
                    : Statement.run(every + " (exactly-once, Flink's default mode)", var("env").then("enableCheckpointing", lit(s.checkpointInterval()))));
            if (s.unalignedCheckpointsOrDefault()) {
                statements.add(Statement.run("Unaligned checkpoints: barriers overtake the records in flight, which are checkpointed too",
                        var("env").then("getCheckpointConfig").then("enableUnalignedCheckpoints")));
            }
        }
    }

    private void node(Node n) {
        String type = n.type();
        if (type.startsWith("source.")) {
            source(n);
        } else if (type.startsWith("sink.")) {
            sink(n);
        } else {
            switch (type) {
                case "map", "filter", "flat-map" -> declare(n, OPERATOR, named(n, input(n, "in").then("process", fn(RecordFunction.class, n))), true);
                case "union" -> declare(n, ROWS, input(n, "in"), false);
                case "rebalance" -> declare(n, ROWS, input(n, "in").then("rebalance"), false);
                case "key-by" -> declare(n, "KeyedStream<Row, Object>", input(n, "in").then("keyBy", fn(KeyFunction.class, n)), false);
                case "reduce" -> declare(n, OPERATOR, named(n, input(n, "in").then("reduce", fn(ReduceRows.class, n))), false);
                case "aggregate" -> declare(n, OPERATOR, named(n, input(n, "in").then("process", fn(RollingAggregate.class, n))), false);
                case "process", "change-alert", "deduplicate", "top-n" ->
                        declare(n, OPERATOR, named(n, input(n, "in").then("process", fn(KeyedProgram.class, n))), true);
                case "watermarks" -> TimeTranslation.watermarks(this, n);
                case "window" -> WindowTranslation.window(this, n);
                case "window-join" -> WindowTranslation.windowJoin(this, n);
                case "interval-join" -> WindowTranslation.intervalJoin(this, n);
                default -> throw new IllegalStateException("no Flink translation for " + type);
            }
        }
    }

    private void source(Node n) {
        var p = params(n);
        Code strategy = p.isSet("watermarks") ? TimeTranslation.strategy(this, n, p.string("watermarks"))
                : Code.callTyped(WatermarkStrategy.class, "Row", "noWatermarks");
        Code stream = var("env").then("fromSource", fn(EddySource.class, n), strategy, lit(n.id()));
        declare(n, ROWS, parallel(n, stream), false);
    }

    private void sink(Node n) {
        if (sinks == Sinks.TAPPED) {
            String tap = fresh(n.id() + "Tap");
            statements.add(Statement.let(comment(n) + "\nIts records and watermarks go back to the client, which writes them as Eddy's sink does",
                    OPERATOR, tap, parallel(n, input(n, "in").then("transform", lit(n.id()), call(EddyTypes.class, "rows"), make(SinkTap.class, lit(n.id()))))));
            taps.add(tap);
        } else {
            FlinkSinks.sink(this, n);
        }
    }

    private String collectTaps() {
        if (taps.isEmpty()) return null;
        if (taps.size() == 1) return taps.get(0);
        List<Code> rest = new ArrayList<>();
        for (String t : taps.subList(1, taps.size())) rest.add(var(t));
        String all = fresh("sinkOutput");
        statements.add(Statement.let("Every sink's output, merged for the client", ROWS, all,
                new Code.Invoke(var(taps.get(0)), "union", rest)));
        return all;
    }

    // ---- helpers for the translations ----

    /** The node's parameters with the defaults its type declares, so no default is written twice. */
    static dev.eddy.catalog.Params params(Node n) {
        return dev.eddy.catalog.Params.of(n, StandardCatalog.get().type(n.type()).orElseThrow());
    }

    /** {@code new Function(pipeline, "node")}. */
    Code fn(Class<?> function, Node n) { return make(function, var("pipeline"), lit(n.id())); }

    Code fnGeneric(Class<?> function, Node n) { return Code.makeGeneric(function, var("pipeline"), lit(n.id())); }

    Code named(Node n, Code operator) { return parallel(n, operator.then("name", lit(n.id()))); }

    /** Sets the node's parallelism where it differs from the job's. */
    Code parallel(Node n, Code operator) {
        int p = validation.parallelism().get(n.id());
        return p == defaultParallelism ? operator : operator.then("setParallelism", lit(p));
    }

    /**
     * Declares the node's main output as a variable named after the node; an operator's side
     * outputs are the node's side ports unless {@link #sideOutputsFrom} named another operator.
     */
    void declare(Node n, String type, Code value, boolean unused) {
        String name = fresh(n.id());
        statements.add(Statement.let(comment(n), type, name, value));
        outVar.put(n.id(), name);
        if (type.equals(OPERATOR)) sideSource.putIfAbsent(n.id(), name);
    }

    private boolean checkpointing;

    /** Flink's FileSink finishes part files only on checkpoints, so a job with one checkpoints. */
    void checkpointForFiles() {
        if (checkpointing) return;
        checkpointing = true;
        statements.add(Statement.run("File sinks commit their part files when a checkpoint completes: checkpoint every 10 s",
                var("env").then("enableCheckpointing", lit(10_000L))));
    }

    /** The variable whose side outputs are the node's side ports (when it is not the node's main variable). */
    void sideOutputsFrom(Node n, String variable) { sideSource.put(n.id(), variable); }

    String fresh(String wanted) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : wanted.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            } else {
                up = b.length() > 0;
            }
        }
        String base = b.length() == 0 || !Character.isJavaIdentifierStart(b.charAt(0)) ? "n" + b : b.toString();
        if (javax.lang.model.SourceVersion.isKeyword(base)) base = base + "Stream";
        String name = base;
        for (int i = 2; !names.add(name); i++) name = base + i;
        return name;
    }

    List<Edge> edgesInto(Node n, String port) {
        return pipeline.edges().stream().filter(e -> e.to().equals(n.id()) && e.inPort().equals(port)).toList();
    }

    boolean connected(Node n, String outPort) {
        return pipeline.edges().stream().anyMatch(e -> e.from().equals(n.id()) && e.outPort().equals(outPort));
    }

    /** The stream arriving at a port: the upstream node's output, or the union of several. */
    Code input(Node n, String port) {
        List<Edge> in = edgesInto(n, port);
        Code first = upstream(in.get(0));
        if (in.size() == 1) return first;
        List<Code> rest = new ArrayList<>();
        for (Edge e : in.subList(1, in.size())) rest.add(upstream(e));
        return new Code.Invoke(first, "union", rest);
    }

    /** The node feeding a port (for keyed inputs: the key-by node). */
    Node upstreamNode(Node n, String port) {
        return pipeline.node(edgesInto(n, port).get(0).from()).orElseThrow();
    }

    private Code upstream(Edge e) {
        if (e.outPort().equals("out")) return var(outVar.get(e.from()));
        String key = e.from() + "." + e.outPort();
        String name = sideVar.get(key);
        if (name == null) {
            name = fresh(e.from() + " " + e.outPort());
            statements.add(Statement.let("The \"" + e.outPort() + "\" port of \"" + e.from() + "\": a side output", ROWS, name,
                    var(sideSource.get(e.from())).then("getSideOutput", call(Ports.class, "tag", lit(e.from()), lit(e.outPort())))));
            sideVar.put(key, name);
        }
        return var(name);
    }

    /** A node's id, type and short parameters, for the comment above the code it became. */
    public static String comment(Node n) {
        StringBuilder b = new StringBuilder("\"" + n.id() + "\" (" + n.type() + ")");
        var params = n.paramsView();
        List<String> parts = new ArrayList<>();
        params.fields().forEachRemaining(f -> {
            if (f.getValue().isContainerNode() && f.getValue().size() > 4) return;
            String v = f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString();
            parts.add(f.getKey() + ": " + v);
        });
        if (!parts.isEmpty()) b.append(' ').append(String.join(", ", parts));
        return b.toString();
    }
}
