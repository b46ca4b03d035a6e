package dev.eddy.app.palette;

import dev.eddy.app.Icons;
import dev.eddy.catalog.Catalog;
import dev.eddy.catalog.Category;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.Preset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The palette, built from the engine's catalog: one section per category, one line per node type
 * and per preset (Tumbling, Sliding, Session, Count window...), filtered by the search box. Drag a
 * line onto the canvas, or double-click it, to add a node.
 */
public final class PaletteView extends VBox {
    /** Where a dragged entry was let go, in scene coordinates; true when it was taken. */
    public interface DropTarget {
        boolean drop(PaletteEntry entry, double sceneX, double sceneY);
    }

    private final List<PaletteEntry> entries = new ArrayList<>();
    private final TextField search = new TextField();
    private final TreeView<Object> tree = new TreeView<>();
    private final Pane ghostLayer;
    private final DropTarget target;
    private final Consumer<PaletteEntry> activate;
    private Label ghost;

    public PaletteView(Catalog catalog, Pane ghostLayer, DropTarget target, Consumer<PaletteEntry> activate) {
        this.ghostLayer = ghostLayer;
        this.target = target;
        this.activate = activate;
        getStyleClass().add("palette");
        setId("palette");
        for (NodeType t : catalog.all()) {
            entries.add(new PaletteEntry(t, null));
            for (Preset p : t.presets()) entries.add(new PaletteEntry(t, p));
        }
        search.setPromptText("Search nodes");
        search.setId("palette-search");
        search.textProperty().addListener((o, a, b) -> fill(b));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                tree.requestFocus();
                tree.getSelectionModel().selectFirst();
            }
        });
        tree.setShowRoot(false);
        tree.setCellFactory(v -> new EntryCell());
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && selected() != null) activate.accept(selected());
        });
        VBox.setVgrow(tree, Priority.ALWAYS);
        getChildren().addAll(search, tree);
        fill("");
    }

    private PaletteEntry selected() {
        TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof PaletteEntry e ? e : null;
    }

    private void fill(String query) {
        TreeItem<Object> root = new TreeItem<>();
        for (Category c : Category.values()) {
            TreeItem<Object> section = new TreeItem<>(c);
            for (PaletteEntry e : entries) {
                if (e.type().category() == c && e.matches(query)) section.getChildren().add(new TreeItem<>(e));
            }
            section.setExpanded(true);
            if (!section.getChildren().isEmpty()) root.getChildren().add(section);
        }
        tree.setRoot(root);
    }

    private final class EntryCell extends TreeCell<Object> {
        EntryCell() {
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() instanceof PaletteEntry p) activate.accept(p);
            });
            setOnMouseDragged(e -> {
                if (!(getItem() instanceof PaletteEntry p)) return;
                if (ghost == null) {
                    ghost = new Label(p.title(), Icons.forCategory(p.type().category()));
                    ghost.getStyleClass().add("palette-ghost");
                    ghostLayer.getChildren().add(ghost);
                }
                javafx.geometry.Point2D at = ghostLayer.sceneToLocal(e.getSceneX(), e.getSceneY());
                ghost.relocate(at.getX() + 8, at.getY() + 4);
            });
            setOnMouseReleased(e -> {
                if (ghost == null) return;
                ghostLayer.getChildren().remove(ghost);
                ghost = null;
                if (getItem() instanceof PaletteEntry p) target.drop(p, e.getSceneX(), e.getSceneY());
            });
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("palette-section", "palette-entry");
            setTooltip(null);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setId(null);
            } else if (item instanceof Category c) {
                setText(c.title());
                setGraphic(Icons.forCategory(c));
                getStyleClass().add("palette-section");
                setId("palette-section-" + c.name().toLowerCase(java.util.Locale.ROOT));
            } else if (item instanceof PaletteEntry p) {
                setText(p.title());
                setGraphic(null);
                getStyleClass().add("palette-entry");
                setId("palette-" + p.title().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
                Tooltip tip = new Tooltip(p.summary() + (p.preset() == null ? "" : "\n(" + p.type().title() + ")"));
                tip.setWrapText(true);
                tip.setMaxWidth(320);
                setTooltip(tip);
            }
        }
    }
}
