package dev.eddy.flink.runtime;

import dev.eddy.runtime.Output;
import dev.eddy.types.Row;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Eddy's Output for Eddy code running inside a Flink ProcessFunction: the main port goes to the
 * collector of the record being processed, named ports (errors, ...) to the node's side outputs.
 * Watermarks are Flink's business there, so they go nowhere.
 */
final class ProcessFunctionOutput implements Output {
    private final String node;
    private ProcessFunction<Row, Row>.Context current;
    private Collector<Row> out;

    ProcessFunctionOutput(String node) { this.node = node; }

    /** The record now being processed: where what it produces goes. */
    void at(ProcessFunction<Row, Row>.Context context, Collector<Row> collector) {
        this.current = context;
        this.out = collector;
    }

    @Override
    public void collect(Row row, long timestamp) { out.collect(row); }

    @Override
    public void collect(String port, Row row, long timestamp) { current.output(Ports.tag(node, port), row); }

    @Override
    public void emitWatermark(long watermark) {}

    @Override
    public void emitWatermarkStatus(boolean idle) {}
}
