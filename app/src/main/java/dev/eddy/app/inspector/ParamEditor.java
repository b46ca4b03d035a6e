package dev.eddy.app.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.eddy.catalog.ParamKind;
import dev.eddy.catalog.ParamSpec;
import dev.eddy.expr.ExpressionError;
import dev.eddy.expr.Expressions;
import dev.eddy.types.DataType;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The editor of one parameter, chosen by its kind: a list for enums, a check box for booleans,
 * the incoming fields for a field, a line that checks an expression as you type (with the error
 * at its column), a JSON area for schemas, rows and aggregates, and a text line for the rest.
 * Text commits on Enter or when focus leaves, so one edit is one undo step.
 */
final class ParamEditor implements PropertyEditor<Object> {
    private final ParamItem item;
    private final VBox box = new VBox(2);
    private final Label message = new Label();
    private Control control;

    ParamEditor(ParamItem item) {
        this.item = item;
        ParamSpec spec = item.spec();
        message.getStyleClass().add("param-problem");
        message.setWrapText(true);
        message.setMaxWidth(260);
        control = switch (spec.kind()) {
            case ENUM -> choice(spec);
            case BOOLEAN -> check(spec);
            case FIELD -> field(spec);
            default -> text(spec);
        };
        control.setId("param-" + spec.name());
        control.setMaxWidth(Double.MAX_VALUE);
        box.getChildren().add(control);
        show(item.problem());
    }

    private Control choice(ParamSpec spec) {
        ComboBox<String> combo = new ComboBox<>();
        combo.getItems().setAll(spec.choices());
        combo.setValue(ParamValues.text(current(), spec.kind()));
        combo.valueProperty().addListener((o, a, b) -> commit(b == null ? null : JsonNodeFactory.instance.textNode(b)));
        return combo;
    }

    private Control check(ParamSpec spec) {
        CheckBox check = new CheckBox();
        JsonNode v = current();
        check.setSelected(v != null && v.asBoolean());
        check.selectedProperty().addListener((o, a, b) -> commit(JsonNodeFactory.instance.booleanNode(b)));
        return check;
    }

    private Control field(ParamSpec spec) {
        ComboBox<String> combo = new ComboBox<>();
        combo.setEditable(true);
        if (item.input() != null) combo.getItems().setAll(item.input().names());
        combo.getEditor().setText(ParamValues.text((JsonNode) item.getValue(), spec.kind()));
        combo.setPromptText(prompt(spec));
        combo.valueProperty().addListener((o, a, b) -> commitText(b, spec.kind()));
        return combo;
    }

    private Control text(ParamSpec spec) {
        boolean area = ParamValues.structured(spec.kind());
        TextInputControl t = area ? new TextArea() : new TextField();
        if (t instanceof TextArea a) {
            a.setPrefRowCount(Math.min(8, Math.max(2, ParamValues.text((JsonNode) item.getValue(), spec.kind()).split("\n").length)));
            a.getStyleClass().add("json-area");
        }
        t.setText(ParamValues.text((JsonNode) item.getValue(), spec.kind()));
        t.setPromptText(prompt(spec));
        boolean expression = spec.kind() == ParamKind.EXPRESSION || spec.kind() == ParamKind.CONDITION;
        t.textProperty().addListener((o, a, b) -> {
            if (expression) show(expressionProblem(b, spec.kind()));
            else if (area) show(ParamValues.jsonProblem(b));
        });
        t.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && (!area || e.isShortcutDown())) {
                commitText(t.getText(), spec.kind());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                t.setText(ParamValues.text((JsonNode) item.getValue(), spec.kind()));
            }
        });
        t.focusedProperty().addListener((o, was, now) -> {
            if (!now) commitText(t.getText(), spec.kind());
        });
        return t;
    }

    /** Checks an expression against the incoming schema with the engine's compiler, as the validator will. */
    private String expressionProblem(String text, ParamKind kind) {
        if (text.isBlank() || item.input() == null) return null;
        try {
            Expressions.compile(text, item.input(), kind == ParamKind.CONDITION ? DataType.BOOLEAN : null);
            return null;
        } catch (ExpressionError e) {
            return e.getMessage();
        }
    }

    private static String prompt(ParamSpec spec) {
        if (spec.hasDefault()) return "default: " + ParamValues.text(spec.defaultValue(), spec.kind()).replace('\n', ' ');
        return spec.required() ? "required" : "not set";
    }

    private JsonNode current() {
        JsonNode v = (JsonNode) item.getValue();
        return v != null ? v : item.spec().defaultValue();
    }

    private void commitText(String text, ParamKind kind) { commit(ParamValues.parse(text, kind)); }

    private void commit(JsonNode v) {
        if (!Objects.equals(v, item.getValue())) item.setValue(v);
    }

    private void show(String problem) {
        message.setText(problem);
        boolean bad = problem != null && !problem.isBlank();
        if (bad && !box.getChildren().contains(message)) box.getChildren().add(message);
        if (!bad) box.getChildren().remove(message);
        control.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), bad);
    }

    @Override
    public Node getEditor() { return box; }

    @Override
    public Object getValue() { return item.getValue(); }

    @Override
    public void setValue(Object value) {
        // The sheet is rebuilt when the pipeline changes elsewhere (undo), so there is nothing to follow here.
    }
}
