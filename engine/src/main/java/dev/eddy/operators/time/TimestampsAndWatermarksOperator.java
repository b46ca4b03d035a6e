package dev.eddy.operators.time;

import dev.eddy.expr.CompiledExpression;
import dev.eddy.expr.EvaluationException;
import dev.eddy.operators.RecordOperator;
import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.Time;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import java.time.Instant;

/**
 * Flink's TimestampsAndWatermarksOperator: sets each record's timestamp, emits the record, then
 * lets the watermark generator see it; periodic generators emit every auto-watermark interval of
 * processing time and once more at the end of input. Watermarks from upstream are swallowed,
 * except the final Long.MAX_VALUE. Emitted watermarks only ever go up. With an idleness timeout,
 * a generator that saw no records for longer than it marks its output idle.
 */
public final class TimestampsAndWatermarksOperator extends RecordOperator {
    private final CompiledExpression timestamp;
    private final WatermarkStrategy strategy;
    private final long maxOutOfOrderness;
    private final CompiledExpression punctuation;
    private final long idleTimeout;
    private final long interval;
    private final boolean progressive;

    private long maxTimestamp;
    private long currentWatermark = Long.MIN_VALUE;
    private long lastIngestion = Long.MIN_VALUE;
    private boolean idle;
    private long activityCounter;
    private long lastProbeCounter = -1;
    private long inactiveSince = Long.MIN_VALUE;

    /**
     * @param timestamp   BIGINT (epoch ms) or TIMESTAMP expression; null keeps the record's own timestamp
     * @param progressive false in BATCH mode, where only the final watermark exists
     */
    public TimestampsAndWatermarksOperator(Schema input, CompiledExpression timestamp, WatermarkStrategy strategy,
                                           long maxOutOfOrderness, CompiledExpression punctuation, long idleTimeout,
                                           long interval, boolean progressive) {
        super(input);
        this.timestamp = timestamp;
        this.strategy = strategy;
        this.maxOutOfOrderness = strategy == WatermarkStrategy.BOUNDED_OUT_OF_ORDERNESS ? maxOutOfOrderness : 0;
        this.punctuation = punctuation;
        this.idleTimeout = idleTimeout;
        this.interval = interval;
        this.progressive = progressive;
        // BoundedOutOfOrdernessWatermarks: so that the first periodic emit before any event is Long.MIN_VALUE.
        this.maxTimestamp = Long.MIN_VALUE + this.maxOutOfOrderness + 1;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        super.open(context, output);
        if (progressive && interval > 0 && (strategy.isPeriodic() || idleTimeout > 0)) scheduleNext(context.currentProcessingTime());
    }

    private void scheduleNext(long now) {
        context.taskTimers().register(now + interval, fired -> {
            onPeriodicEmit(fired);
            scheduleNext(fired);
        });
    }

    @Override
    protected void process(Row row, long previous) {
        long ts = extract(row, previous);
        output.collect(row, ts);
        // Activity resets the idleness timer; the output turns active only with its next watermark.
        activityCounter++;
        if (strategy == WatermarkStrategy.PUNCTUATED) {
            if (progressive && punctuation.evaluate(row) == Boolean.TRUE) emitWatermark(ts);
        } else {
            maxTimestamp = Math.max(maxTimestamp, ts);
        }
    }

    private long extract(Row row, long previous) {
        if (strategy == WatermarkStrategy.INGESTION_TIME) {
            lastIngestion = Math.max(context.currentProcessingTime(), lastIngestion);
            return lastIngestion;
        }
        return eventTime(timestamp, row, previous);
    }

    /**
     * A record's event time from the timestamp expression (null keeps the timestamp it has); fails
     * with the reason when there is none. Shared with the Flink bridge's timestamp assigner.
     */
    public static long eventTime(CompiledExpression timestamp, Row row, long previous) {
        if (timestamp == null) {
            if (previous == Time.NO_TIMESTAMP) {
                throw new EvaluationException("the record has no timestamp; set \"timestamp\" to the field or expression that holds its event time");
            }
            return previous;
        }
        Object v = timestamp.evaluate(row);
        if (v == null) throw new EvaluationException("the timestamp `" + timestamp.text() + "` is NULL");
        return v instanceof Instant i ? i.toEpochMilli() : (Long) v;
    }

    /** onPeriodicEmit of the generator, wrapped by WatermarksWithIdleness when a timeout is set. */
    private void onPeriodicEmit(long now) {
        if (idleTimeout > 0 && checkIfIdle(now)) {
            if (!idle) {
                idle = true;
                output.emitWatermarkStatus(true);
            }
            return;
        }
        if (strategy.isPeriodic()) emitWatermark(maxTimestamp - maxOutOfOrderness - 1);
    }

    /** IdlenessTimer#checkIfIdle: the first quiet probe starts the clock; idle once quiet for longer than the timeout. */
    private boolean checkIfIdle(long now) {
        if (activityCounter != lastProbeCounter) {
            lastProbeCounter = activityCounter;
            inactiveSince = Long.MIN_VALUE;
            return false;
        }
        if (inactiveSince == Long.MIN_VALUE) {
            inactiveSince = now;
            return false;
        }
        return now - inactiveSince > idleTimeout;
    }

    private void emitWatermark(long watermark) {
        if (watermark <= currentWatermark) return;
        currentWatermark = watermark;
        if (idle) {
            idle = false;
            output.emitWatermarkStatus(false);
        }
        output.emitWatermark(watermark);
    }

    @Override
    public void processWatermark(long watermark) {
        if (watermark == Time.MAX_WATERMARK) emitWatermark(Time.MAX_WATERMARK);
    }

    @Override
    public void processWatermarkStatus(boolean idle) {
        // Upstream statuses are swallowed: this operator decides its own.
    }

    @Override
    public void endInput() {
        if (progressive && strategy.isPeriodic()) emitWatermark(maxTimestamp - maxOutOfOrderness - 1);
    }
}
