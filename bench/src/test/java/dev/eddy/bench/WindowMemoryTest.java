package dev.eddy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The memory harness binds the window node from its pipeline file, on both engines, and opens the windows it says; sizes are not asserted. */
class WindowMemoryTest {
    @Test
    void opensKeysTimesWindows() throws Exception {
        WindowMemory.Measured m = WindowMemory.measure("smoke", "\"size\": \"1s\", \"aggregates\": {\"n\": \"COUNT(*)\"}", 100, 3, 2);
        assertEquals(300, m.windows());
        assertEquals(600, m.records());
    }

    @Test
    void flinksWindowOperatorGetsTheSameWindows() throws Exception {
        WindowMemory.Measured m = WindowMemory.measureFlink("smoke", "\"size\": \"1s\", \"aggregates\": {\"n\": \"COUNT(*)\"}", 100, 3, 2);
        assertEquals(300, m.windows());
        assertEquals(600, m.records());
    }
}
