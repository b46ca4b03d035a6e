package dev.eddy.runtime;

import dev.eddy.observe.NodeMetrics;
import dev.eddy.observe.Observation;
import dev.eddy.types.DataType;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;

/**
 * What one subtask of one node knows about where it runs, and the one place where a record that
 * fails is handled by the node's error policy, so every operator treats failures alike.
 */
public final class OperatorContext {
    /** The shape of rows on an errors port: which node, why, and the failed record as text. */
    public static final Schema ERROR_SCHEMA = Schema.of("node", DataType.STRING, "error", DataType.STRING,
            "record", DataType.STRING);
    public static final String ERRORS_PORT = "errors";

    private final String nodeId;
    private final String nodeType;
    private final int subtaskIndex;
    private final int parallelism;
    private final int maxParallelism;
    private final ErrorPolicy errorPolicy;
    private final JobEnvironment environment;
    private final ProcessingTimeService clock;
    private final NodeMetrics metrics;
    private final TaskTimers taskTimers;
    private final dev.eddy.model.DeliveryGuarantee guarantee;
    private Output output;
    private boolean restoring;

    public OperatorContext(String nodeId, String nodeType, int subtaskIndex, int parallelism, int maxParallelism,
                           ErrorPolicy errorPolicy, JobEnvironment environment, ProcessingTimeService clock,
                           NodeMetrics metrics, TaskTimers taskTimers) {
        this(nodeId, nodeType, subtaskIndex, parallelism, maxParallelism, errorPolicy, environment, clock, metrics,
                taskTimers, null);
    }

    public OperatorContext(String nodeId, String nodeType, int subtaskIndex, int parallelism, int maxParallelism,
                           ErrorPolicy errorPolicy, JobEnvironment environment, ProcessingTimeService clock,
                           NodeMetrics metrics, TaskTimers taskTimers, dev.eddy.model.DeliveryGuarantee guarantee) {
        this.guarantee = guarantee;
        this.nodeId = nodeId;
        this.nodeType = nodeType;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.errorPolicy = errorPolicy;
        this.environment = environment;
        this.clock = clock;
        this.metrics = metrics;
        this.taskTimers = taskTimers;
    }

    /** Where failed records go; the runtime that runs the operator binds it before the first record. */
    public void bindOutput(Output output) { this.output = output; }

    /** The node's output, also for a part of a node that emits on its own (a source's watermark generator). */
    public Output output() { return output; }

    public String nodeId() { return nodeId; }

    /** Whether this subtask is being rebuilt from a checkpoint: it opens without starting afresh (a sink keeps its file). */
    public boolean isRestoring() { return restoring; }

    void markRestoring() { restoring = true; }

    public String nodeType() { return nodeType; }

    /**
     * The run's delivery guarantee, which a sink follows: transactional sinks commit on completed
     * checkpoints under exactly-once and write through otherwise. Null: no checkpoints, none stated.
     */
    public dev.eddy.model.DeliveryGuarantee deliveryGuarantee() { return guarantee; }

    public int subtaskIndex() { return subtaskIndex; }

    public int parallelism() { return parallelism; }

    public int maxParallelism() { return maxParallelism; }

    public JobEnvironment environment() { return environment; }

    public NodeMetrics metrics() { return metrics; }

    public long currentProcessingTime() { return clock.currentProcessingTime(); }

    /** The task's processing-time timers; callbacks run on the task's thread, between records. */
    public TaskTimers taskTimers() { return taskTimers; }

    /** A timer service for a keyed operator, firing into it. */
    public TimerService createTimerService(TimerService.Triggerable target) { return new TimerService(target, taskTimers); }

    /**
     * A record could not be processed. Under FAIL the job stops with a message naming the node,
     * the record and the reason; under SKIP the record goes to the errors port and is counted.
     */
    public void recordFailed(Row row, long timestamp, String renderedRecord, String reason) {
        if (errorPolicy != ErrorPolicy.SKIP) {
            throw new JobFailedException(nodeId, "node \"" + nodeId + "\" (" + nodeType + ") failed on "
                    + renderedRecord + ": " + reason
                    + (errorPolicy == ErrorPolicy.FAIL ? " (set \"onError\": \"skip\" on the node to set such records aside instead)" : ""));
        }
        metrics.errors++;
        environment.observations().publish(new Observation.RecordFailed(currentProcessingTime(), nodeId,
                subtaskIndex, reason, row));
        output.collect(ERRORS_PORT, Row.of(nodeId, reason, renderedRecord), timestamp);
    }
}
