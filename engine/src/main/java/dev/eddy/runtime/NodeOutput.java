package dev.eddy.runtime;

import dev.eddy.observe.NodeMetrics;
import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.types.Row;
import java.util.Map;

/**
 * The output of one node in one subtask: counts what leaves, samples it for observers when
 * someone listens, and hands it to every target of the port. Watermarks go to every port, as in
 * Flink, where side outputs carry watermarks too. Like Flink's RecordWriterOutput and
 * ChainingOutput, it remembers the status it announced: a status goes out only when it changes,
 * and a watermark emitted while the output is idle is dropped (the operator has still acted on it).
 */
final class NodeOutput implements Output {
    private static final Target[] NONE = new Target[0];

    private final String nodeId;
    private final int subtask;
    private final NodeMetrics metrics;
    private final ObservationBus bus;
    private final ProcessingTimeService clock;
    private final Target[] main;
    private final Map<String, Target[]> sidePorts;
    private final Target[] all;
    private boolean announcedIdle;

    NodeOutput(String nodeId, int subtask, NodeMetrics metrics, ObservationBus bus, ProcessingTimeService clock,
               Map<String, Target[]> ports) {
        this.nodeId = nodeId;
        this.subtask = subtask;
        this.metrics = metrics;
        this.bus = bus;
        this.clock = clock;
        this.main = ports.getOrDefault("out", NONE);
        this.sidePorts = ports;
        this.all = ports.values().stream().flatMap(java.util.Arrays::stream).distinct().toArray(Target[]::new);
    }

    @Override
    public void collect(Row row, long timestamp) {
        metrics.recordsOut++;
        if (bus.wantsRecordSamples()) bus.publish(new Observation.RecordSampled(clock.currentProcessingTime(), nodeId, subtask, "out", row, timestamp));
        for (Target t : main) t.collect(row, timestamp);
    }

    @Override
    public void collect(String port, Row row, long timestamp) {
        if ("out".equals(port)) {
            collect(row, timestamp);
            return;
        }
        if (bus.wantsRecordSamples()) bus.publish(new Observation.RecordSampled(clock.currentProcessingTime(), nodeId, subtask, port, row, timestamp));
        for (Target t : sidePorts.getOrDefault(port, NONE)) t.collect(row, timestamp);
    }

    @Override
    public void emitWatermark(long watermark) {
        if (announcedIdle) return;
        metrics.lastWatermark = watermark;
        if (bus.isActive()) bus.publish(new Observation.WatermarkAdvanced(clock.currentProcessingTime(), nodeId, subtask, watermark));
        for (Target t : all) t.emitWatermark(watermark);
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
        if (idle == announcedIdle) return;
        announcedIdle = idle;
        for (Target t : all) t.emitWatermarkStatus(idle);
    }
}
