package dev.eddy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a head operator sees of its inputs' watermarks: per input, R-1.20 across two inputs. */
class InputWatermarksTest {
    private final List<String> seen = new ArrayList<>();
    private final InputWatermarks.Listener listener = new InputWatermarks.Listener() {
        @Override
        public void watermark(long watermark) { seen.add("wm " + watermark); }

        @Override
        public void idle(boolean idle) { seen.add(idle ? "idle" : "active"); }
    };

    @Test
    void aTwoInputOperatorTakesTheMinimumOfItsInputsOnlyWhenItAdvances() {
        // Channels 0 and 1 feed the left input, channel 2 the right.
        InputWatermarks w = new InputWatermarks(new int[] {0, 0, 1}, true, listener);
        w.watermark(0, 30);
        w.watermark(2, 10);
        w.watermark(1, 20);
        w.watermark(2, 25);
        w.watermark(2, 40);
        w.watermark(1, 35);
        assertEquals(List.of("wm 10", "wm 20", "wm 30"), seen);
    }

    @Test
    void whenBothInputsGoIdleTheTwoInputOperatorKeepsItsWatermarkWhereAUnionWouldJumpToTheMaximum() {
        InputWatermarks twoInputs = new InputWatermarks(new int[] {0, 1}, true, listener);
        twoInputs.watermark(0, 10);
        twoInputs.watermark(1, 5);
        twoInputs.status(0, true);
        twoInputs.status(1, true);
        // Each input's valve emits the largest of its own channels (10, then 5): the minimum stays 5.
        assertEquals(List.of("wm 5", "idle"), seen);

        seen.clear();
        InputWatermarks union = new InputWatermarks(new int[] {0, 1}, false, listener);
        union.watermark(0, 10);
        union.watermark(1, 5);
        union.status(0, true);
        union.status(1, true);
        // One valve over both: all channels idle emits the largest watermark of all of them.
        assertEquals(List.of("wm 5", "wm 10", "idle"), seen);
    }

    @Test
    void anIdleInputNoLongerHoldsTheOtherBackAndItsReturnDoesNotMoveTheWatermarkBack() {
        InputWatermarks w = new InputWatermarks(new int[] {0, 1}, true, listener);
        w.watermark(0, 10);
        w.watermark(1, 50);
        w.status(0, true);
        w.watermark(1, 60);
        w.status(0, false);
        w.watermark(0, 20);
        w.watermark(0, 70);
        w.watermark(1, 80);
        assertEquals(List.of("wm 10", "wm 50", "wm 60", "wm 70"), seen);
    }

    @Test
    void theOperatorIsIdleOnlyWhileEveryInputIs() {
        InputWatermarks w = new InputWatermarks(new int[] {0, 1}, true, listener);
        w.status(0, true);
        w.status(1, true);
        w.status(0, false);
        w.status(1, false);
        assertEquals(List.of("idle", "active"), seen);
    }
}
