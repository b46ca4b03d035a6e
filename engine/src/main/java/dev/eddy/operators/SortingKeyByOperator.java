package dev.eddy.operators;

import dev.eddy.runtime.KeySelector;
import dev.eddy.runtime.SerializedKeyOrder;
import dev.eddy.runtime.StreamOperator;
import dev.eddy.runtime.Time;
import dev.eddy.types.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A key-by in BATCH mode: like Flink's SortingDataInput in front of the operator after a keyBy, it
 * holds every record until the input ends, then passes them on sorted by the key's serialized
 * bytes and, within a key, by timestamp, so that the next node sees one key after the other.
 */
public final class SortingKeyByOperator extends StreamOperator {
    private record Held(Object key, Row row, long timestamp) {}

    private final KeySelector key;
    private final List<Held> held = new ArrayList<>();
    private boolean flushed;
    private long highestWatermark = Long.MIN_VALUE;

    public SortingKeyByOperator(KeySelector key) { this.key = key; }

    @Override
    public void processElement(Row row, long timestamp) {
        if (flushed) throw new IllegalStateException("a record arrived after the end of a batch input");
        held.add(new Held(key.getKey(row), row, timestamp));
    }

    @Override
    public void processWatermark(long watermark) {
        // BATCH has no progressive watermarks: as in SortingDataInput, earlier ones are held back
        // and only the highest passes, after the sorted input that the final one releases.
        highestWatermark = Math.max(highestWatermark, watermark);
        if (watermark == Time.MAX_WATERMARK) {
            flush();
            output.emitWatermark(watermark);
        }
    }

    @Override
    public void endInput() {
        boolean pending = !flushed;
        flush();
        if (pending && highestWatermark != Long.MIN_VALUE) output.emitWatermark(highestWatermark);
    }

    @Override
    public void snapshotState(dev.eddy.checkpoint.StateWriter out) {
        out.writeBoolean(flushed).writeLong(highestWatermark).writeInt(held.size());
        for (Held h : held) out.writeValue(h.key).writeValue(h.row).writeLong(h.timestamp);
    }

    @Override
    public void restoreState(dev.eddy.checkpoint.StateReader in) {
        flushed = in.readBoolean();
        highestWatermark = in.readLong();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            Object k = in.readValue();
            Row row = in.readRow();
            held.add(new Held(k, row, in.readLong()));
        }
    }

    private void flush() {
        if (flushed) return;
        flushed = true;
        held.sort(Comparator.comparing((Held h) -> h.key, SerializedKeyOrder.INSTANCE).thenComparingLong(h -> h.timestamp));
        for (Held h : held) output.collect(h.row, h.timestamp);
        held.clear();
    }
}
