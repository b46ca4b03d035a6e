package dev.eddy.process;

import dev.eddy.state.KeyedState;
import dev.eddy.types.Row;

/**
 * What a process program reaches of the operator that runs it, as Flink's KeyedProcessFunction
 * reaches its Context and TimerService: the key's state, the clocks, timers for the current key,
 * and the outputs. Eddy's operator and the Flink bridge each implement it.
 */
public interface ProcessContext {
    KeyedState state();

    /** Long.MIN_VALUE before the first watermark. */
    long currentWatermark();

    long currentProcessingTime();

    void registerEventTimeTimer(long time);

    void deleteEventTimeTimer(long time);

    void registerProcessingTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);

    /** {@code timestamp} is {@code Time.NO_TIMESTAMP} for a record without one. */
    void emit(String port, Row row, long timestamp);
}
