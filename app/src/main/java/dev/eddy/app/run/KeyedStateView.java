package dev.eddy.app.run;

import dev.eddy.catalog.Catalog;
import dev.eddy.catalog.Category;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.observe.KeyedStateSnapshot;
import dev.eddy.observe.Observation;
import dev.eddy.runtime.driver.RunControl;
import dev.eddy.types.ValueText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The keyed state of a process node, key by key: each state as the program would read it now and
 * the timers waiting to fire. It is asked of the running engine (each subtask answers between two
 * elements), a few times a second while the tab is on screen, so it shows the run as it is, not
 * as it was at a scrubbed instant; the line above the table says when the answer was taken.
 */
final class KeyedStateView extends BorderPane implements RunView {
    /** One line of the table: a state of a key, or one of its timers. */
    record Line(String key, int subtask, String what, String value, String expires) {}

    private static final long ASK_EVERY_NANOS = 250_000_000L;

    private final Supplier<RunControl> control;
    private final ComboBox<String> node = new ComboBox<>();
    private final Label when = new Label();
    private final TableView<Line> table = new TableView<>();
    /** Shown only when some state has a time-to-live. */
    private final TableColumn<Line, String> expires = column("Expires (time-to-live)", Line::expires, 160);
    private boolean asking;
    private long lastAsked;
    /** The run is over and its final state has been shown: it will not change any more. */
    private boolean shownFinal;

    KeyedStateView(Pipeline pipeline, Catalog catalog, Supplier<RunControl> control) {
        this.control = control;
        setId("state-view");
        node.setId("state-node");
        for (Node n : pipeline.nodes()) {
            if (catalog.type(n.type()).map(t -> t.category() == Category.STATE).orElse(false)) node.getItems().add(n.id());
        }
        if (!node.getItems().isEmpty()) node.getSelectionModel().select(0);
        node.valueProperty().addListener((o, a, b) -> ask());
        when.setId("state-when");
        table.setId("state-table");
        table.getColumns().add(column("Key", Line::key, 90));
        table.getColumns().add(column("Subtask", l -> Integer.toString(l.subtask()), 70));
        table.getColumns().add(column("State or timer", Line::what, 170));
        table.getColumns().add(column("Value", Line::value, 300));
        table.getColumns().add(expires);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        reset();
        HBox bar = new HBox(8, new Label("Node"), node, when);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        setTop(bar);
        setCenter(table);
    }

    private static TableColumn<Line, String> column(String title, java.util.function.Function<Line, String> value, double width) {
        TableColumn<Line, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    @Override
    public void reset() {
        shownFinal = false;
        table.getItems().clear();
        table.setPlaceholder(new Label(node.getItems().isEmpty()
                ? "This pipeline has no process node: keyed state shows here for process, change-alert, deduplicate and top-n."
                : "Keyed state shows here once the run has started: each key's states and the timers it waits for."));
        when.setText("");
    }

    @Override
    public void accept(Observation o) { }

    @Override
    public void frame() {
        if (getScene() == null || !isVisible() || asking || System.nanoTime() - lastAsked < ASK_EVERY_NANOS) return;
        RunControl c = control.get();
        if (c == null || shownFinal) return;
        if (c.isOver()) shownFinal = true;
        ask();
    }

    /** Asks the engine for the chosen node's state; the answer is shown on the JavaFX thread. */
    void ask() {
        RunControl c = control.get();
        String id = node.getValue();
        if (c == null || id == null || asking) return;
        asking = true;
        lastAsked = System.nanoTime();
        c.keyedState(id).whenComplete((snapshots, failure) -> Platform.runLater(() -> {
            asking = false;
            if (!id.equals(node.getValue())) return;
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                table.getItems().clear();
                table.setPlaceholder(new Label("The engine could not say: " + cause.getMessage()));
                return;
            }
            show(snapshots);
        }));
    }

    private void show(List<KeyedStateSnapshot> snapshots) {
        List<Line> lines = lines(snapshots);
        if (!lines.equals(table.getItems())) table.getItems().setAll(lines);
        expires.setVisible(lines.stream().anyMatch(l -> !l.expires().isEmpty()));
        table.setPlaceholder(new Label("No key holds state or waits for a timer."));
        if (snapshots.isEmpty()) return;
        KeyedStateSnapshot first = snapshots.get(0);
        when.setText(snapshots.size() + (snapshots.size() == 1 ? " key" : " keys") + " · processing time "
                + Charts.clock(first.time()) + " · watermark " + Charts.clock(first.watermark()));
    }

    static List<Line> lines(List<KeyedStateSnapshot> snapshots) {
        List<Line> out = new ArrayList<>();
        for (KeyedStateSnapshot s : snapshots) {
            String key = ValueText.format(s.key());
            for (KeyedStateSnapshot.StateValue v : s.states()) {
                out.add(new Line(key, s.subtask(), v.name() + " (" + v.kind() + ")", text(v.value()),
                        v.expiresAt() == null ? "" : Charts.clock(v.expiresAt())));
            }
            for (KeyedStateSnapshot.PendingTimer t : s.timers()) {
                out.add(new Line(key, s.subtask(), t.domain() + "-time timer", "fires at " + Charts.clock(t.time())
                        + (t.domain().equals("event") && t.time() <= s.watermark() ? " (at the next watermark)" : ""), ""));
            }
        }
        return out;
    }

    private static String text(Object value) {
        if (value instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            m.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(ValueText.format(k)).append(": ").append(ValueText.format(v)));
            return b.append('}').toString();
        }
        return ValueText.format(value);
    }

    /** Whether the pipeline has a node whose keyed state this view can show. */
    boolean hasNodes() { return !node.getItems().isEmpty(); }

    int keysShown() { return (int) table.getItems().stream().map(Line::key).distinct().count(); }
}
