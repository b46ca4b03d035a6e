package dev.eddy.app;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The designer's command line: {@code eddy design [PIPELINE.json] [--capture DIR [--seconds N] [--speed X]]}. */
@Command(name = "eddy design", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Opens the designer, with the pipeline file when one is given (otherwise the start page).",
                "With --capture, plays the pipeline live in the window and saves a picture of each of the run's views"
                        + " and capture.json (per node records in and out, final watermarks, windows fired, late records,"
                        + " chart points, frames drawn and frame-time p50/p99), then quits."})
final class DesignOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PIPELINE.json", description = "the pipeline to open")
    Path pipeline;

    @Option(names = "--capture", paramLabel = "DIR", description = "play the pipeline, save the pictures and capture.json in DIR, quit")
    Path capture;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "60",
            description = "with --capture: wall-clock seconds to play at most; a run still going is then paused and captured (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--speed", paramLabel = "X",
            description = "with --capture: processing time per wall-clock time (default: as fast as possible)")
    Double speed;

    /** Parsed options, or null after printing the help or a one-line error (with the exit code set in {@code exit}). */
    static DesignOptions parse(String[] args, int[] exit) {
        DesignOptions o = new DesignOptions();
        CommandLine cl = new CommandLine(o);
        try {
            CommandLine.ParseResult r = cl.parseArgs(args);
            if (r.isUsageHelpRequested()) {
                cl.usage(System.out);
                exit[0] = 0;
                return null;
            }
            if (r.isVersionHelpRequested()) {
                System.out.println("eddy design 0.1.0");
                exit[0] = 0;
                return null;
            }
        } catch (CommandLine.ParameterException e) {
            System.err.println("eddy design: " + e.getMessage() + " (see eddy design --help)");
            exit[0] = 2;
            return null;
        }
        if (o.capture != null && o.pipeline == null) {
            System.err.println("eddy design: --capture needs a pipeline file to play (see eddy design --help)");
            exit[0] = 2;
            return null;
        }
        if (o.seconds <= 0 || (o.speed != null && !(o.speed > 0))) {
            System.err.println("eddy design: --seconds and --speed must be above 0");
            exit[0] = 2;
            return null;
        }
        return o;
    }
}
