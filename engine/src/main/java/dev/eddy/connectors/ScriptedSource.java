package dev.eddy.connectors;

import dev.eddy.checkpoint.StateReader;
import dev.eddy.checkpoint.StateWriter;
import dev.eddy.runtime.JobFailedException;
import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.SourceReader;
import dev.eddy.types.Row;
import java.util.List;

/**
 * Replays a timeline written in the pipeline file, bit for bit: records with or without an
 * event timestamp, watermarks, and advances of processing time (which fire the timers due by
 * then), the way Flink's operator test harnesses drive an operator. Steps after a processing-time
 * step are due at that time, so the driver's clock moves there first.
 */
public final class ScriptedSource implements SourceReader {
    /** One step of the timeline. */
    public sealed interface Step permits Emit, Watermark, AdvanceTo, Restore, Fail {}

    public record Emit(Row row, long timestamp) implements Step {}

    public record Watermark(long timestamp) implements Step {}

    public record AdvanceTo(long processingTime) implements Step {}

    public record Restore() implements Step {}

    /**
     * An injected failure of this source's subtask. It happens once per run: a restored source
     * that replays the step goes past it, as a crash does not repeat itself. The flag is shared by
     * every reader built from these steps, so it outlives the tasks a restart throws away.
     */
    public record Fail(String reason, java.util.concurrent.atomic.AtomicBoolean happened) implements Step {}

    private final List<Step> steps;
    private int next;
    private long dueAt = NOW;
    private String nodeId;

    public ScriptedSource(List<Step> steps) { this.steps = steps; }

    @Override
    public void open(OperatorContext context) { nodeId = context.nodeId(); }

    @Override
    public Poll poll(Output output) {
        if (next >= steps.size()) return Poll.END;
        Step s = steps.get(next++);
        if (s instanceof Emit e) {
            output.collect(e.row(), e.timestamp());
            return Poll.EMITTED;
        }
        if (s instanceof Watermark w) {
            output.emitWatermark(w.timestamp());
        }
        if (s instanceof Fail f && f.happened().compareAndSet(false, true)) {
            throw new JobFailedException(nodeId, "source \"" + nodeId + "\" failed as its script says: " + f.reason());
        }
        return s instanceof Restore ? Poll.RESTORE : Poll.NOTHING_YET;
    }

    @Override
    public long nextDueTime() {
        while (next < steps.size() && steps.get(next) instanceof AdvanceTo a) {
            // The clock moves when the driver honours the due time; the step itself emits nothing.
            dueAt = Math.max(dueAt == NOW ? a.processingTime() : dueAt, a.processingTime());
            next++;
        }
        return dueAt;
    }

    @Override
    public void snapshotPosition(StateWriter out) {
        out.writeInt(next).writeLong(dueAt);
    }

    @Override
    public void restorePosition(StateReader in) {
        next = in.readInt();
        dueAt = in.readLong();
    }
}
