package dev.eddy.flink.runtime;

import dev.eddy.types.Row;
import org.apache.flink.api.common.eventtime.IngestionTimeAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;

/** The ingestion-time strategy's timestamps: Flink's IngestionTimeAssigner, the clock never going back. */
public final class IngestionTime implements TimestampAssignerSupplier<Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public TimestampAssigner<Row> createTimestampAssigner(Context context) { return new IngestionTimeAssigner<>(); }
}
