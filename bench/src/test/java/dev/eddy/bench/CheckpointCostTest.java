package dev.eddy.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The checkpoint harness snapshots and restores open windows on both engines; times are not asserted. */
class CheckpointCostTest {
    @Test
    void bothEnginesCheckpointAndRestoreTheOpenWindows() throws Exception {
        String json = WindowMemory.pipeline(100, "\"size\": \"1s\", \"aggregates\": {\"n\": \"COUNT(*)\"}");
        CheckpointCost.Cost eddy = CheckpointCost.eddy(json, 100, 3);
        CheckpointCost.Cost flink = CheckpointCost.flink(json, 100, 3);
        // 300 windows: each engine's checkpoint holds something for every one of them.
        assertTrue(eddy.bytes() > 300 * 20, "Eddy wrote " + eddy.bytes() + " bytes");
        assertTrue(flink.bytes() > 300 * 20, "Flink wrote " + flink.bytes() + " bytes");
    }
}
