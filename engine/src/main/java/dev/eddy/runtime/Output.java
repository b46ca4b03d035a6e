package dev.eddy.runtime;

import dev.eddy.types.Row;

/** Where an operator sends what it produces: its main output, named side outputs, watermarks. */
public interface Output {
    void collect(Row row, long timestamp);

    /** Sends to a named side port (errors, late, ...); a port nobody listens to discards. */
    void collect(String port, Row row, long timestamp);

    void emitWatermark(long watermark);

    /** Marks this output idle (it holds no downstream watermark back) or active again. */
    void emitWatermarkStatus(boolean idle);
}
