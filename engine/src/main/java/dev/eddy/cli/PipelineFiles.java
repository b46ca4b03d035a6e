package dev.eddy.cli;

import dev.eddy.model.Pipeline;
import dev.eddy.model.PipelineReader;
import dev.eddy.validate.InvalidPipelineException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading a pipeline file for a command, with the errors a person can act on. */
public final class PipelineFiles {
    private PipelineFiles() {}

    /** The pipeline, or null after printing why it cannot be read. */
    public static Pipeline read(Path file, PrintWriter err) {
        if (Files.isDirectory(file)) {
            err.println("eddy: " + file + " is a directory; expected a pipeline file (*.json)");
            return null;
        }
        try {
            return PipelineReader.read(file);
        } catch (NoSuchFileException e) {
            err.println("eddy: " + file + ": no such file");
        } catch (IOException e) {
            err.println("eddy: cannot read " + file + ": " + dev.eddy.runtime.Failures.describe(e));
        } catch (InvalidPipelineException e) {
            err.println("eddy: " + e.getMessage());
        }
        return null;
    }

    /** The line that says why a pipeline that was read cannot run: its problems, named after the file. */
    public static String refusal(Path file, InvalidPipelineException e) {
        return "eddy: " + file + " " + e.getMessage().substring(e.getMessage().indexOf(':') + 1).trim();
    }

    public static Path folderOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }
}
