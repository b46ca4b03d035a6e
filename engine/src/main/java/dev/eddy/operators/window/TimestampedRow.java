package dev.eddy.operators.window;

import dev.eddy.types.Row;

/** An element kept in a window with its timestamp, as Flink's evicting window state keeps StreamRecords. */
public record TimestampedRow(Row row, long timestamp) {}
