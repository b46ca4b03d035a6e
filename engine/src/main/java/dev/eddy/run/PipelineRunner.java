package dev.eddy.run;

import dev.eddy.catalog.Binding;
import dev.eddy.catalog.Catalog;
import dev.eddy.catalog.NodeType;
import dev.eddy.model.Edge;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.model.RuntimeMode;
import dev.eddy.model.Settings;
import dev.eddy.nodes.StandardCatalog;
import dev.eddy.runtime.ErrorPolicy;
import dev.eddy.runtime.JobEnvironment;
import dev.eddy.runtime.JobSpec;
import dev.eddy.runtime.ResultTables;
import dev.eddy.runtime.driver.DeterministicDriver;
import dev.eddy.runtime.driver.Driver;
import dev.eddy.runtime.driver.JobResult;
import dev.eddy.runtime.driver.Pacer;
import dev.eddy.runtime.driver.ParallelDriver;
import dev.eddy.validate.InvalidPipelineException;
import dev.eddy.validate.PipelineValidator;
import dev.eddy.validate.ValidationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * From a pipeline to a running job: validate against the catalog, turn the bound nodes into a
 * {@link JobSpec}, and hand it to the deterministic or the parallel driver. The CLI, the tests
 * and the designer all start runs here.
 */
public final class PipelineRunner {
    private final Catalog catalog;

    public PipelineRunner(Catalog catalog) { this.catalog = catalog; }

    public static PipelineRunner standard() { return new PipelineRunner(StandardCatalog.get()); }

    /** A validated job ready to start, with the driver that will run it. */
    public record Prepared(JobSpec spec, JobEnvironment environment, ValidationResult validation, Driver driver) {
        public JobResult run() { return driver.run(); }
    }

    /** The pipeline with the options' overrides of its settings. */
    private static Pipeline effective(Pipeline pipeline, RunOptions options) {
        Settings s = pipeline.settings();
        if (options.parallelism() != null) s = s.withParallelism(options.parallelism());
        if (options.mode() != null) s = s.withMode(options.mode());
        if (options.seed() != null) s = s.withSeed(options.seed());
        return pipeline.withSettings(s);
    }

    private ValidationResult validOrThrow(Pipeline original, Pipeline effective) throws InvalidPipelineException {
        ValidationResult v = new PipelineValidator(catalog).validate(effective, effective.settings().modeOrDefault());
        if (v.hasErrors()) {
            throw new InvalidPipelineException(original.name() == null ? "pipeline" : "pipeline \"" + original.name() + "\"", v.errors());
        }
        return v;
    }

    /** How the pipeline would be deployed with these options (tasks, exchanges, slots), without preparing a run. */
    public dev.eddy.runtime.PlanDescription describe(Pipeline pipeline, RunOptions options) throws InvalidPipelineException {
        Pipeline effective = effective(pipeline, options);
        return dev.eddy.runtime.PlanDescription.of(jobSpec(effective, validOrThrow(pipeline, effective)));
    }

    public Prepared prepare(Pipeline pipeline, Path pipelineDir, RunOptions options) throws InvalidPipelineException {
        Pipeline effective = effective(pipeline, options);
        Settings s = effective.settings();
        RuntimeMode mode = s.modeOrDefault();
        ValidationResult v = validOrThrow(pipeline, effective);
        if (mode == RuntimeMode.BATCH && options.maxRecordsPerSource() == Long.MAX_VALUE) {
            List<dev.eddy.validate.Problem> unbounded = new ArrayList<>();
            v.bindings().forEach((id, b) -> {
                if (b.unbounded()) {
                    unbounded.add(dev.eddy.validate.Problem.error("nodes[" + indexOf(pipeline, id) + "]", id, "\"" + id
                            + "\" never ends, and batch mode needs bounded input (as Flink's BATCH mode does); set its count,"
                            + " or run with --max-records"));
                }
            });
            if (!unbounded.isEmpty()) {
                throw new InvalidPipelineException(pipeline.name() == null ? "pipeline" : "pipeline \"" + pipeline.name() + "\"", unbounded);
            }
        }
        JobSpec spec = jobSpec(effective, v);
        JobEnvironment env = new JobEnvironment(pipelineDir, options.outputDir(), options.stdout(), new ResultTables(),
                options.observations(), mode, s.seedOrDefault(), options.maxRecordsPerSource());
        Pacer pacer = new Pacer(options.speed());
        long start = options.startTime() != null ? options.startTime() : s.startTimeOrDefault();
        Driver driver = options.parallelDriver()
                ? new ParallelDriver(spec, env, pacer, start)
                : new DeterministicDriver(spec, env, pacer, start);
        if (options.checkpointDir() != null || options.resume() != null) {
            if (!(driver instanceof DeterministicDriver d)) {
                throw new IllegalArgumentException("checkpoint directories and savepoints are kept by the deterministic driver only");
            }
            if (options.checkpointDir() != null) {
                var dir = new dev.eddy.checkpoint.CheckpointDirectory(options.checkpointDir());
                dir.writeRunInfo(dev.eddy.model.PipelineWriter.write(pipeline), pipelineDir, options.outputDir());
                d.storeCheckpointsIn(dir);
            }
            if (options.resume() != null) d.resumeFrom(options.resume());
        }
        return new Prepared(spec, env, v, driver);
    }

    /** What a node does with a record that fails: its onError, or FAIL for types without one. */
    public static ErrorPolicy errorPolicy(Node n, NodeType t) {
        return t.param("onError").isPresent() ? ErrorPolicy.parse(n.paramsView().path("onError").asText("fail")) : ErrorPolicy.FAIL_ONLY;
    }

    private static int indexOf(Pipeline p, String id) {
        for (int i = 0; i < p.nodes().size(); i++) if (p.nodes().get(i).id().equals(id)) return i;
        return -1;
    }

    private JobSpec jobSpec(Pipeline p, ValidationResult v) {
        List<JobSpec.NodeSpec> nodes = new ArrayList<>();
        for (String id : v.order()) {
            Node n = p.node(id).orElseThrow();
            NodeType t = catalog.type(n.type()).orElseThrow();
            Binding b = v.bindings().get(id);
            ErrorPolicy policy = errorPolicy(n, t);
            nodes.add(new JobSpec.NodeSpec(id, t.id(), v.parallelism().get(id), b.source(), b.operator(),
                    b.inputPartitioning(), b.keyOut() == null ? null : b.keyOut().selector(), policy,
                    t.inputs().stream().map(dev.eddy.catalog.PortSpec::name).toList()));
        }
        List<JobSpec.EdgeSpec> edges = new ArrayList<>();
        for (Edge e : p.edges()) edges.add(new JobSpec.EdgeSpec(e.from(), e.outPort(), e.to(), e.inPort()));
        var s = p.settings();
        var faults = new dev.eddy.runtime.FaultTolerance(s.checkpointInterval() == null ? 0 : s.checkpointInterval(),
                s.restartAttemptsOrDefault(), s.restartDelayOrDefault(), s.failAfterRecords() == null ? 0 : s.failAfterRecords(),
                s.deliveryGuaranteeOrDefault(), s.unalignedCheckpointsOrDefault(),
                s.randomFailures() == null ? java.util.List.of() : s.randomFailures().points(s.seedOrDefault()));
        return new JobSpec(p.name() == null ? "pipeline" : p.name(), nodes, edges, s.maxParallelismOrDefault(), faults);
    }
}
