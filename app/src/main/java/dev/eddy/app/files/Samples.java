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

    /** The lessons in the samples' lessons/ folder, each with its description; their solutions (solved/) are not listed. */
    public static List<Sample> lessons(Path dir) {
        List<Sample> all = new ArrayList<>();
        Path lessons = dir.resolve("lessons");
        if (!Files.isDirectory(lessons)) return all;
        try (Stream<Path> files = Files.list(lessons)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) all.add(read(file, file.getFileName().toString()));
        } catch (IOException e) {
            return all;
        }
        return all;
    }

    private static Sample read(Path file, String fallbackName) {
        try {
            Pipeline p = PipelineReader.read(file);
            String task = p.lesson() == null ? null : p.lesson().task();
            return new Sample(p.name() == null ? fallbackName : p.name(), task != null ? task : p.description() == null ? "" : p.description(), file);
        } catch (Exception e) {
            return new Sample(fallbackName, "cannot be read: " + e.getMessage(), file);
        }
    }

    public static List<Sample> list(Path dir) {
        List<Sample> all = new ArrayList<>();
        if (!Files.isDirectory(dir)) return all;
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.sorted().toList()) {
                Path file = folder.resolve(folder.getFileName() + ".json");
                if (!Files.isRegularFile(file)) continue;
                all.add(read(file, folder.getFileName().toString()));
            }
        } catch (IOException e) {
            return all;
        }
        return all;
    }
}
