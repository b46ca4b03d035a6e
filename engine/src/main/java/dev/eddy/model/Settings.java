package dev.eddy.model;

/**
 * Job-wide settings. Every field is optional in the file (null here) so that what the user did
 * not write is not written back; the getters with defaults give the values a run uses.
 *
 * @param autoWatermarkInterval Flink's pipeline.auto-watermark-interval in milliseconds: how often
 *                              periodic watermark generators emit, in processing time
 * @param startTime             where the processing-time clock starts, epoch milliseconds
 * @param checkpointInterval    Flink's execution.checkpointing.interval in milliseconds; null: no checkpoints
 * @param restartAttempts       attempts of a fixed-delay restart strategy; 0 is Flink's "none"
 * @param restartDelay          the delay before each restart, in milliseconds of processing time
 * @param failAfterRecords      inject one failure once the sources have emitted this many records in all
 * @param deliveryGuarantee     what a failure may do to the output; null: exactly-once with checkpoints
 * @param unalignedCheckpoints  Flink's execution.checkpointing.unaligned.enabled: exactly-once barriers overtake
 *                              the records on their way, which become part of the checkpoint
 * @param randomFailures        inject failures at record counts drawn from a seed
 */
public record Settings(Integer parallelism, Integer maxParallelism, RuntimeMode mode, Long seed,
                       Long autoWatermarkInterval, Long startTime, Long checkpointInterval, Integer restartAttempts,
                       Long restartDelay, Long failAfterRecords, DeliveryGuarantee deliveryGuarantee,
                       Boolean unalignedCheckpoints, RandomFailures randomFailures) {
    public static final Settings DEFAULTS = new Settings(null, null, null, null, null, null, null, null, null, null, null, null, null);

    /**
     * With checkpoints on and no strategy set, Flink restarts with exponential delay for ever; a
     * failure that repeats would then never end a run here, so the default is a bounded number.
     */
    public static final int DEFAULT_RESTART_ATTEMPTS_WITH_CHECKPOINTS = 3;

    /** RestartStrategyOptions' fixed-delay default delay. */
    public static final long DEFAULT_RESTART_DELAY = 1000;

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

    /** How many times a failed run restarts: none without checkpoints unless set (Flink's default). */
    public int restartAttemptsOrDefault() {
        if (restartAttempts != null) return restartAttempts;
        return checkpointInterval == null ? 0 : DEFAULT_RESTART_ATTEMPTS_WITH_CHECKPOINTS;
    }

    /**
     * The guarantee a run keeps: as set, or Flink's default CheckpointingMode (exactly-once) when
     * checkpoints are on; null when neither, where a restart begins everything from the start.
     */
    public DeliveryGuarantee deliveryGuaranteeOrDefault() {
        if (deliveryGuarantee != null) return deliveryGuarantee;
        return checkpointInterval == null ? null : DeliveryGuarantee.EXACTLY_ONCE;
    }

    /** Why the guarantee does not go with the checkpoints as set, or null when it does. */
    public String deliveryProblem() {
        if (deliveryGuarantee == null) return null;
        if (deliveryGuarantee.restoresCheckpoints() && checkpointInterval == null) {
            return deliveryGuarantee.id() + " restores from checkpoints: set settings.checkpointInterval too, e.g. \"1s\"";
        }
        if (unalignedCheckpointsOrDefault() && deliveryGuarantee != DeliveryGuarantee.EXACTLY_ONCE) {
            return "unaligned checkpoints are a way to exactly-once: leave settings.unalignedCheckpoints out for " + deliveryGuarantee.id();
        }
        if (!deliveryGuarantee.restoresCheckpoints() && checkpointInterval != null) {
            return "at-most-once takes no checkpoints: leave settings.checkpointInterval out, or choose at-least-once or exactly-once";
        }
        return null;
    }

    public boolean unalignedCheckpointsOrDefault() { return unalignedCheckpoints != null && unalignedCheckpoints; }

    /** The same settings with other fault tolerance: how often to checkpoint, restart, fail on purpose, and the guarantee. */
    public Settings withFaultTolerance(Long interval, Integer attempts, Long delay, Long failAfter, DeliveryGuarantee guarantee) {
        return new Settings(parallelism, maxParallelism, mode, seed, autoWatermarkInterval, startTime, interval, attempts, delay, failAfter, guarantee, unalignedCheckpoints, randomFailures);
    }

    public Settings withRandomFailures(RandomFailures r) {
        return new Settings(parallelism, maxParallelism, mode, seed, autoWatermarkInterval, startTime, checkpointInterval, restartAttempts, restartDelay, failAfterRecords, deliveryGuarantee, unalignedCheckpoints, r);
    }

    public long restartDelayOrDefault() { return restartDelay == null ? DEFAULT_RESTART_DELAY : restartDelay; }

    public Settings withParallelism(Integer p) {
        return new Settings(p, maxParallelism, mode, seed, autoWatermarkInterval, startTime, checkpointInterval, restartAttempts, restartDelay, failAfterRecords, deliveryGuarantee, unalignedCheckpoints, randomFailures);
    }

    public Settings withMode(RuntimeMode m) {
        return new Settings(parallelism, maxParallelism, m, seed, autoWatermarkInterval, startTime, checkpointInterval, restartAttempts, restartDelay, failAfterRecords, deliveryGuarantee, unalignedCheckpoints, randomFailures);
    }

    public Settings withSeed(Long s) {
        return new Settings(parallelism, maxParallelism, mode, s, autoWatermarkInterval, startTime, checkpointInterval, restartAttempts, restartDelay, failAfterRecords, deliveryGuarantee, unalignedCheckpoints, randomFailures);
    }

    public Settings withAutoWatermarkInterval(Long i) {
        return new Settings(parallelism, maxParallelism, mode, seed, i, startTime, checkpointInterval, restartAttempts, restartDelay, failAfterRecords, deliveryGuarantee, unalignedCheckpoints, randomFailures);
    }

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
