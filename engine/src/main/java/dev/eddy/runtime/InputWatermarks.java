package dev.eddy.runtime;

/**
 * The watermark and idleness a task's head operator sees. A one-input operator (also a union or
 * a window join, which Flink builds from a union) has one {@link WatermarkValve} over all its
 * channels. A two-input operator (the interval join, built on Flink's connect) has one valve per
 * input, and its watermark is the minimum of the two, idle inputs left out, raised only when that
 * minimum advances (AbstractStreamOperator#processWatermark1/2 with IndexedCombinedWatermarkStatus).
 * The difference shows when inputs go idle: each input's valve emits the largest watermark of its
 * own channels, not of all of them.
 */
final class InputWatermarks {
    /** Where the combined watermark and idleness go: the head operator. */
    interface Listener {
        void watermark(long watermark);

        void idle(boolean idle);
    }

    private final WatermarkValve[] valves;
    private final int[] inputOf;
    private final int[] channelInInput;
    private final long[] inputWatermark;
    private final boolean[] inputIdle;
    private long combined = Long.MIN_VALUE;
    private boolean combinedIdle;
    private final Listener listener;

    /**
     * @param channelInput the input port of each channel
     * @param separateInputs whether each input has a valve of its own (two-input operators)
     */
    InputWatermarks(int[] channelInput, boolean separateInputs, Listener listener) {
        this.listener = listener;
        int inputs = 1;
        if (separateInputs) for (int port : channelInput) inputs = Math.max(inputs, port + 1);
        inputOf = new int[channelInput.length];
        channelInInput = new int[channelInput.length];
        int[] widths = new int[inputs];
        for (int c = 0; c < channelInput.length; c++) {
            inputOf[c] = inputs == 1 ? 0 : channelInput[c];
            channelInInput[c] = widths[inputOf[c]]++;
        }
        valves = new WatermarkValve[inputs];
        for (int i = 0; i < inputs; i++) valves[i] = new WatermarkValve(Math.max(widths[i], 1));
        inputWatermark = new long[inputs];
        inputIdle = new boolean[inputs];
        java.util.Arrays.fill(inputWatermark, Long.MIN_VALUE);
    }

    /** A watermark arrived on a channel. */
    void watermark(int channel, long watermark) {
        int input = inputOf[channel];
        long out = valves[input].inputWatermark(channelInInput[channel], watermark);
        if (out != WatermarkValve.NO_CHANGE) inputWatermark(input, out);
    }

    /** A channel went idle or active again. */
    void status(int channel, boolean idle) {
        int input = inputOf[channel];
        WatermarkValve valve = valves[input];
        boolean wasIdle = valve.isIdle();
        if (idle) {
            long out = valve.markIdle(channelInInput[channel]);
            if (out != WatermarkValve.NO_CHANGE) inputWatermark(input, out);
            if (valve.isIdle() && !wasIdle) inputStatus(input, true);
        } else {
            valve.markActive(channelInInput[channel]);
            if (wasIdle) inputStatus(input, false);
        }
    }

    private void inputWatermark(int input, long watermark) {
        if (valves.length == 1) {
            listener.watermark(watermark);
            return;
        }
        inputWatermark[input] = watermark;
        updateCombined();
    }

    private void inputStatus(int input, boolean idle) {
        if (valves.length == 1) {
            listener.idle(idle);
            return;
        }
        boolean wasIdle = combinedIdle;
        inputIdle[input] = idle;
        updateCombined();
        if (wasIdle != combinedIdle) listener.idle(idle);
    }

    /** CombinedWatermarkStatus#updateCombinedWatermark: the minimum over active inputs, when it advances. */
    private void updateCombined() {
        long min = Long.MAX_VALUE;
        boolean allIdle = true;
        for (int i = 0; i < valves.length; i++) {
            if (!inputIdle[i]) {
                min = Math.min(min, inputWatermark[i]);
                allIdle = false;
            }
        }
        combinedIdle = allIdle;
        if (!allIdle && min > combined) {
            combined = min;
            listener.watermark(min);
        }
    }

    /** The combined watermark the head operator last received. */
    long combined() { return valves.length == 1 ? valves[0].lastOutput() : combined; }

    boolean isIdle() { return valves.length == 1 ? valves[0].isIdle() : combinedIdle; }

    long channelWatermark(int channel) { return valves[inputOf[channel]].channelWatermark(channelInInput[channel]); }

    boolean isChannelIdle(int channel) { return valves[inputOf[channel]].isChannelIdle(channelInInput[channel]); }

    boolean isChannelAligned(int channel) { return valves[inputOf[channel]].isChannelAligned(channelInInput[channel]); }
}
