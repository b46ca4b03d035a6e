package dev.eddy.bench;

import dev.eddy.flink.runtime.PipelineRef;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.StreamOperator;
import dev.eddy.types.Row;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Heap held per open (key, window) by Eddy's and by Flink's window operator: the operator of a
 * pipeline's window node gets records that open keys × windows windows while no watermark comes,
 * so none fires; the heap after a full GC, less the heap before, divided by the open windows.
 * Eddy's operator is the one the engine runs (bound from the pipeline file), Flink's the one the
 * Flink bridge translates the same file to ({@link FlinkWindowMemory}); each is fed directly so
 * that nothing else (channels, sources) holds memory while it is measured.
 *
 * <p>{@code java -Xmx6g -cp bench/target/benchmarks.jar dev.eddy.bench.WindowMemory [KEYS] [WINDOWS_PER_KEY]}
 */
public final class WindowMemory {
    /** What one configuration held: bytes per open (key, window), and per record in it. */
    public record Measured(String name, long windows, long records, long bytes) {
        double perWindow() { return (double) bytes / windows; }
    }

    private WindowMemory() {}

    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perKey = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.println("| window | open (key, window) | records | Eddy per open window | Flink per open window | Eddy / Flink |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        row("tumbling 1 s, COUNT and SUM (incremental)", "\"size\": \"1s\", \"aggregates\": {\"n\": \"COUNT(*)\", \"total\": \"SUM(value)\"}", keys, perKey, 1);
        row("tumbling 1 s, the elements (4 records each)", "\"size\": \"1s\", \"function\": \"elements\"", keys / 4, perKey, 4);
        row("sessions, gap 100 ms, COUNT and SUM", "\"assigner\": \"session\", \"gap\": \"100ms\", \"aggregates\": {\"n\": \"COUNT(*)\", \"total\": \"SUM(value)\"}", keys, perKey, 1);
    }

    /** Eddy first, then Flink, each in a heap the other has left (a full GC in between). */
    private static void row(String name, String windowParams, int keys, int perKey, int recordsPerWindow) throws Exception {
        Measured eddy = measure(name, windowParams, keys, perKey, recordsPerWindow);
        Measured flink = measureFlink(name, windowParams, keys, perKey, recordsPerWindow);
        System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %.0f B | %.0f B | %.2f |%n", name, eddy.windows(), eddy.records(),
                eddy.perWindow(), flink.perWindow(), eddy.perWindow() / flink.perWindow());
    }

    /** The same windows through the operator Flink runs for the same pipeline file. */
    public static Measured measureFlink(String name, String windowParams, int keys, int perKey, int recordsPerWindow) throws Exception {
        return FlinkWindowMemory.measure(name, pipeline(keys, windowParams), keys, perKey, recordsPerWindow);
    }

    /** Where the records go: an Eddy operator, or Flink's harness. */
    interface Sink {
        void accept(Row row, long timestamp) throws Exception;
    }

    /**
     * Feeds the records that open {@code keys × perKey} windows of one second each (sessions:
     * 100 ms gap, a second apart), {@code recordsPerWindow} in each; returns how many it fed.
     */
    static long feed(int keys, int perKey, int recordsPerWindow, Sink sink) throws Exception {
        long records = 0;
        for (int w = 0; w < perKey; w++) {
            for (int r = 0; r < recordsPerWindow; r++) {
                for (int k = 0; k < keys; k++) {
                    long value = (long) (w * recordsPerWindow + r) * keys + k;
                    sink.accept(Row.of(value), w * 1000L + r);
                    records++;
                }
            }
        }
        return records;
    }

    /** Opens the windows {@link #feed} opens in Eddy's operator and measures what it holds. */
    public static Measured measure(String name, String windowParams, int keys, int perKey, int recordsPerWindow) throws Exception {
        PipelineRef ref = new PipelineRef(pipeline(keys, windowParams), ".", false);
        StreamOperator op = ref.binding("w").operator().create();
        op.open(ref.context("w", 0, 1), DISCARD);
        long before = settledHeap();
        long records = feed(keys, perKey, recordsPerWindow, op::processElement);
        long after = settledHeap();
        // Keep the operator reachable until the heap is measured.
        op.close();
        return new Measured(name, (long) keys * perKey, records, after - before);
    }

    static String pipeline(int keys, String windowParams) {
        return """
                {"format": "eddy.pipeline", "version": 1, "name": "window memory",
                 "nodes": [
                   {"id": "seq", "type": "source.sequence", "params": {"from": 0}},
                   {"id": "byKey", "type": "key-by", "params": {"key": "value %% %d"}},
                   {"id": "w", "type": "window", "params": {%s}},
                   {"id": "out", "type": "sink.discard"}],
                 "edges": [{"from": "seq", "to": "byKey"}, {"from": "byKey", "to": "w"}, {"from": "w", "to": "out"}]}
                """.formatted(keys, windowParams);
    }

    static long settledHeap() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static final Output DISCARD = new Output() {
        @Override public void collect(Row row, long timestamp) {}
        @Override public void collect(String port, Row row, long timestamp) {}
        @Override public void emitWatermark(long watermark) {}
        @Override public void emitWatermarkStatus(boolean idle) {}
    };
}
