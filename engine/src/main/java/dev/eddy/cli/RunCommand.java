package dev.eddy.cli;

import dev.eddy.model.Pipeline;
import dev.eddy.model.RuntimeMode;
import dev.eddy.observe.NodeMetrics;
import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.observe.Subscription;
import dev.eddy.run.PipelineRunner;
import dev.eddy.run.RunOptions;
import dev.eddy.checkpoint.CheckpointDirectory;
import dev.eddy.runtime.driver.DeterministicDriver;
import dev.eddy.runtime.driver.JobResult;
import dev.eddy.runtime.driver.Pacer;
import dev.eddy.validate.InvalidPipelineException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a pipeline headless until its bounded input ends (or it is stopped with Ctrl-C).",
                "Print sinks write to standard output; the summary and --trace go to standard error."})
final class RunCommand implements Callable<Integer> {
    enum DriverKind { deterministic, parallel }

    enum Mode { streaming, batch }

    @Parameters(paramLabel = "PIPELINE.json", arity = "0..1",
            description = "the pipeline file (may be left out with --from-savepoint: the run's own copy is used)")
    Path file;

    @Option(names = "--output", paramLabel = "DIR", description = "where file and trace sinks write relative paths (default: a new temporary directory, named at the end)")
    Path output;

    @Option(names = "--mode", description = "streaming (progressive results, the default) or batch (final results only, as Flink's BATCH mode)")
    Mode mode;

    @Option(names = "--parallelism", paramLabel = "N", description = "default parallelism of the nodes")
    Integer parallelism;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the generators (default: the pipeline's, else 42)")
    Long seed;

    @Option(names = "--max-records", paramLabel = "N", description = "stop each source after N records, ending the input cleanly")
    Long maxRecords;

    @Option(names = "--trace", description = "write every observation (records, watermarks, metrics) to standard error as JSON Lines")
    boolean trace;

    @Option(names = "--driver", description = "deterministic (one thread, repeatable; the default) or parallel (a thread per task)")
    DriverKind driver = DriverKind.deterministic;

    @Option(names = "--speed", paramLabel = "X", description = "pace of processing time: 1 is real time, 0.1 slow motion; default as fast as possible")
    Double speed;

    @Option(names = "--checkpoints", paramLabel = "DIR",
            description = "keep each completed checkpoint in DIR (chk-N/), and on Ctrl-C stop with a savepoint there (savepoint-N/)")
    Path checkpoints;

    @Option(names = "--from-savepoint", paramLabel = "PATH",
            description = "resume from a savepoint or checkpoint folder, or from the newest one in a checkpoint directory (after a crash or kill -9)")
    Path fromSavepoint;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    EddyCommand parent;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (parallelism != null && parallelism < 1) return usage(err, "--parallelism must be at least 1, not " + parallelism);
        if (maxRecords != null && maxRecords < 0) return usage(err, "--max-records must not be negative");
        if (speed != null && !(speed > 0)) return usage(err, "--speed must be above 0, e.g. 0.1, 1 or 10");
        if ((checkpoints != null || fromSavepoint != null) && driver == DriverKind.parallel) {
            return usage(err, "--checkpoints and --from-savepoint work with the deterministic driver only (leave --driver parallel out)");
        }
        if (fromSavepoint != null) {
            try {
                resume = CheckpointDirectory.resolve(fromSavepoint);
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                return usage(err, "--from-savepoint: " + e.getMessage());
            }
            if (file == null) {
                file = resume.pipeline().orElse(null);
                if (file == null) return usage(err, "--from-savepoint " + fromSavepoint + " keeps no pipeline.json; name the PIPELINE.json too");
            }
            // Going on where the run was: its folders, and its checkpoint directory for the next crash.
            if (output == null) output = resume.recorded("outputDir").orElse(null);
            if (checkpoints == null && java.nio.file.Files.exists(resume.runDirectory().resolve(CheckpointDirectory.RUN_INFO))) {
                checkpoints = resume.runDirectory();
            }
        }
        if (file == null) return usage(err, "name the PIPELINE.json to run (or resume one with --from-savepoint DIR)");
        // Without --output no run writes into the folder it was started from (a sample's files would land in the repository).
        Path outDir = OutputFolder.chosenOrTemporary(output);
        try {
            return runInto(outDir, err);
        } finally {
            OutputFolder.reportOrRemove(output, outDir, err);
        }
    }

    private CheckpointDirectory.Resume resume;

    private Integer runInto(Path outDir, PrintWriter err) throws Exception {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            err.println("eddy: --output " + outDir + " is a file; expected a directory");
            return EddyCommand.BAD_INPUT;
        }
        Pipeline p = PipelineFiles.read(file, err);
        if (p == null) return EddyCommand.BAD_INPUT;
        ObservationBus bus = new ObservationBus();
        RunOptions options = RunOptions.defaults()
                .withOutputDir(outDir)
                .withMode(mode == null ? null : RuntimeMode.valueOf(mode.name().toUpperCase(java.util.Locale.ROOT)))
                .withParallelism(parallelism).withSeed(seed)
                .withMaxRecords(maxRecords == null ? Long.MAX_VALUE : maxRecords)
                .withParallelDriver(driver == DriverKind.parallel)
                .withSpeed(speed == null ? Pacer.AS_FAST_AS_POSSIBLE : speed)
                .withObservations(bus)
                .withStdout(parent.stdout)
                .withCheckpointDir(checkpoints)
                .withResume(resume);
        Path pipelineDir = resume != null && file.equals(resume.pipeline().orElse(null))
                ? resume.recorded("pipelineDir").orElse(PipelineFiles.folderOf(file)) : PipelineFiles.folderOf(file);
        PipelineRunner.Prepared job;
        try {
            job = PipelineRunner.standard().prepare(p, pipelineDir, options);
        } catch (InvalidPipelineException e) {
            err.println(PipelineFiles.refusal(file, e));
            return EddyCommand.BAD_INPUT;
        } catch (java.io.UncheckedIOException e) {
            err.println("eddy: " + e.getMessage());
            return EddyCommand.BAD_INPUT;
        }
        if (resume != null) {
            err.println("resuming from " + resume.checkpoint().kind() + " " + resume.checkpoint().id() + " in " + resume.folder());
        }
        Thread tracer = trace ? startTracer(bus, err) : null;
        // On Ctrl-C the JVM ends once its hooks return: cancel, then wait until files are closed and the summary is out.
        java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            if (checkpoints != null && job.driver() instanceof DeterministicDriver d) {
                stopWithSavepoint(d, err);
            } else {
                job.driver().cancel();
            }
            try {
                reported.await(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "eddy-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            JobResult result = job.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // Shutting down already (Ctrl-C): the hook is waiting for the summary below.
            }
            if (tracer != null) {
                tracer.interrupt();
                tracer.join(2000);
            }
            parent.stdout.flush();
            summary(result, err);
            if (result.succeeded()) return 0;
            if (result.state() == dev.eddy.observe.JobState.CANCELED) return 130;
            err.println("eddy: job failed: " + result.failure());
            return EddyCommand.JOB_FAILED;
        } finally {
            reported.countDown();
        }
    }

    /** Ctrl-C with a checkpoint directory: Flink's stop-with-savepoint, and how to go on from it. */
    private static void stopWithSavepoint(DeterministicDriver d, PrintWriter err) {
        java.util.concurrent.CountDownLatch taken = new java.util.concurrent.CountDownLatch(1);
        d.stopWithSavepoint(s -> {
            if (s.folder() != null) {
                err.println("eddy: stopped with a savepoint in " + s.folder() + "; go on with: ./eddy run --from-savepoint " + s.folder());
            } else {
                err.println("eddy: stopped without a savepoint: " + s.error());
            }
            err.flush();
            taken.countDown();
        });
        try {
            if (!taken.await(10, java.util.concurrent.TimeUnit.SECONDS)) d.cancel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            d.cancel();
        }
    }

    private static int usage(PrintWriter err, String message) {
        err.println("eddy: " + message);
        return EddyCommand.BAD_INPUT;
    }

    private static void summary(JobResult r, PrintWriter err) {
        StringBuilder b = new StringBuilder();
        b.append(r.state().name().toLowerCase(java.util.Locale.ROOT)).append(" in ").append(r.wallMillis()).append(" ms:");
        for (Map.Entry<String, NodeMetrics.Snapshot> e : r.totals().entrySet()) {
            NodeMetrics.Snapshot s = e.getValue();
            b.append(' ').append(e.getKey()).append(" in=").append(s.recordsIn()).append(" out=").append(s.recordsOut());
            if (s.errors() > 0) b.append(" errors=").append(s.errors());
            b.append(';');
        }
        err.println(b.substring(0, b.length() - 1));
        err.flush();
    }

    private static Thread startTracer(ObservationBus bus, PrintWriter err) {
        Subscription sub = bus.subscribe(1 << 16, true);
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Observation o = sub.poll(100, TimeUnit.MILLISECONDS);
                    if (o != null) err.println(ObservationJson.line(o));
                }
            } catch (InterruptedException e) {
                // Stopping: print what is left below.
            }
            for (Observation o : sub.drain()) err.println(ObservationJson.line(o));
            if (sub.dropped() > 0) err.println("{\"kind\": \"thinned\", \"dropped\": " + sub.dropped() + "}");
            err.flush();
            sub.close();
        }, "eddy-trace");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
