package dev.eddy.app;

import dev.eddy.app.canvas.PipelineCanvas;
import dev.eddy.app.document.AutoLayout;
import dev.eddy.app.document.Document;
import dev.eddy.app.document.Edits;
import dev.eddy.app.document.Selection;
import dev.eddy.app.files.Autosave;
import dev.eddy.app.files.RecentFiles;
import dev.eddy.model.Edge;
import dev.eddy.model.Pipeline;
import dev.eddy.model.PipelineReader;
import dev.eddy.model.PipelineWriter;
import dev.eddy.validate.InvalidPipelineException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** What the menus, toolbar and shortcuts do: files, history, clipboard, selection, view. */
public final class DesignerActions {
    private final Stage stage;
    private final Document doc;
    private final Selection selection;
    private final PipelineCanvas canvas;
    private final RecentFiles recent;
    private final Autosave autosave;
    private final Consumer<String> status;
    private final Runnable opened;
    private int pastes;

    DesignerActions(Stage stage, Document doc, Selection selection, PipelineCanvas canvas, RecentFiles recent, Autosave autosave,
                    Consumer<String> status, Runnable opened) {
        this.stage = stage;
        this.doc = doc;
        this.selection = selection;
        this.canvas = canvas;
        this.recent = recent;
        this.autosave = autosave;
        this.status = status;
        this.opened = opened;
    }

    public java.util.List<Path> recentFiles() { return recent.list(); }

    public void newPipeline() {
        if (!confirmDiscard()) return;
        doc.replace(Document.empty(), null);
        selection.clear();
        canvas.viewport().zoomAt(1, 0, 0);
        opened.run();
    }

    public void open() {
        if (!confirmDiscard()) return;
        FileChooser chooser = chooser("Open a pipeline");
        java.io.File f = chooser.showOpenDialog(stage);
        if (f != null) openFile(f.toPath(), false);
    }

    /** Opens a pipeline file; a file that cannot be read is reported in one sentence and nothing changes. */
    public boolean openFile(Path path, boolean askFirst) {
        if (askFirst && !confirmDiscard()) return false;
        try {
            doc.open(path);
        } catch (InvalidPipelineException | IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "there is no file " + path : e.getMessage();
            status.accept("Could not open " + path.getFileName() + ": " + why);
            error("Could not open " + path.getFileName(), why);
            return false;
        }
        selection.clear();
        recent.add(path);
        opened.run();
        canvas.fitWhenLaidOut();
        status.accept("Opened " + path);
        return true;
    }

    public boolean save() {
        if (doc.file() == null) return saveAs();
        return saveTo(doc.file());
    }

    public boolean saveAs() {
        FileChooser chooser = chooser("Save the pipeline");
        chooser.setInitialFileName((doc.get().name() == null ? "pipeline" : doc.get().name()) + ".json");
        java.io.File f = chooser.showSaveDialog(stage);
        return f != null && saveTo(f.toPath());
    }

    public boolean saveTo(Path path) {
        try {
            doc.saveAs(path);
            recent.add(path);
            status.accept("Saved " + path);
            return true;
        } catch (IOException e) {
            error("Could not save " + path.getFileName(), e.getMessage());
            return false;
        }
    }

    /** True when there is nothing unsaved, or the person saved it or chose to let it go. */
    public boolean confirmDiscard() {
        if (!doc.isDirty()) return true;
        ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Save the changes to \"" + doc.get().name() + "\" first?",
                saveButton, discard, ButtonType.CANCEL);
        ask.initOwner(stage);
        ask.setHeaderText("There are unsaved changes");
        ButtonType answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == saveButton) return save();
        if (answer == discard) {
            autosave.clear();
            return true;
        }
        return false;
    }

    public void undo() {
        if (!doc.undo()) status.accept("Nothing to undo");
    }

    public void redo() {
        if (!doc.redo()) status.accept("Nothing to redo");
    }

    public void delete() {
        if (selection.isEmpty()) return;
        Set<String> nodes = Set.copyOf(selection.nodes());
        Set<Edge> edges = Set.copyOf(selection.edges());
        String what = nodes.isEmpty() ? (edges.size() == 1 ? "edge" : edges.size() + " edges")
                : nodes.size() == 1 ? nodes.iterator().next() : nodes.size() + " nodes";
        doc.edit("Delete " + what, p -> Edits.remove(p, nodes, edges));
        selection.clear();
    }

    public void selectAll() {
        selection.set(doc.get().nodes().stream().map(dev.eddy.model.Node::id).toList());
    }

    /** Copies the selected nodes (and the edges between them) as pipeline JSON, which any text editor can hold. */
    public void copy() {
        if (selection.nodes().isEmpty()) return;
        ClipboardContent content = new ClipboardContent();
        content.putString(PipelineWriter.write(Edits.fragment(doc.get(), new LinkedHashSet<>(selection.nodes()))));
        Clipboard.getSystemClipboard().setContent(content);
        pastes = 0;
        status.accept("Copied " + selection.nodes().size() + " node(s)");
    }

    public void cut() {
        copy();
        delete();
    }

    public void paste() {
        String text = Clipboard.getSystemClipboard().getString();
        if (text == null || text.isBlank()) {
            status.accept("The clipboard is empty");
            return;
        }
        Pipeline fragment;
        try {
            fragment = PipelineReader.read(text, "the clipboard");
        } catch (InvalidPipelineException e) {
            status.accept("The clipboard holds no pipeline nodes: " + e.getMessage());
            return;
        }
        pastes++;
        double shift = 40 * pastes;
        Edits.Result[] r = new Edits.Result[1];
        doc.edit("Paste " + fragment.nodes().size() + " node(s)", p -> (r[0] = Edits.paste(p, AutoLayout.apply(fragment, false), shift, shift)).pipeline());
        if (r[0] != null) selection.set(r[0].created());
    }

    public void duplicate() {
        if (selection.nodes().isEmpty()) return;
        Pipeline fragment = Edits.fragment(doc.get(), new LinkedHashSet<>(selection.nodes()));
        Edits.Result[] r = new Edits.Result[1];
        doc.edit("Duplicate " + fragment.nodes().size() + " node(s)", p -> (r[0] = Edits.paste(p, fragment, 40, 40)).pipeline());
        if (r[0] != null) selection.set(r[0].created());
    }

    public void arrange() {
        doc.edit("Arrange left to right", p -> AutoLayout.apply(p, true));
        canvas.fitToView();
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Eddy pipelines (*.json)", "*.json"));
        Path at = doc.file() != null ? doc.file().getParent() : dev.eddy.app.files.Samples.dir().toAbsolutePath();
        if (at != null && at.toFile().isDirectory()) chooser.setInitialDirectory(at.toFile());
        return chooser;
    }

    private void error(String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(stage);
        a.setHeaderText(header);
        a.show();
    }
}
