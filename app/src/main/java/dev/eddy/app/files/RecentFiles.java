package dev.eddy.app.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The last pipeline files opened or saved, newest first, kept in recent.txt of the app's folder. */
public final class RecentFiles {
    private static final int LIMIT = 10;
    private final AppHome home;

    public RecentFiles(AppHome home) { this.home = home; }

    public List<Path> list() {
        Path f = home.file("recent.txt");
        if (!Files.isRegularFile(f)) return List.of();
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(s -> !s.isBlank()).map(Path::of)
                    .filter(Files::isRegularFile).limit(LIMIT).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public void add(Path file) {
        List<Path> all = new ArrayList<>(list());
        Path abs = file.toAbsolutePath().normalize();
        all.remove(abs);
        all.add(0, abs);
        try {
            Files.createDirectories(home.dir());
            Files.write(home.file("recent.txt"), all.stream().limit(LIMIT).map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("eddy: could not remember recent files: " + e.getMessage());
        }
    }
}
