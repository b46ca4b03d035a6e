package dev.eddy.app.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.catalog.KeyInfo;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.ParamSpec;
import dev.eddy.types.Schema;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/**
 * One parameter of the selected node as a row of the property sheet. Its value is the JSON in the
 * file (null when unset); setting it hands the new JSON to the document as an undoable edit.
 */
final class ParamItem implements PropertySheet.Item {
    private final NodeType type;
    private final ParamSpec spec;
    private final JsonNode value;
    private final Schema input;
    private final KeyInfo key;
    private final String problem;
    private final Consumer<JsonNode> commit;

    ParamItem(NodeType type, ParamSpec spec, JsonNode value, Schema input, KeyInfo key, String problem,
              Consumer<JsonNode> commit) {
        this.type = type;
        this.spec = spec;
        this.value = value;
        this.input = input;
        this.key = key;
        this.problem = problem;
        this.commit = commit;
    }

    NodeType type() { return type; }

    ParamSpec spec() { return spec; }

    /** The schema arriving at the node, for field choices and expression checks; null when not known. */
    Schema input() { return input; }

    /** The key of the keyed stream arriving at the node, for checking a program; null when not keyed or not known. */
    KeyInfo key() { return key; }

    /** The validator's complaint about this parameter, shown under its editor; null when none. */
    String problem() { return problem; }

    @Override
    public Class<?> getType() { return JsonNode.class; }

    @Override
    public String getCategory() { return spec.required() ? "Required" : "Optional"; }

    @Override
    public String getName() { return spec.name(); }

    @Override
    public String getDescription() {
        return spec.help() + (spec.hasDefault() ? " (default " + spec.defaultValue() + ")" : "") + " — " + spec.kind().description();
    }

    @Override
    public Object getValue() { return value; }

    @Override
    public void setValue(Object v) { commit.accept((JsonNode) v); }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() { return Optional.empty(); }
}
