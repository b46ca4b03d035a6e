package dev.eddy.operators.time;

import dev.eddy.runtime.SourceFactory;

/**
 * A source with a watermark strategy of its own: the reader without the strategy, and the
 * strategy's user expressions, for a runtime that generates the watermarks itself (the Flink
 * bridge gives the strategy to {@code fromSource}).
 */
public record WatermarkedSource(SourceFactory reader, EventTimeParts eventTime) {}
