package dev.eddy.app.files;

import dev.eddy.model.Pipeline;
import dev.eddy.model.PipelineReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The sample pipelines shipped in samples/, each with the description written in its file. */
public final class Samples {
    public record Sample(String name, String description, Path file) {}

    private Samples() {}

    /** samples/ beside the launcher (-Deddy.samples), or in the working directory. */
    public static Path dir() {
        String configured = System.getProperty("eddy.samples");
        return Path.of(configured != null ? configured : "samples");
    }

    public static List<Sample> list(Path dir) {
        List<Sample> all = new ArrayList<>();
        if (!Files.isDirectory(dir)) return all;
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.sorted().toList()) {
                Path file = folder.resolve(folder.getFileName() + ".json");
                if (!Files.isRegularFile(file)) continue;
                try {
                    Pipeline p = PipelineReader.read(file);
                    all.add(new Sample(p.name() == null ? folder.getFileName().toString() : p.name(),
                            p.description() == null ? "" : p.description(), file));
                } catch (Exception e) {
                    all.add(new Sample(folder.getFileName().toString(), "cannot be read: " + e.getMessage(), file));
                }
            }
        } catch (IOException e) {
            return all;
        }
        return all;
    }
}
