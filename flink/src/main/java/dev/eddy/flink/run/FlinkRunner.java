package dev.eddy.flink.run;

import dev.eddy.flink.translate.FlinkTranslator;
import dev.eddy.flink.translate.JobBuilder;
import dev.eddy.flink.translate.JobCode;
import dev.eddy.model.Pipeline;
import dev.eddy.runtime.JobFailedException;
import dev.eddy.types.Row;
import dev.eddy.validate.InvalidPipelineException;
import dev.eddy.validate.ValidationResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.SerializedThrowable;

/**
 * Runs a pipeline on a Flink cluster through its REST endpoint: translates it, submits the job
 * (with the given jars, for a cluster that does not have Eddy's classes), streams the sinks'
 * records back and writes them with Eddy's sinks, and watches the job's metrics over REST.
 */
public final class FlinkRunner {
    private final String host;
    private final int port;
    private final List<String> jars;
    private final boolean paced;

    /**
     * @param jars  jar files the cluster needs for Eddy's classes (none for an in-process cluster)
     * @param paced whether sources keep to their processing-time schedule; unpaced they go as fast
     *              as they can, which comparisons and benchmarks want
     */
    public FlinkRunner(String host, int port, List<String> jars, boolean paced) {
        this.host = host;
        this.port = port;
        this.jars = List.copyOf(jars);
        this.paced = paced;
    }

    /** An unpaced runner on an in-process cluster. */
    public static FlinkRunner on(FlinkCluster cluster) { return new FlinkRunner(cluster.host(), cluster.port(), List.of(), false); }

    /**
     * @param pipeline  the pipeline with the run's settings
     * @param inputDir  where its relative input paths resolve
     * @param outputDir where its file and trace sinks write
     * @param progress  told the job id once submitted (may be a no-op)
     */
    public FlinkRunResult run(Pipeline pipeline, Path inputDir, Path outputDir, PrintStream stdout, Consumer<String> progress)
            throws InvalidPipelineException {
        ValidationResult v = FlinkTranslator.validate(pipeline);
        JobCode job = FlinkTranslator.translate(pipeline, v, inputDir, FlinkTranslator.Sinks.TAPPED);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(host, port, jars.toArray(new String[0]));
        @SuppressWarnings("unchecked")
        DataStream<Row> tapped = (DataStream<Row>) new JobBuilder(env, job, paced).build();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flink-rest-monitor");
            t.setDaemon(true);
            return t;
        });
        String jobId = null;
        RestMonitor monitor = null;
        String failure = null;
        long records = 0;
        try (SinkReplay replay = new SinkReplay(pipeline, v, inputDir, outputDir, stdout)) {
            CloseableIterator<Row> out = tapped == null ? null : tapped.collectAsync();
            JobClient client = env.executeAsync(job.jobName());
            jobId = client.getJobID().toHexString();
            progress.accept(jobId);
            RestMonitor m = new RestMonitor(host, port, jobId);
            monitor = m;
            poller.scheduleWithFixedDelay(() -> {
                try {
                    m.poll();
                } catch (Exception e) {
                    // A look that fails (the job just finished) is followed by the next one.
                }
            }, 0, 300, TimeUnit.MILLISECONDS);
            try {
                if (out != null) {
                    while (out.hasNext()) replay.accept(out.next());
                    out.close();
                }
            } catch (Exception e) {
                failure = reason(e);
            }
            // The job's own outcome says why it failed better than the collection that lost its task.
            try {
                client.getJobExecutionResult().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                failure = reason(e);
            }
            records = replay.records();
        } catch (Exception e) {
            failure = reason(e);
        } finally {
            poller.shutdownNow();
        }
        String state = failure == null ? "FINISHED" : "FAILED";
        List<VertexMetrics> vertices = List.of();
        if (monitor != null) {
            // REST answers from a cache of the job (web.refresh-interval, 3 s by default); look until it has seen the end.
            for (int i = 0; i < 40; i++) {
                try {
                    monitor.poll();
                    state = monitor.state();
                    if (List.of("FINISHED", "FAILED", "CANCELED").contains(state)) break;
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception e) {
                    // The final look is best effort; the job's outcome is known from the client.
                }
            }
            vertices = monitor.result();
        }
        return new FlinkRunResult(jobId, state, failure, vertices, records);
    }

    /** Eddy's own message when a node failed on a record; otherwise the innermost cause. */
    static String reason(Throwable e) {
        Throwable deepest = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JobFailedException) return t.getMessage();
            // From a cluster the failure comes back serialized, under its original class's name.
            if (t instanceof SerializedThrowable st && JobFailedException.class.getName().equals(st.getOriginalErrorClassName())) {
                return st.getMessage();
            }
            deepest = t;
        }
        return deepest.getClass().getSimpleName() + ": " + deepest.getMessage();
    }
}
