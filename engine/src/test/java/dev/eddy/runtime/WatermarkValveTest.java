package dev.eddy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** StatusWatermarkValve's rules, R-1.19 of FLINK-SEMANTICS.md. */
class WatermarkValveTest {
    private static final long NONE = WatermarkValve.NO_CHANGE;

    @Test
    void nothingIsEmittedUntilEveryChannelHasAWatermark() {
        WatermarkValve v = new WatermarkValve(3);
        assertEquals(NONE, v.inputWatermark(0, 10));
        assertEquals(NONE, v.inputWatermark(1, 20));
        assertEquals(10, v.inputWatermark(2, 15));
        assertEquals(15, v.inputWatermark(0, 30));
        assertEquals(20, v.inputWatermark(2, 40));
    }

    @Test
    void watermarksThatDoNotAdvanceAChannelAreIgnored() {
        WatermarkValve v = new WatermarkValve(1);
        assertEquals(5, v.inputWatermark(0, 5));
        assertEquals(NONE, v.inputWatermark(0, 5));
        assertEquals(NONE, v.inputWatermark(0, 3));
        assertEquals(6, v.inputWatermark(0, 6));
    }

    @Test
    void anIdleChannelNoLongerHoldsTheMinimumBack() {
        WatermarkValve v = new WatermarkValve(2);
        assertEquals(NONE, v.inputWatermark(0, 10));
        assertEquals(10, v.markIdle(1));
        assertEquals(12, v.inputWatermark(0, 12));
        assertEquals(NONE, v.inputWatermark(1, 100));
    }

    @Test
    void whenAllChannelsGoIdleTheMaximumIsEmitted() {
        WatermarkValve v = new WatermarkValve(2);
        v.inputWatermark(0, 10);
        v.inputWatermark(1, 7);
        assertEquals(10, v.markIdle(1));
        assertEquals(NONE, v.markIdle(0));
    }

    @Test
    void whenTheLastChannelGoesIdleTheLargestWatermarkOfAllIsEmittedIfItAdvances() {
        WatermarkValve v = new WatermarkValve(2);
        v.inputWatermark(0, 7);
        assertEquals(7, v.inputWatermark(1, 10));
        assertEquals(NONE, v.markIdle(1));
        assertEquals(10, v.markIdle(0));
        assertEquals(true, v.isIdle());
    }

    @Test
    void aResumedChannelRejoinsOnlyOnceItHasCaughtUp() {
        WatermarkValve v = new WatermarkValve(2);
        v.inputWatermark(0, 5);
        v.inputWatermark(1, 5);
        v.markIdle(1);
        assertEquals(20, v.inputWatermark(0, 20));
        v.markActive(1);
        assertEquals(NONE, v.inputWatermark(1, 10));
        assertEquals(25, v.inputWatermark(0, 25));
        assertEquals(NONE, v.inputWatermark(1, 22));
        assertEquals(26, v.inputWatermark(0, 26));
        assertEquals(26, v.lastOutput());
    }
}
