package dev.eddy.connectors;

import dev.eddy.runtime.Time;
import dev.eddy.types.Row;
import dev.eddy.types.RowJson;
import dev.eddy.types.Schema;
import java.nio.file.Path;

/**
 * Writes what reaches it, in arrival order, the way Flink's operator test harness shows an
 * operator's output: {@code {"record": {...}, "ts": 2999}} per record ({@code "ts": null} when
 * it has no timestamp) and {@code {"watermark": 2999}} per watermark. Tests compare these files
 * to expected ones, time-exact.
 */
public final class TraceSink extends LineWriterSink {
    private final Schema schema;
    private final String pathText;
    private Path path;

    public TraceSink(Schema schema, String path) {
        this.schema = schema;
        this.pathText = path;
    }

    @Override
    protected Path target() { return path; }

    @Override
    public void open(dev.eddy.runtime.OperatorContext context, dev.eddy.runtime.Output output) {
        super.open(context, output);
        path = context.environment().resolveOutput(pathText);
        openNow();
    }

    @Override
    public void processElement(Row row, long timestamp) { writeLine(recordLine(row, schema, timestamp)); }

    @Override
    public void processWatermark(long watermark) { writeLine(watermarkLine(watermark)); }

    public static String recordLine(Row row, Schema schema, long timestamp) {
        return "{\"record\": " + RowJson.toLine(row, schema) + ", \"ts\": " + Time.orNull(timestamp) + "}";
    }

    public static String watermarkLine(long watermark) { return "{\"watermark\": " + watermark + "}"; }

    @Override
    public void processWatermarkStatus(boolean idle) {
        writeLine("{\"watermarkStatus\": \"" + (idle ? "IDLE" : "ACTIVE") + "\"}");
    }
}
