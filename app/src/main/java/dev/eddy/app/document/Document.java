package dev.eddy.app.document;

import dev.eddy.catalog.Catalog;
import dev.eddy.model.Pipeline;
import dev.eddy.model.PipelineReader;
import dev.eddy.model.PipelineWriter;
import dev.eddy.validate.InvalidPipelineException;
import dev.eddy.validate.PipelineValidator;
import dev.eddy.validate.ValidationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The pipeline being edited: its current value, the file it belongs to, whether it differs from
 * that file, the undo history, and the engine's verdict on it. Every change goes through
 * {@link #edit}, so every change can be undone and is validated once.
 */
public final class Document {
    private final PipelineValidator validator;
    private final UndoHistory history = new UndoHistory();
    private final ReadOnlyObjectWrapper<Pipeline> pipeline = new ReadOnlyObjectWrapper<>(this, "pipeline");
    private final ReadOnlyObjectWrapper<ValidationResult> validation = new ReadOnlyObjectWrapper<>(this, "validation");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel");
    private Pipeline saved;
    /** Why the pipeline may not change now (a run holds it), or null. */
    private String lockedBecause;
    private java.util.function.Consumer<String> refusals = m -> { };
    private Runnable replaced = () -> { };

    private final Catalog catalog;

    public Document(Catalog catalog) {
        this.catalog = catalog;
        this.validator = new PipelineValidator(catalog);
        replace(empty(), null);
    }

    /** The node types this document's pipeline is made of. */
    public Catalog catalog() { return catalog; }

    public static Pipeline empty() {
        return new Pipeline("untitled", null, null, List.of(), List.of(), null, null);
    }

    /** Starts over with a pipeline (new, opened, restored); nodes without a position are laid out. */
    public void replace(Pipeline p, Path from) {
        replaced.run();
        Pipeline laidOut = AutoLayout.apply(p, false);
        history.clear();
        // A restored autosave without a file stays unsaved; a file or a blank page starts clean.
        saved = from != null || p.nodes().isEmpty() ? laidOut : null;
        file.set(from);
        set(laidOut);
    }

    public void open(Path path) throws IOException, InvalidPipelineException {
        replace(PipelineReader.read(path), path.toAbsolutePath().normalize());
    }

    /** Writes the canonical form, the same bytes the headless runner's writer gives. */
    public void saveAs(Path path) throws IOException {
        PipelineWriter.write(pipeline.get(), path);
        file.set(path.toAbsolutePath().normalize());
        saved = pipeline.get();
        dirty.set(false);
    }

    /**
     * Holds the pipeline as it is while a run uses it, so the run and the canvas never drift
     * apart: edits are refused with the reason, except moving nodes, which changes no semantics.
     * Null lifts the lock.
     */
    public void lock(String reason) { lockedBecause = reason; }

    public boolean isLocked() { return lockedBecause != null; }

    /** Who hears that another pipeline is about to take this one's place (a run of the old one stops). */
    public void onReplace(Runnable listener) { replaced = listener; }

    /** Who hears that an edit was refused (the status line). */
    public void onRefusal(java.util.function.Consumer<String> listener) { refusals = listener; }

    private boolean refused() {
        if (lockedBecause == null) return false;
        refusals.accept(lockedBecause);
        return true;
    }

    /** Applies one undoable edit; an edit that changes nothing leaves no trace in the history. */
    public void edit(String label, UnaryOperator<Pipeline> change) {
        Pipeline before = pipeline.get();
        Pipeline after = change.apply(before);
        if (after.equals(before)) return;
        if (lockedBecause != null && !onlyMoves(before, after) && refused()) return;
        history.recorded(label, before);
        set(after);
    }

    private static boolean onlyMoves(Pipeline a, Pipeline b) {
        return new Pipeline(a.name(), a.description(), a.settings(), a.nodes(), a.edges(), null, a.lesson())
                .equals(new Pipeline(b.name(), b.description(), b.settings(), b.nodes(), b.edges(), null, b.lesson()));
    }

    public boolean undo() {
        if (refused()) return false;
        UndoHistory.Step s = history.undo(pipeline.get());
        if (s == null) return false;
        set(s.before());
        return true;
    }

    public boolean redo() {
        if (refused()) return false;
        UndoHistory.Step s = history.redo(pipeline.get());
        if (s == null) return false;
        set(s.before());
        return true;
    }

    private void set(Pipeline p) {
        validation.set(validator.validate(p));
        pipeline.set(p);
        dirty.set(!p.equals(saved));
        undoLabel.set(history.undoLabel());
        redoLabel.set(history.redoLabel());
    }

    public Pipeline get() { return pipeline.get(); }

    public ReadOnlyObjectProperty<Pipeline> pipelineProperty() { return pipeline.getReadOnlyProperty(); }

    public ValidationResult validation() { return validation.get(); }

    public ReadOnlyObjectProperty<ValidationResult> validationProperty() { return validation.getReadOnlyProperty(); }

    public Path file() { return file.get(); }

    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }

    public boolean isDirty() { return dirty.get(); }

    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

    public ReadOnlyStringProperty undoLabelProperty() { return undoLabel.getReadOnlyProperty(); }

    public ReadOnlyStringProperty redoLabelProperty() { return redoLabel.getReadOnlyProperty(); }
}
