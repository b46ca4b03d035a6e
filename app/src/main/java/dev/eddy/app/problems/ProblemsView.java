package dev.eddy.app.problems;

import dev.eddy.app.Icons;
import dev.eddy.app.document.Document;
import dev.eddy.app.document.Selection;
import dev.eddy.validate.Problem;
import java.util.Comparator;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** Every error and warning of the pipeline, errors first; clicking one selects its node. */
public final class ProblemsView extends TableView<Problem> {
    private final ObservableList<Problem> rows = FXCollections.observableArrayList();

    public ProblemsView(Document doc, Selection selection, Runnable reveal) {
        setId("problems");
        setItems(rows);
        setPlaceholder(new Label("No problems: the pipeline is valid."));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Problem, Problem.Severity> severity = new TableColumn<>("");
        severity.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue().severity()));
        severity.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Problem.Severity s, boolean empty) {
                super.updateItem(s, empty);
                setGraphic(empty || s == null ? null : Icons.of(s == Problem.Severity.ERROR ? "mdi2a-alert-circle" : "mdi2a-alert"));
                getStyleClass().removeAll("severity-error", "severity-warning");
                if (!empty && s != null) getStyleClass().add(s == Problem.Severity.ERROR ? "severity-error" : "severity-warning");
            }
        });
        severity.setPrefWidth(34);
        severity.setMaxWidth(34);
        TableColumn<Problem, String> node = new TableColumn<>("Node");
        node.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().nodeId() == null ? "" : c.getValue().nodeId()));
        node.setPrefWidth(140);
        node.setMaxWidth(260);
        TableColumn<Problem, String> message = new TableColumn<>("Problem");
        message.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().message()));
        message.setPrefWidth(620);
        TableColumn<Problem, String> where = new TableColumn<>("Where in the file");
        where.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().path()));
        where.setPrefWidth(180);
        where.setMaxWidth(260);
        getColumns().setAll(java.util.List.of(severity, node, message, where));
        setRowFactory(t -> {
            TableRow<Problem> row = new TableRow<>();
            row.itemProperty().addListener((o, a, p) -> row.setTooltip(p == null ? null : new javafx.scene.control.Tooltip(p.message())));
            row.setOnMouseClicked(e -> {
                Problem p = row.getItem();
                if (p != null && p.nodeId() != null && doc.get().node(p.nodeId()).isPresent()) {
                    selection.only(p.nodeId());
                    reveal.run();
                }
            });
            return row;
        });
        doc.validationProperty().addListener((o, a, v) -> show(v));
        show(doc.validation());
    }

    private void show(dev.eddy.validate.ValidationResult v) {
        rows.setAll(v.problems().stream().sorted(Comparator.comparing(Problem::severity)).toList());
    }
}
