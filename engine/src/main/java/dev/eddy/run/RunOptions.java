package dev.eddy.run;

import dev.eddy.model.RuntimeMode;
import dev.eddy.observe.ObservationBus;
import dev.eddy.runtime.driver.Pacer;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How to run a pipeline: overrides of its settings (mode, parallelism, seed), a cap on records
 * per source, where outputs go, which driver, how fast, where checkpoints are kept and which one
 * to resume from. Null fields keep the pipeline's own.
 */
public record RunOptions(RuntimeMode mode, Integer parallelism, Long seed, long maxRecordsPerSource, Path outputDir,
                         PrintStream stdout, boolean parallelDriver, double speed, Long startTime, ObservationBus observations,
                         Path checkpointDir, dev.eddy.checkpoint.CheckpointDirectory.Resume resume) {

    public static RunOptions defaults() {
        return new RunOptions(null, null, null, Long.MAX_VALUE, Path.of("."), System.out, false,
                Pacer.AS_FAST_AS_POSSIBLE, null, new ObservationBus(), null, null);
    }

    public RunOptions withMode(RuntimeMode m) { return new RunOptions(m, parallelism, seed, maxRecordsPerSource, outputDir, stdout, parallelDriver, speed, startTime, observations, checkpointDir, resume); }

    public RunOptions withParallelism(Integer p) { return new RunOptions(mode, p, seed, maxRecordsPerSource, outputDir, stdout, parallelDriver, speed, startTime, observations, checkpointDir, resume); }

    public RunOptions withSeed(Long s) { return new RunOptions(mode, parallelism, s, maxRecordsPerSource, outputDir, stdout, parallelDriver, speed, startTime, observations, checkpointDir, resume); }

    public RunOptions withMaxRecords(long n) { return new RunOptions(mode, parallelism, seed, n, outputDir, stdout, parallelDriver, speed, startTime, observations, checkpointDir, resume); }

    public RunOptions withOutputDir(Path d) { return new RunOptions(mode, parallelism, seed, maxRecordsPerSource, d, stdout, parallelDriver, speed, startTime, observations, checkpointDir, resume); }

    public RunOptions withStdout(PrintStream out) { return new RunOptions(mode, parallelism, seed, maxRecordsPerSource, outputDir, out, parallelDriver, speed, startTime, observations, checkpointDir, resume); }

    public RunOptions withParallelDriver(boolean p) { return new RunOptions(mode, parallelism, seed, maxRecordsPerSource, outputDir, stdout, p, speed, startTime, observations, checkpointDir, resume); }

    public RunOptions withSpeed(double s) { return new RunOptions(mode, parallelism, seed, maxRecordsPerSource, outputDir, stdout, parallelDriver, s, startTime, observations, checkpointDir, resume); }

    public RunOptions withObservations(ObservationBus b) { return new RunOptions(mode, parallelism, seed, maxRecordsPerSource, outputDir, stdout, parallelDriver, speed, startTime, b, checkpointDir, resume); }

    /** Keep completed checkpoints in this directory (savepoints too), to resume from in another process. */
    public RunOptions withCheckpointDir(Path d) { return new RunOptions(mode, parallelism, seed, maxRecordsPerSource, outputDir, stdout, parallelDriver, speed, startTime, observations, d, resume); }

    /** Start from this stored checkpoint or savepoint instead of from the beginning. */
    public RunOptions withResume(dev.eddy.checkpoint.CheckpointDirectory.Resume r) { return new RunOptions(mode, parallelism, seed, maxRecordsPerSource, outputDir, stdout, parallelDriver, speed, startTime, observations, checkpointDir, r); }
}
