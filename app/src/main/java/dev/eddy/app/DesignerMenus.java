package dev.eddy.app;

import dev.eddy.app.canvas.PipelineCanvas;
import dev.eddy.app.document.Document;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The menu bar and toolbar, with the shortcuts people know (Ctrl+N/O/S/Shift+S/Z/Y/C/X/V/A, Delete). */
final class DesignerMenus {
    private final DesignerActions a;
    private final PipelineCanvas canvas;
    private final Document doc;
    private final Themes themes;
    private final Runnable startPage;

    DesignerMenus(DesignerActions a, PipelineCanvas canvas, Document doc, Themes themes, Runnable startPage) {
        this.a = a;
        this.canvas = canvas;
        this.doc = doc;
        this.themes = themes;
        this.startPage = startPage;
    }

    MenuBar menuBar() {
        Menu recent = new Menu("Open recent");
        recent.setOnShowing(e -> recent.getItems().setAll(a.recentFiles().stream().map(p -> item(p.toString(), null,
                () -> a.openFile(p, true))).toList()));
        recent.getItems().add(new MenuItem("(none yet)"));
        Menu file = new Menu("_File", null,
                item("New", "N", a::newPipeline), item("Open…", "O", a::open), recent, item("Start page", null, startPage),
                new SeparatorMenuItem(), item("Save", "S", a::save), item("Save as…", "Shift+S", a::saveAs),
                new SeparatorMenuItem(), item("Quit", "Q", () -> {
                    javafx.stage.Window w = canvas.getScene().getWindow();
                    w.fireEvent(new javafx.stage.WindowEvent(w, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
                }));
        MenuItem undo = item("Undo", "Z", text(a::undo, TextInputControl::undo));
        undo.textProperty().bind(Bindings.createStringBinding(() -> doc.undoLabelProperty().get() == null ? "Undo"
                : "Undo " + doc.undoLabelProperty().get(), doc.undoLabelProperty()));
        MenuItem redo = item("Redo", "Y", text(a::redo, TextInputControl::redo));
        redo.textProperty().bind(Bindings.createStringBinding(() -> doc.redoLabelProperty().get() == null ? "Redo"
                : "Redo " + doc.redoLabelProperty().get(), doc.redoLabelProperty()));
        MenuItem delete = new MenuItem("Delete");
        delete.setAccelerator(new KeyCodeCombination(KeyCode.DELETE));
        delete.setOnAction(e -> text(a::delete, t -> t.deleteNextChar()).run());
        Menu edit = new Menu("_Edit", null, undo, redo, new SeparatorMenuItem(),
                item("Cut", "X", text(a::cut, TextInputControl::cut)), item("Copy", "C", text(a::copy, TextInputControl::copy)),
                item("Paste", "V", text(a::paste, TextInputControl::paste)), item("Duplicate", "D", a::duplicate), delete,
                new SeparatorMenuItem(), item("Select all", "A", text(a::selectAll, TextInputControl::selectAll)));
        CheckMenuItem grid = new CheckMenuItem("Show grid");
        grid.selectedProperty().bindBidirectional(canvas.gridVisibleProperty());
        CheckMenuItem snap = new CheckMenuItem("Snap to grid");
        snap.selectedProperty().bindBidirectional(canvas.snapProperty());
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("menu-dark");
        dark.selectedProperty().bindBidirectional(themes.darkProperty());
        Menu view = new Menu("_View", null, item("Fit to view", "0", canvas::fitToView), item("Arrange left to right", "L", a::arrange),
                new SeparatorMenuItem(), grid, snap, dark);
        return new MenuBar(file, edit, view);
    }

    static ToolBar toolBar(DesignerActions a, PipelineCanvas canvas, Document doc, Consumer<String> status) {
        Button undo = button("mdi2u-undo", "Undo (Ctrl+Z)", a::undo);
        undo.disableProperty().bind(doc.undoLabelProperty().isNull());
        Button redo = button("mdi2r-redo", "Redo (Ctrl+Y)", a::redo);
        redo.disableProperty().bind(doc.redoLabelProperty().isNull());
        return new ToolBar(button("mdi2f-file-outline", "New (Ctrl+N)", a::newPipeline),
                button("mdi2f-folder-open-outline", "Open (Ctrl+O)", a::open),
                button("mdi2c-content-save-outline", "Save (Ctrl+S)", a::save),
                new javafx.scene.control.Separator(), undo, redo,
                new javafx.scene.control.Separator(),
                button("mdi2f-fit-to-page-outline", "Fit to view (Ctrl+0)", canvas::fitToView),
                button("mdi2s-sitemap", "Arrange left to right (Ctrl+L)", a::arrange));
    }

    private static Button button(String icon, String tip, Runnable action) {
        Button b = new Button(null, Icons.of(icon));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("flat");
        b.setFocusTraversable(false);
        return b;
    }

    private static MenuItem item(String title, String key, Runnable action) {
        MenuItem m = new MenuItem(title);
        if (key != null) m.setAccelerator(KeyCombination.keyCombination("Shortcut+" + key));
        m.setOnAction(e -> action.run());
        return m;
    }

    /** While a text field has the focus, the usual shortcuts edit its text rather than the pipeline. */
    private Runnable text(Runnable pipelineAction, Consumer<TextInputControl> textAction) {
        return () -> {
            Node focus = canvas.getScene() == null ? null : canvas.getScene().getFocusOwner();
            if (focus instanceof TextInputControl t) textAction.accept(t);
            else pipelineAction.run();
        };
    }
}
