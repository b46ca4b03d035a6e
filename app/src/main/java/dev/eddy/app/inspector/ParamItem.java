package dev.eddy.app.inspector;

import com.fasterxml.jackson.databind.JsonNode;
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
    private final ParamSpec spec;
    private final JsonNode value;
    private final Schema input;
    private final String problem;
    private final Consumer<JsonNode> commit;

    ParamItem(ParamSpec spec, JsonNode value, Schema input, String problem, Consumer<JsonNode> commit) {
        this.spec = spec;
        this.value = value;
        this.input = input;
        this.problem = problem;
        this.commit = commit;
    }

    ParamSpec spec() { return spec; }

    /** The schema arriving at the node, for field choices and expression checks; null when not known. */
    Schema input() { return input; }

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
