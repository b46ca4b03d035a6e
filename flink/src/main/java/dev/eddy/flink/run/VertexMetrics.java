package dev.eddy.flink.run;

/**
 * What Flink's REST API says of one job vertex (a chain of operators): records in and out, the
 * lowest input watermark over its subtasks (null before the first), and back pressure (ok, low, high).
 */
public record VertexMetrics(String name, int parallelism, String status, long recordsIn, long recordsOut,
                            Long watermark, String backPressure) {}
