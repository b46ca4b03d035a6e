package dev.eddy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run's file sinks write when no {@code --output} is given: a new temporary directory,
 * never the folder the command was started from (a sample run there would leave its files in the
 * repository). After the run it is named if a sink wrote into it, and removed if none did.
 */
public final class OutputFolder {
    private OutputFolder() {}

    public static Path chosenOrTemporary(Path chosen) throws IOException {
        return chosen != null ? chosen : Files.createTempDirectory("eddy-output-");
    }

    public static void reportOrRemove(Path chosen, Path used, PrintWriter err) throws IOException {
        if (chosen != null) return;
        try (var entries = Files.list(used)) {
            if (entries.findAny().isPresent()) {
                err.println("file sinks wrote under " + used + " (choose the folder with --output DIR)");
                return;
            }
        }
        Files.deleteIfExists(used);
    }
}
