package dev.eddy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.runtime.driver.JobResult;
import org.junit.jupiter.api.Test;

/** The benchmark's pipeline at a tiny size, so the benchmark cannot rot between measurements. */
class KeyedSumPipelineTest {
    @Test
    void bothDriversCountEveryRecordThatPassesTheFilter() {
        for (boolean parallel : new boolean[] {false, true}) {
            JobResult r = KeyedSumPipeline.run(KeyedSumPipeline.pipeline(10_000, 100), parallel, 2);
            assertTrue(r.succeeded(), r.failure());
            assertEquals(10_000, r.recordsOut("seq"));
            assertEquals(KeyedSumPipeline.expectedAtSink(10_000), r.recordsIn("out"));
        }
    }

    @Test
    void everyWindowBenchmarkPipelineRunsAndCountsEveryRecord() {
        for (String w : new String[] {"tumbling", "sliding", "session"}) {
            JobResult r = KeyedSumPipeline.run(WindowThroughputBenchmark.pipeline(5_000, 100, w), false, 1);
            assertTrue(r.succeeded(), r.failure());
            assertEquals(5_000, r.recordsIn("w"), w);
            assertTrue(r.recordsIn("out") > 0, w + " fired windows");
        }
    }
}
