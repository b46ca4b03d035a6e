package dev.eddy.operators.join;

import dev.eddy.operators.window.JoinedRows;
import dev.eddy.runtime.InternalTimer;
import dev.eddy.runtime.JobFailedException;
import dev.eddy.runtime.KeySelector;
import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.StreamOperator;
import dev.eddy.runtime.Time;
import dev.eddy.runtime.TimerService;
import dev.eddy.types.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flink's IntervalJoinOperator: each record of one side joins the buffered records of the same
 * key on the other side whose timestamps lie in [ts + lower, ts + upper] (seen from the left);
 * results carry the larger of the two timestamps; a record behind the watermark is late; buffers
 * are cleaned by event-time timers once nothing can join them any more.
 */
public final class IntervalJoinOperator extends StreamOperator implements TimerService.Triggerable {
    public static final String LEFT_LATE = "leftLate";
    public static final String RIGHT_LATE = "rightLate";
    private static final String CLEANUP_LEFT = "cleanup-left";
    private static final String CLEANUP_RIGHT = "cleanup-right";

    private final KeySelector leftKey;
    private final KeySelector rightKey;
    private final long lower;
    private final long upper;
    private final Map<Object, TreeMap<Long, List<Row>>> left = new HashMap<>();
    private final Map<Object, TreeMap<Long, List<Row>>> right = new HashMap<>();
    private TimerService timers;

    /** Bounds already adjusted for exclusiveness, as the Flink operator's constructor does. */
    public IntervalJoinOperator(KeySelector leftKey, KeySelector rightKey, long lower, long upper) {
        this.leftKey = leftKey;
        this.rightKey = rightKey;
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        super.open(context, output);
        timers = context.createTimerService(this);
    }

    @Override
    public boolean isTwoInput() { return true; }

    @Override
    public void processElement(Row row, long timestamp) {
        throw new IllegalStateException("an interval join needs to know whether a record is left or right");
    }

    @Override
    public void processElement(int input, Row row, long timestamp) {
        boolean isLeft = input == 0;
        if (timestamp == Time.NO_TIMESTAMP) {
            throw new JobFailedException(context.nodeId(), "interval join \"" + context.nodeId() + "\": a " + (isLeft ? "left" : "right")
                    + " record has no timestamp; records of an interval join need event timestamps (a watermarks node assigns them)");
        }
        long wm = timers.currentWatermark();
        if (wm != Long.MIN_VALUE && timestamp < wm) {
            output.collect(isLeft ? LEFT_LATE : RIGHT_LATE, row, timestamp);
            return;
        }
        Object key = (isLeft ? leftKey : rightKey).getKey(row);
        Map<Object, TreeMap<Long, List<Row>>> ours = isLeft ? left : right;
        Map<Object, TreeMap<Long, List<Row>>> theirs = isLeft ? right : left;
        long relLower = isLeft ? lower : -upper;
        long relUpper = isLeft ? upper : -lower;
        ours.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(timestamp, t -> new ArrayList<>()).add(row);
        TreeMap<Long, List<Row>> other = theirs.get(key);
        if (other != null) {
            for (Map.Entry<Long, List<Row>> bucket : other.subMap(timestamp + relLower, true, timestamp + relUpper, true).entrySet()) {
                for (Row o : bucket.getValue()) {
                    Row joined = isLeft ? JoinedRows.concat(row, o) : JoinedRows.concat(o, row);
                    output.collect(joined, Math.max(timestamp, bucket.getKey()));
                }
            }
        }
        long cleanup = relUpper > 0 ? timestamp + relUpper : timestamp;
        timers.registerEventTimeTimer(key, isLeft ? CLEANUP_LEFT : CLEANUP_RIGHT, cleanup);
    }

    @Override
    public void snapshotState(dev.eddy.checkpoint.StateWriter out) {
        for (Map<Object, TreeMap<Long, List<Row>>> side : List.of(left, right)) {
            out.writeInt(side.size());
            side.forEach((key, buffer) -> {
                out.writeValue(key).writeInt(buffer.size());
                buffer.forEach((ts, rows) -> out.writeLong(ts).writeValue(rows));
            });
        }
        timers.snapshot(out, dev.eddy.checkpoint.StateWriter::writeValue);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restoreState(dev.eddy.checkpoint.StateReader in) {
        for (Map<Object, TreeMap<Long, List<Row>>> side : List.of(left, right)) {
            int keys = in.readInt();
            for (int k = 0; k < keys; k++) {
                Object key = in.readValue();
                TreeMap<Long, List<Row>> buffer = new TreeMap<>();
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    long ts = in.readLong();
                    buffer.put(ts, new ArrayList<>((List<Row>) in.readValue()));
                }
                side.put(key, buffer);
            }
        }
        timers.restore(in, dev.eddy.checkpoint.StateReader::readValue);
    }

    @Override
    public void onEventTime(InternalTimer timer) {
        if (timer.namespace().equals(CLEANUP_LEFT)) {
            long t = upper <= 0 ? timer.timestamp() : timer.timestamp() - upper;
            remove(left, timer.key(), t);
        } else {
            long t = lower <= 0 ? timer.timestamp() + lower : timer.timestamp();
            remove(right, timer.key(), t);
        }
    }

    private static void remove(Map<Object, TreeMap<Long, List<Row>>> buffer, Object key, long t) {
        TreeMap<Long, List<Row>> b = buffer.get(key);
        if (b == null) return;
        b.remove(t);
        if (b.isEmpty()) buffer.remove(key);
    }

    @Override
    public void onProcessingTime(InternalTimer timer) {}

    @Override
    public void processWatermark(long watermark) {
        timers.advanceWatermark(watermark);
        output.emitWatermark(watermark);
    }
}
