package dev.eddy.app.files;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The designer's own folder (~/.eddy, or -Deddy.home=DIR for tests): settings, recent files and
 * the autosave. Failing to write here must never stop a person from working, so errors are
 * reported and otherwise ignored.
 */
public final class AppHome {
    private final Path dir;

    public AppHome(Path dir) { this.dir = dir; }

    public static AppHome fromSystem() {
        String configured = System.getProperty("eddy.home");
        return new AppHome(configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".eddy"));
    }

    public Path dir() { return dir; }

    public Path file(String name) { return dir.resolve(name); }

    public String setting(String key, String fallback) {
        return load().getProperty(key, fallback);
    }

    public void setSetting(String key, String value) {
        Properties p = load();
        p.setProperty(key, value);
        try {
            Files.createDirectories(dir);
            try (Writer w = Files.newBufferedWriter(file("settings.properties"), StandardCharsets.UTF_8)) {
                p.store(w, "Eddy designer settings");
            }
        } catch (IOException e) {
            System.err.println("eddy: could not save settings in " + dir + ": " + e.getMessage());
        }
    }

    private Properties load() {
        Properties p = new Properties();
        Path f = file("settings.properties");
        if (Files.isRegularFile(f)) {
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                System.err.println("eddy: could not read " + f + ": " + e.getMessage());
            }
        }
        return p;
    }
}
