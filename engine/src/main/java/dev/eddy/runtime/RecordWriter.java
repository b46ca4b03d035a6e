package dev.eddy.runtime;

import dev.eddy.types.Row;

/**
 * The non-chained end of an edge inside a task: picks the receiving subtask of each record by
 * the edge's partitioning and broadcasts watermarks and the end of input to all of them.
 */
final class RecordWriter implements Target {
    private final ChannelWriter[] channels;
    private final Partitioning partitioning;
    private final KeySelector key;
    private final int maxParallelism;
    private final int forwardChannel;
    private int nextRoundRobin;

    RecordWriter(ChannelWriter[] channels, Partitioning partitioning, KeySelector key, int maxParallelism,
                 int subtaskIndex) {
        this.channels = channels;
        this.partitioning = partitioning;
        this.key = key;
        this.maxParallelism = maxParallelism;
        this.forwardChannel = subtaskIndex % channels.length;
        // Flink's RebalancePartitioner starts at a random channel; a fixed start keeps runs repeatable.
        this.nextRoundRobin = subtaskIndex % channels.length;
    }

    @Override
    public void collect(Row row, long timestamp) {
        StreamElement.Record r = new StreamElement.Record(row, timestamp);
        switch (partitioning) {
            case FORWARD -> channels[forwardChannel].write(r);
            case HASH -> channels[KeyGroups.subtaskFor(key.getKey(row), maxParallelism, channels.length)].write(r);
            case REBALANCE -> {
                channels[nextRoundRobin].write(r);
                nextRoundRobin = (nextRoundRobin + 1) % channels.length;
            }
            case BROADCAST -> {
                for (ChannelWriter c : channels) c.write(r);
            }
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        StreamElement.Watermark w = new StreamElement.Watermark(watermark);
        for (ChannelWriter c : channels) c.write(w);
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
        StreamElement s = idle ? StreamElement.WatermarkStatus.IDLE : StreamElement.WatermarkStatus.ACTIVE;
        for (ChannelWriter c : channels) c.write(s);
    }

    /** A checkpoint barrier goes to every receiver, as Flink's RecordWriter#broadcastEvent. */
    void emitBarrier(long checkpointId) {
        StreamElement.Barrier b = new StreamElement.Barrier(checkpointId);
        for (ChannelWriter c : channels) c.write(b);
    }

    void endOfInput() {
        for (ChannelWriter c : channels) c.write(StreamElement.EndOfInput.INSTANCE);
    }

    void flush() {
        for (ChannelWriter c : channels) c.flush();
    }
}
