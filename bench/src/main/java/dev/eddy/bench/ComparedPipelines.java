package dev.eddy.bench;

import dev.eddy.model.Pipeline;

/** The pipelines both engines run in {@link EngineComparison}; each ends in a discard sink "out". */
final class ComparedPipelines {
    private ComparedPipelines() {}

    static Pipeline stateless(long n) {
        return KeyedSumPipeline.parse("""
                {"format": "eddy.pipeline", "version": 1, "name": "stateless",
                 "nodes": [
                   {"id": "seq", "type": "source.sequence", "params": {"from": 1, "to": %d}},
                   {"id": "shape", "type": "map", "params": {"fields": {"k": "value %% 1000", "v": "value * 2"}}},
                   {"id": "some", "type": "filter", "params": {"condition": "v %% 3 <> 0"}},
                   {"id": "out", "type": "sink.discard"}],
                 "edges": [{"from": "seq", "to": "shape"}, {"from": "shape", "to": "some"}, {"from": "some", "to": "out"}]}
                """.formatted(n));
    }

    /**
     * One record per millisecond of event time, keys round robin; timestamps only rise, so no
     * record is late whenever the periodic watermarks come, and both engines give the same windows.
     * The source's rate only moves Eddy's virtual processing time (neither engine waits for it):
     * 100,000 records a second make a periodic watermark every 20,000 records, so windows fire
     * and are cleaned up as the run goes, as they do in Flink on its wall clock (every 200 ms).
     * Without it Eddy's clock would stand still and every window stay open until the end.
     */
    static Pipeline window(long n, int keys, String assigner) {
        return KeyedSumPipeline.parse("""
                {"format": "eddy.pipeline", "version": 1, "name": "windows",
                 "nodes": [
                   {"id": "seq", "type": "source.sequence", "params": {"from": 1, "to": %d, "rate": 100000}},
                   {"id": "time", "type": "watermarks", "params": {"timestamp": "value", "strategy": "monotonous"}},
                   {"id": "byKey", "type": "key-by", "params": {"key": "value %% %d"}},
                   {"id": "w", "type": "window", "params": {%s, "aggregates": {"n": "COUNT(*)", "total": "SUM(value)"}}},
                   {"id": "out", "type": "sink.discard"}],
                 "edges": [{"from": "seq", "to": "time"}, {"from": "time", "to": "byKey"}, {"from": "byKey", "to": "w"},
                   {"from": "w", "to": "out"}]}
                """.formatted(n, keys, assigner));
    }

    /**
     * The same pipeline checkpointed every {@code intervalMillis} of processing time: Eddy's
     * virtual clock (moved by the source's rate: every 100,000 records at 1 s), Flink's wall clock.
     */
    static Pipeline checkpointed(Pipeline p, long intervalMillis) {
        var s = p.settings();
        return p.withSettings(s.withFaultTolerance(intervalMillis, s.restartAttempts(), s.restartDelay(), s.failAfterRecords(),
                s.deliveryGuarantee()));
    }
}
