package dev.eddy.flink.runtime;

import dev.eddy.catalog.Binding;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.model.PipelineReader;
import dev.eddy.nodes.StandardCatalog;
import dev.eddy.observe.NodeMetrics;
import dev.eddy.observe.ObservationBus;
import dev.eddy.runtime.ErrorPolicy;
import dev.eddy.runtime.JobEnvironment;
import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.ResultTables;
import dev.eddy.runtime.TaskTimers;
import dev.eddy.types.Schema;
import dev.eddy.validate.InvalidPipelineException;
import dev.eddy.validate.PipelineValidator;
import dev.eddy.validate.ValidationResult;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipeline file a Flink job was made from, carried by every function of the job: on a task
 * manager each function binds its node from it, so a node's expressions and aggregates are
 * compiled by Eddy's own code and evaluate exactly as in Eddy. Only the text travels; the bound
 * pipeline is made once per JVM and shared by the functions that use it.
 */
public final class PipelineRef implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Bound> BOUND = new ConcurrentHashMap<>();

    private final String json;
    private final String baseDir;
    private final boolean paced;

    /**
     * @param json    the pipeline file's text, with the settings of the run
     * @param baseDir the folder relative input paths resolve against (the pipeline file's)
     */
    public PipelineRef(String json, String baseDir) { this(json, baseDir, true); }

    /**
     * @param paced whether sources emit when their records fall due on the processing-time clock
     *              (a real run), or as fast as they can with the clock jumping ahead to each record,
     *              as Eddy's deterministic driver does (comparisons and benchmarks)
     */
    public PipelineRef(String json, String baseDir, boolean paced) {
        this.json = json;
        this.baseDir = baseDir;
        this.paced = paced;
    }

    public boolean paced() { return paced; }

    public String json() { return json; }

    public String baseDir() { return baseDir; }

    private record Bound(Pipeline pipeline, ValidationResult validation) {}

    private Bound bound() {
        return BOUND.computeIfAbsent(json, text -> {
            try {
                Pipeline p = PipelineReader.read(text, "the job's pipeline");
                ValidationResult v = new PipelineValidator(StandardCatalog.get()).validate(p, p.settings().modeOrDefault());
                if (v.hasErrors()) throw new InvalidPipelineException("the job's pipeline", v.errors());
                return new Bound(p, v);
            } catch (InvalidPipelineException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    public Pipeline pipeline() { return bound().pipeline(); }

    public Binding binding(String node) { return bound().validation().bindings().get(node); }

    public Schema schema(String node, String port) { return bound().validation().schema(node, port); }

    /** The schema of what arrives on a node's input port (the first edge into it). */
    public Schema inputSchema(String node, String port) {
        return pipeline().edges().stream().filter(e -> e.to().equals(node) && e.inPort().equals(port)).findFirst()
                .map(e -> schema(e.from(), e.outPort())).orElseThrow();
    }

    public Node node(String id) { return pipeline().node(id).orElseThrow(); }

    /** A node's parameters with its type's defaults. */
    public dev.eddy.catalog.Params params(String id) {
        Node n = node(id);
        return dev.eddy.catalog.Params.of(n, StandardCatalog.get().type(n.type()).orElseThrow());
    }

    public ErrorPolicy errorPolicy(String node) {
        Node n = node(node);
        return dev.eddy.run.PipelineRunner.errorPolicy(n, StandardCatalog.get().type(n.type()).orElseThrow());
    }

    /**
     * An Eddy operator context for one Flink subtask. Eddy's operators and sources need one; on
     * Flink nothing observes them and time is Flink's, so the clock is the wall clock.
     */
    public OperatorContext context(String node, int subtask, int parallelism) {
        return context(node, subtask, parallelism, System::currentTimeMillis);
    }

    /** An operator context whose processing-time clock is the given one. */
    public OperatorContext context(String node, int subtask, int parallelism, dev.eddy.runtime.ProcessingTimeService clock) {
        Pipeline p = pipeline();
        JobEnvironment env = new JobEnvironment(Path.of(baseDir), Path.of(baseDir), System.out, new ResultTables(),
                new ObservationBus(), p.settings().modeOrDefault(), p.settings().seedOrDefault(), Long.MAX_VALUE);
        return new OperatorContext(node, node(node).type(), subtask, parallelism, p.settings().maxParallelismOrDefault(),
                errorPolicy(node), env, clock, new NodeMetrics(node, subtask), new TaskTimers());
    }
}
