package dev.eddy.app.files;

import dev.eddy.app.document.Document;
import dev.eddy.model.Pipeline;
import dev.eddy.model.PipelineReader;
import dev.eddy.model.PipelineWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Keeps a copy of unsaved work in the app's folder, written a moment after each edit, and removes
 * it once the work is saved or deliberately discarded. A copy found at start-up means the last
 * session ended without either, and the designer offers it back.
 */
public final class Autosave {
    /** What was being edited, and the file it belonged to (null for an untitled pipeline). */
    public record Recovered(Pipeline pipeline, Path file) {}

    private final AppHome home;
    private final Document doc;
    private final PauseTransition delay = new PauseTransition(Duration.millis(800));

    public Autosave(AppHome home, Document doc) {
        this.home = home;
        this.doc = doc;
        delay.setOnFinished(e -> writeNow());
        doc.pipelineProperty().addListener((o, a, b) -> delay.playFromStart());
        doc.dirtyProperty().addListener((o, was, dirty) -> {
            if (!dirty) clear();
        });
    }

    public void writeNow() {
        if (!doc.isDirty()) {
            clear();
            return;
        }
        try {
            Files.createDirectories(home.dir());
            PipelineWriter.write(doc.get(), home.file("autosave.json"));
            Files.writeString(home.file("autosave.origin"), doc.file() == null ? "" : doc.file().toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("eddy: autosave failed: " + e.getMessage());
        }
    }

    public void clear() {
        delay.stop();
        try {
            Files.deleteIfExists(home.file("autosave.json"));
            Files.deleteIfExists(home.file("autosave.origin"));
        } catch (IOException e) {
            System.err.println("eddy: could not remove the autosave: " + e.getMessage());
        }
    }

    /** The work a previous session left unsaved, if any and if it can still be read. */
    public static Optional<Recovered> find(AppHome home) {
        Path f = home.file("autosave.json");
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            Pipeline p = PipelineReader.read(f);
            Path origin = home.file("autosave.origin");
            String from = Files.isRegularFile(origin) ? Files.readString(origin, StandardCharsets.UTF_8).strip() : "";
            return Optional.of(new Recovered(p, from.isEmpty() ? null : Path.of(from)));
        } catch (Exception e) {
            System.err.println("eddy: the autosave " + f + " could not be read and is left there: " + e.getMessage());
            return Optional.empty();
        }
    }
}
