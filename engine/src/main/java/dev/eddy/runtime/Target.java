package dev.eddy.runtime;

import dev.eddy.types.Row;

/** One receiver of a port's output: a chained operator or a record writer to other tasks. */
interface Target {
    void collect(Row row, long timestamp);

    void emitWatermark(long watermark);

    void emitWatermarkStatus(boolean idle);
}
