package dev.eddy.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * The declaration of one parameter of a node type: its name, kind, whether it must be given,
 * the value used when it is not, its allowed words (ENUM) or lower bound (numbers), and a
 * one-line help text shown in the inspector and the reference.
 */
public record ParamSpec(String name, ParamKind kind, boolean required, JsonNode defaultValue, String help,
                        List<String> choices, Double min) {
    public ParamSpec {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static ParamSpec required(String name, ParamKind kind, String help) {
        return new ParamSpec(name, kind, true, null, help, null, null);
    }

    public static ParamSpec optional(String name, ParamKind kind, String help) {
        return new ParamSpec(name, kind, false, null, help, null, null);
    }

    public static ParamSpec optional(String name, ParamKind kind, Object defaultValue, String help) {
        return new ParamSpec(name, kind, false, toJson(defaultValue), help, null, null);
    }

    public static ParamSpec choice(String name, String defaultValue, String help, String... choices) {
        return new ParamSpec(name, ParamKind.ENUM, false, toJson(defaultValue), help, List.of(choices), null);
    }

    public ParamSpec atLeast(double bound) {
        return new ParamSpec(name, kind, required, defaultValue, help, choices, bound);
    }

    public boolean hasDefault() { return defaultValue != null; }

    static JsonNode toJson(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) return null;
        if (v instanceof JsonNode j) return j;
        if (v instanceof String s) return f.textNode(s);
        if (v instanceof Integer i) return f.numberNode(i);
        if (v instanceof Long l) return f.numberNode(l);
        if (v instanceof Double d) return f.numberNode(d);
        if (v instanceof Boolean b) return f.booleanNode(b);
        throw new IllegalArgumentException("no JSON form for default " + v);
    }
}
