package dev.eddy.observe;

import java.util.List;

/**
 * Where one subtask of a chain stands on event time right now, taken between two elements on the
 * task's own thread: the watermark its head operator last received as the minimum of its input
 * channels, and each channel's own watermark and status. A source task has no channels; its
 * watermark is what its chain last emitted. Watermarks are Long.MIN_VALUE until one arrived.
 *
 * @param nodes the nodes chained in this task, head (or source) first
 * @param outputWatermarks the watermark each of those nodes last emitted, in the same order
 */
public record InputWatermarkStatus(List<String> nodes, int subtask, long inputWatermark, boolean idle,
                                   List<Channel> channels, List<Long> outputWatermarks) {
    public InputWatermarkStatus {
        nodes = List.copyOf(nodes);
        channels = List.copyOf(channels);
        outputWatermarks = List.copyOf(outputWatermarks);
    }

    /**
     * One input channel: the sending node's subtask, the port it feeds, the last watermark it sent,
     * whether it announced itself idle, and whether it counts in the minimum (a channel back from
     * idle counts again only once it has caught up with the combined watermark).
     */
    public record Channel(String fromNode, int fromSubtask, String toPort, long watermark, boolean idle, boolean aligned) {}
}
