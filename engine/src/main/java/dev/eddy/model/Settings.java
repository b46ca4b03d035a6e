package dev.eddy.model;

/**
 * Job-wide settings. Every field is optional in the file (null here) so that what the user did
 * not write is not written back; the getters with defaults give the values a run uses.
 *
 * @param autoWatermarkInterval Flink's pipeline.auto-watermark-interval in milliseconds: how often
 *                              periodic watermark generators emit, in processing time
 * @param startTime             where the processing-time clock starts, epoch milliseconds
 */
public record Settings(Integer parallelism, Integer maxParallelism, RuntimeMode mode, Long seed,
                       Long autoWatermarkInterval, Long startTime) {
    public static final Settings DEFAULTS = new Settings(null, null, null, null, null, null);

    /** Flink's default when nothing is set: pipeline.max-parallelism derived as 128 for small jobs. */
    public static final int DEFAULT_MAX_PARALLELISM = 128;

    /** PipelineOptions.AUTO_WATERMARK_INTERVAL's default. */
    public static final long DEFAULT_AUTO_WATERMARK_INTERVAL = 200;

    /** 2024-01-01T00:00:00Z, also where generators' event time starts by default. */
    public static final long DEFAULT_START_TIME = 1_704_067_200_000L;

    public int parallelismOrDefault() { return parallelism == null ? 1 : parallelism; }

    public int maxParallelismOrDefault() {
        return maxParallelism == null ? defaultMaxParallelism(parallelismOrDefault()) : maxParallelism;
    }

    public RuntimeMode modeOrDefault() { return mode == null ? RuntimeMode.STREAMING : mode; }

    public long seedOrDefault() { return seed == null ? 42L : seed; }

    public long autoWatermarkIntervalOrDefault() {
        return autoWatermarkInterval == null ? DEFAULT_AUTO_WATERMARK_INTERVAL : autoWatermarkInterval;
    }

    public long startTimeOrDefault() { return startTime == null ? DEFAULT_START_TIME : startTime; }

    public Settings withParallelism(Integer p) { return new Settings(p, maxParallelism, mode, seed, autoWatermarkInterval, startTime); }

    public Settings withMode(RuntimeMode m) { return new Settings(parallelism, maxParallelism, m, seed, autoWatermarkInterval, startTime); }

    public Settings withSeed(Long s) { return new Settings(parallelism, maxParallelism, mode, s, autoWatermarkInterval, startTime); }

    public boolean isEmpty() { return equals(DEFAULTS); }

    /**
     * KeyGroupRangeAssignment#computeDefaultMaxParallelism: round p + p/2 up to a power of two,
     * at least 128 and at most 32768.
     */
    public static int defaultMaxParallelism(int parallelism) {
        int wanted = parallelism + parallelism / 2;
        int pow = wanted <= 1 ? 1 : Integer.highestOneBit(wanted - 1) << 1;
        return Math.min(Math.max(pow, 128), 32768);
    }
}
