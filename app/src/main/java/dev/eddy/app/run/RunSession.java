package dev.eddy.app.run;

import dev.eddy.model.Pipeline;
import dev.eddy.model.RuntimeMode;
import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.observe.Subscription;
import dev.eddy.run.PipelineRunner;
import dev.eddy.run.RunOptions;
import dev.eddy.runtime.driver.DeterministicDriver;
import dev.eddy.runtime.driver.RunControl;
import dev.eddy.validate.InvalidPipelineException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One run of the pipeline on the screen: the engine on a thread of its own (a {@link RunControl}
 * over the deterministic driver, so a run can be repeated exactly), a subscription the UI drains
 * once per frame, and an output folder of its own, so that no run writes into the user's folders.
 */
public final class RunSession implements AutoCloseable {
    /** What the user chose in the run toolbar. */
    public record Settings(RuntimeMode mode, Integer parallelism, Long seed, double speed) {}

    /** Enough for a sample's every record; beyond it, samples are thinned and counted, never the rest. */
    private static final int SAMPLE_CAPACITY = 200_000;

    private final Pipeline pipeline;
    private final RunControl control;
    private final Subscription subscription;
    private final Path outputDir;
    private final dev.eddy.runtime.PlanDescription plan;

    private RunSession(Pipeline pipeline, RunControl control, Subscription subscription, Path outputDir, dev.eddy.runtime.PlanDescription plan) {
        this.pipeline = pipeline;
        this.plan = plan;
        this.control = control;
        this.subscription = subscription;
        this.outputDir = outputDir;
    }

    /**
     * Prepares the run and holds it before its first record. Fails with the validator's words
     * when the pipeline has errors; file sources are read relative to the pipeline's folder.
     */
    public static RunSession start(Pipeline p, Path pipelineDir, Settings s) throws InvalidPipelineException, IOException {
        ObservationBus bus = new ObservationBus();
        Subscription sub = bus.subscribe(SAMPLE_CAPACITY, true);
        Path out = Files.createTempDirectory("eddy-run-");
        RunOptions options = RunOptions.defaults().withObservations(bus).withOutputDir(out).withSpeed(s.speed())
                .withStdout(new PrintStream(OutputStream.nullOutputStream()));
        if (s.mode() != null) options = options.withMode(s.mode());
        if (s.parallelism() != null) options = options.withParallelism(s.parallelism());
        if (s.seed() != null) options = options.withSeed(s.seed());
        PipelineRunner.Prepared prepared = PipelineRunner.standard().prepare(p, pipelineDir == null ? out : pipelineDir, options);
        RunControl control = new RunControl((DeterministicDriver) prepared.driver(), bus, p.name() == null ? "pipeline" : p.name());
        return new RunSession(p, control.start(), sub, out, dev.eddy.runtime.PlanDescription.of(prepared.spec()));
    }

    public Pipeline pipeline() { return pipeline; }

    public RunControl control() { return control; }

    /** How this run is deployed: its tasks, exchanges and slots. */
    public dev.eddy.runtime.PlanDescription plan() { return plan; }

    /** Where the run's file sinks write. */
    public Path outputDir() { return outputDir; }

    /** What the engine reported since the last call, oldest first and at most {@code max}; the UI calls it once per frame. */
    public List<Observation> drain(int max) { return subscription.drain(max); }

    /** Record samples the buffer had to thin out (the charts say so rather than pretend). */
    public long thinned() { return subscription.dropped(); }

    @Override
    public void close() {
        control.cancel();
        subscription.close();
        // The run's files are there to look at until the next run (or the window) replaces them.
        try (var all = Files.walk(outputDir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A folder left in the temp directory is no loss.
        }
    }
}
