package dev.eddy.app.run;

import dev.eddy.app.document.Document;
import dev.eddy.model.Node;
import dev.eddy.types.DataType;
import dev.eddy.types.Field;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import dev.eddy.types.ValueText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Types a record into a source of the running pipeline: a field per column of the source's
 * schema, and its event time. The record enters the run at once, between two steps, and the
 * views show where it lands (a window, the late port, a sink).
 */
public final class InjectDialog {
    private final Document doc;
    private final LiveRun run;
    private final Consumer<String> say;

    public InjectDialog(Document doc, LiveRun run, Consumer<String> say) {
        this.doc = doc;
        this.run = run;
        this.say = say;
    }

    /** A record as typed, checked against the schema; or the words saying which field is wrong. */
    record Typed(Row row, long timestamp, String error) {}

    static Typed parse(Schema schema, List<String> values, String eventTime) {
        Object[] out = new Object[schema.size()];
        Long fromField = null;
        for (int i = 0; i < schema.size(); i++) {
            Field f = schema.field(i);
            try {
                out[i] = ValueText.parse(values.get(i).trim(), f.type());
            } catch (IllegalArgumentException e) {
                return new Typed(null, 0, "Field \"" + f.name() + "\": " + e.getMessage());
            }
            if (fromField == null && out[i] instanceof Instant t) fromField = t.toEpochMilli();
        }
        String t = eventTime == null ? "" : eventTime.trim();
        long ts;
        if (t.isEmpty()) {
            if (fromField == null) return new Typed(null, 0, "Event time: type it in milliseconds or as 2024-01-01T00:00:05Z");
            ts = fromField;
        } else {
            try {
                ts = t.matches("-?\\d+") ? Long.parseLong(t) : Instant.parse(t).toEpochMilli();
            } catch (RuntimeException e) {
                return new Typed(null, 0, "Event time: \"" + t + "\" is neither milliseconds nor an instant such as 2024-01-01T00:00:05Z");
            }
        }
        return new Typed(Row.wrap(out), ts, null);
    }

    /** Opens the dialog over the designer's window (owned by it, so the focus returns there after). */
    public void show(javafx.stage.Window owner) {
        List<Node> sources = doc.get().nodes().stream().filter(n -> n.type().startsWith("source.")).toList();
        if (sources.isEmpty()) {
            say.accept("There is no source to inject into.");
            return;
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Inject a record");
        if (owner != null) dialog.initOwner(owner);
        dialog.getDialogPane().setId("inject-dialog");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        ComboBox<String> source = new ComboBox<>();
        source.setId("inject-source");
        sources.forEach(n -> source.getItems().add(n.id()));
        source.setValue(sources.get(0).id());
        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(6);
        List<TextField> inputs = new ArrayList<>();
        TextField eventTime = new TextField();
        eventTime.setId("inject-event-time");
        Label error = new Label();
        error.setId("inject-error");
        error.getStyleClass().add("error-text");
        Runnable layout = () -> {
            fields.getChildren().clear();
            inputs.clear();
            Schema schema = schemaOf(source.getValue());
            for (int i = 0; i < schema.size(); i++) {
                Field f = schema.field(i);
                TextField in = new TextField();
                in.setId("inject-field-" + f.name());
                in.setPromptText(f.type().toString());
                inputs.add(in);
                fields.addRow(i, new Label(f.name()), in);
            }
            boolean hasTime = schema.fields().stream().anyMatch(f -> f.type().kind() == DataType.Kind.TIMESTAMP);
            eventTime.setPromptText(hasTime ? "empty: from the TIMESTAMP field" : "milliseconds or 2024-01-01T00:00:05Z");
            fields.addRow(schema.size(), new Label("event time"), eventTime);
            dialog.getDialogPane().getScene().getWindow().sizeToScene();
        };
        source.valueProperty().addListener((o, a, b) -> layout.run());
        dialog.getDialogPane().setContent(new VBox(8, new Label("Source"), source, fields, error));
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Inject");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            List<String> values = inputs.stream().map(TextField::getText).toList();
            Typed typed = parse(schemaOf(source.getValue()), values, eventTime.getText());
            if (typed.error() != null) {
                error.setText(typed.error());
                e.consume();
                return;
            }
            inject(source.getValue(), typed);
        });
        dialog.setOnShown(e -> layout.run());
        dialog.show();
    }

    private Schema schemaOf(String source) {
        Schema s = doc.validation().schema(source, "out");
        return s == null ? Schema.EMPTY : s;
    }

    /** Sends the record; starts the run, held at its beginning, when none is active. */
    void inject(String source, Typed typed) {
        if (!run.prepare()) return;
        java.util.Optional.ofNullable(run.control()).ifPresentOrElse(c -> c.inject(source, typed.row(), typed.timestamp()).whenComplete((took, failure) ->
                Platform.runLater(() -> say.accept(failure != null ? "The record could not be injected: " + failure.getMessage()
                        : took ? "Injected into \"" + source + "\" at event time " + Charts.clock(typed.timestamp()) + "."
                        : "\"" + source + "\" has finished its input and takes no more records; reset and inject earlier."))),
                () -> say.accept("The run could not start, so nothing was injected."));
    }
}
