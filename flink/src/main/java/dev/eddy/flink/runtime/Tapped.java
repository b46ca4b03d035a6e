package dev.eddy.flink.runtime;

import dev.eddy.types.Row;

/**
 * What a {@link SinkTap} sends back, as a row so that Eddy's serializer carries it: the sink, its
 * subtask, the kind (a record, a watermark, an idle/active status), and the record's timestamp and
 * row, the watermark, or whether the input went idle.
 */
public record Tapped(String sink, int subtask, Kind kind, Long timestamp, Row row, boolean idle) {
    public enum Kind { RECORD, WATERMARK, STATUS }

    static Row record(String sink, long subtask, Long ts, Row row) { return Row.of(sink, subtask, "R", ts, row); }

    static Row watermark(String sink, long subtask, long watermark) { return Row.of(sink, subtask, "W", watermark, null); }

    static Row status(String sink, long subtask, boolean idle) { return Row.of(sink, subtask, idle ? "I" : "A", null, null); }

    public static Tapped of(Row envelope) {
        String sink = (String) envelope.get(0);
        int subtask = ((Long) envelope.get(1)).intValue();
        Long ts = (Long) envelope.get(3);
        return switch ((String) envelope.get(2)) {
            case "R" -> new Tapped(sink, subtask, Kind.RECORD, ts, (Row) envelope.get(4), false);
            case "W" -> new Tapped(sink, subtask, Kind.WATERMARK, ts, null, false);
            default -> new Tapped(sink, subtask, Kind.STATUS, null, null, "I".equals(envelope.get(2)));
        };
    }
}
