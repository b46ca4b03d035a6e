package dev.eddy.bench;

import dev.eddy.flink.runtime.PipelineRef;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.StreamOperator;
import dev.eddy.types.Row;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Heap held per open (key, window) by Eddy's window operator: the operator of a pipeline's window
 * node gets records that open keys × windows windows while no watermark comes, so none fires;
 * the heap after a full GC, less the heap before, divided by the open windows. The operator is
 * the one the engine runs (bound from the pipeline file), fed directly so that nothing else
 * (channels, sources) holds memory while it is measured.
 *
 * <p>{@code java -Xmx4g -cp bench/target/benchmarks.jar dev.eddy.bench.WindowMemory [KEYS] [WINDOWS_PER_KEY]}
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
        System.out.println("| window | open (key, window) | records | heap per open window | per record held |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        print(measure("tumbling 1 s, COUNT and SUM (incremental)", "\"size\": \"1s\", \"aggregates\": {\"n\": \"COUNT(*)\", \"total\": \"SUM(value)\"}", keys, perKey, 1));
        print(measure("tumbling 1 s, the elements (4 records each)", "\"size\": \"1s\", \"function\": \"elements\"", keys / 4, perKey, 4));
        print(measure("sessions, gap 100 ms, COUNT and SUM", "\"assigner\": \"session\", \"gap\": \"100ms\", \"aggregates\": {\"n\": \"COUNT(*)\", \"total\": \"SUM(value)\"}", keys, perKey, 1));
    }

    private static void print(Measured m) {
        System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %.0f B | %.0f B |%n", m.name(), m.windows(), m.records(), m.perWindow(),
                (double) m.bytes() / m.records());
    }

    /**
     * Opens {@code keys × perKey} windows of one second each (sessions: 100 ms gap, a second apart),
     * {@code recordsPerWindow} records in each, and measures what the operator holds.
     */
    public static Measured measure(String name, String windowParams, int keys, int perKey, int recordsPerWindow) throws Exception {
        PipelineRef ref = new PipelineRef(pipeline(keys, windowParams), ".", false);
        StreamOperator op = ref.binding("w").operator().create();
        op.open(ref.context("w", 0, 1), DISCARD);
        long before = settledHeap();
        long records = 0;
        for (int w = 0; w < perKey; w++) {
            for (int r = 0; r < recordsPerWindow; r++) {
                for (int k = 0; k < keys; k++) {
                    long value = (long) (w * recordsPerWindow + r) * keys + k;
                    op.processElement(Row.of(value), w * 1000L + r);
                    records++;
                }
            }
        }
        long after = settledHeap();
        // Keep the operator reachable until the heap is measured.
        op.close();
        return new Measured(name, (long) keys * perKey, records, after - before);
    }

    private static String pipeline(int keys, String windowParams) {
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

    private static long settledHeap() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static final Output DISCARD = new Output() {
        @Override public void collect(Row row, long timestamp) {}
        @Override public void collect(String port, Row row, long timestamp) {}
        @Override public void emitWatermark(long watermark) {}
        @Override public void emitWatermarkStatus(boolean idle) {}
    };
}
