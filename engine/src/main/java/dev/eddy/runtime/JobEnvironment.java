package dev.eddy.runtime;

import dev.eddy.model.RuntimeMode;
import dev.eddy.observe.ObservationBus;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What every task of one run shares: where relative input and output paths resolve, the
 * standard output that print sinks write to, the in-memory result tables, the observation bus
 * and the run's mode and seed.
 */
public record JobEnvironment(Path inputDir, Path outputDir, PrintStream stdout, ResultTables tables,
                             ObservationBus observations, RuntimeMode mode, long seed, long maxRecordsPerSource) {
    public Path resolveInput(String path) { return inputDir.resolve(path).normalize(); }

    public Path resolveOutput(String path) { return outputDir.resolve(path).normalize(); }
}
