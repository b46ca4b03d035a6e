package dev.eddy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.flink.run.FlinkCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The side-by-side benchmark in a smoke size: every row runs on Eddy, on Flink through the bridge
 * and as the native exported job, with equal digests (timings are not checked).
 */
class EngineComparisonTest {
    @Test
    void everyRowGivesTheSameOutputOnBothEngines() throws Exception {
        try (FlinkCluster cluster = FlinkCluster.start(2)) {
            List<EngineComparison.Row> rows = new EngineComparison(cluster).all(20_000, 1, "");
            assertEquals(7, rows.size(), "six rows and the checkpointed one");
            for (EngineComparison.Row r : rows) {
                assertTrue(r.digest() != 0, r.name() + " digested nothing");
                assertEquals(1, r.nativeFlink().length, r.name() + " ran as a native job");
            }
            FirstResult.Figures first = new FirstResult(cluster).measure(1);
            assertTrue(first.eddyMillis()[0] > 0 && first.flinkMillis()[0] > 0, "both engines delivered a first result");
        }
    }
}
