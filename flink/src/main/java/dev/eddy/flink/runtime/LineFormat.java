package dev.eddy.flink.runtime;

import dev.eddy.connectors.RowText;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import org.apache.flink.api.common.functions.MapFunction;

/** A sink node's records as the text lines Eddy's print and file sinks write (JSON, Flink's Row text, or CSV). */
public final class LineFormat implements MapFunction<Row, String> {
    private static final long serialVersionUID = 1L;

    private final PipelineRef pipeline;
    private final String node;
    private transient RowText format;
    private transient Schema schema;

    public LineFormat(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    @Override
    public String map(Row row) {
        if (format == null) {
            format = RowText.parse(pipeline.params(node).string("format"));
            schema = pipeline.inputSchema(node, "in");
        }
        return format.format(row, schema);
    }
}
