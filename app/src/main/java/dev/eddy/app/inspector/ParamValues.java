package dev.eddy.app.inspector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.eddy.catalog.ParamKind;

/**
 * Between what a person types in the inspector and the JSON value in the pipeline file. Text that
 * does not fit the kind is kept as text, so the validator names the problem in its own words
 * instead of the inspector swallowing the edit.
 */
final class ParamValues {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ParamValues() {}

    static boolean structured(ParamKind kind) {
        return switch (kind) {
            case SCHEMA, ROWS, PROJECTIONS, AGGREGATES, COMBINERS, STEPS, STRING_LIST -> true;
            default -> false;
        };
    }

    static String text(JsonNode v, ParamKind kind) {
        if (v == null || v.isNull()) return "";
        if (kind == ParamKind.PROGRAM && v.isArray()) {
            java.util.List<String> lines = new java.util.ArrayList<>();
            v.forEach(line -> lines.add(line.asText()));
            return String.join("\n", lines);
        }
        if (structured(kind)) return v.toPrettyString();
        return v.isTextual() ? v.textValue() : v.toString();
    }

    /** The JSON for typed text; null for empty text, which means "use the default". */
    static JsonNode parse(String text, ParamKind kind) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return null;
        try {
            switch (kind) {
                case INTEGER:
                    return F.numberNode(Long.parseLong(t));
                case NUMBER:
                    return F.numberNode(Double.parseDouble(t));
                case BOOLEAN:
                    return t.equals("true") || t.equals("false") ? F.booleanNode(Boolean.parseBoolean(t)) : F.textNode(t);
                case INSTANT:
                    return t.matches("-?\\d+") ? F.numberNode(Long.parseLong(t)) : F.textNode(t);
                case PROGRAM:
                    return programLines(text);
                default:
                    if (structured(kind)) return JSON.readTree(t);
                    return F.textNode(text);
            }
        } catch (NumberFormatException | JsonProcessingException e) {
            return F.textNode(t);
        }
    }

    /** A program as the file keeps it, one string per line, so that it reads and diffs as code. */
    private static JsonNode programLines(String text) {
        var lines = F.arrayNode();
        for (String line : text.stripTrailing().split("\\R", -1)) lines.add(line.stripTrailing());
        return lines;
    }

    /** Why structured text is not JSON, with its line and column; null when it is. */
    static String jsonProblem(String text) {
        if (text.isBlank()) return null;
        try {
            JSON.readTree(text);
            return null;
        } catch (JsonProcessingException e) {
            return "not JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + ": " + e.getOriginalMessage();
        }
    }
}
