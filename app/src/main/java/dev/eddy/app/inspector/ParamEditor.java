package dev.eddy.app.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.eddy.catalog.ParamKind;
import dev.eddy.catalog.ParamSpec;
import dev.eddy.catalog.PortSpec;
import dev.eddy.expr.ExpressionError;
import dev.eddy.expr.Expressions;
import dev.eddy.process.ProgramCompiler;
import dev.eddy.process.ProgramError;
import dev.eddy.runtime.OperatorContext;
import dev.eddy.types.DataType;
import java.util.List;
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
 * at its column), a code area that compiles a process program as you type (a click on its error
 * goes to the line and column), a JSON area for schemas, rows and aggregates, and a text line
 * for the rest.
 * Text commits on Enter or when focus leaves, so one edit is one undo step.
 */
final class ParamEditor implements PropertyEditor<Object> {
    private final ParamItem item;
    private final VBox box = new VBox(2);
    private final Label message = new Label();
    private Control control;
    private ProgramError programError;

    private final int programRows;

    ParamEditor(ParamItem item) { this(item, 16); }

    /** @param programRows how many lines a program area shows at most, before it scrolls */
    ParamEditor(ParamItem item, int programRows) {
        this.item = item;
        this.programRows = programRows;
        ParamSpec spec = item.spec();
        message.getStyleClass().add("param-problem");
        message.setWrapText(true);
        message.setMaxWidth(spec.kind() == ParamKind.PROGRAM ? Double.MAX_VALUE : 260);
        message.setOnMouseClicked(e -> jumpToProblem());
        control = switch (spec.kind()) {
            case ENUM -> choice(spec);
            case BOOLEAN -> check(spec);
            case FIELD -> field(spec);
            default -> text(spec);
        };
        control.setId("param-" + spec.name());
        control.setMaxWidth(Double.MAX_VALUE);
        box.getChildren().add(control);
        String own = spec.kind() == ParamKind.PROGRAM ? programProblem(ParamValues.text(current(), spec.kind())) : null;
        show(own != null ? own : item.problem());
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
        boolean program = spec.kind() == ParamKind.PROGRAM;
        boolean area = program || ParamValues.structured(spec.kind());
        TextInputControl t = area ? new TextArea() : new TextField();
        if (t instanceof TextArea a) {
            int lines = ParamValues.text((JsonNode) item.getValue(), spec.kind()).split("\n").length;
            a.setPrefRowCount(program ? Math.min(programRows, Math.max(8, lines + 1)) : Math.min(8, Math.max(2, lines)));
            a.getStyleClass().add(program ? "program-area" : "json-area");
            a.setTooltip(new javafx.scene.control.Tooltip("Ctrl+Enter applies it, as does leaving the field; Escape goes back"));
        }
        t.setText(ParamValues.text((JsonNode) item.getValue(), spec.kind()));
        t.setPromptText(prompt(spec));
        boolean expression = spec.kind() == ParamKind.EXPRESSION || spec.kind() == ParamKind.CONDITION;
        t.textProperty().addListener((o, a, b) -> {
            if (expression) show(expressionProblem(b, spec.kind()));
            else if (program) show(programProblem(b));
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

    /**
     * Compiles a program against the incoming schema and key with the engine's compiler, for the
     * ports the node declares; a click on the message puts the caret where the problem is.
     */
    private String programProblem(String text) {
        programError = null;
        if (text.isBlank() || item.input() == null || item.key() == null) return null;
        List<String> ports = item.type().outputs().stream().map(PortSpec::name)
                .filter(port -> !port.equals(OperatorContext.ERRORS_PORT)).toList();
        try {
            ProgramCompiler.compile(text, item.input(), item.key().columns(), ports);
            return null;
        } catch (ProgramError e) {
            programError = e;
            return e.getMessage();
        }
    }

    private void jumpToProblem() {
        if (programError == null || !(control instanceof TextArea area)) return;
        String[] lines = area.getText().split("\n", -1);
        int at = 0;
        for (int i = 0; i < programError.line() - 1 && i < lines.length; i++) at += lines[i].length() + 1;
        area.requestFocus();
        area.positionCaret(Math.min(area.getLength(), at + programError.column() - 1));
    }

    private static String prompt(ParamSpec spec) {
        if (spec.kind() == ParamKind.PROGRAM) {
            return "state seen BIGINT;\non record {\n  seen = COALESCE(seen, 0) + 1;\n  emit seen;\n}\n\n(see docs/process.md)";
        }
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

    /** The text control itself, for a window that wants to give it the room. */
    Control control() { return control; }

    @Override
    public Object getValue() { return item.getValue(); }

    @Override
    public void setValue(Object value) {
        // The sheet is rebuilt when the pipeline changes elsewhere (undo), so there is nothing to follow here.
    }
}
