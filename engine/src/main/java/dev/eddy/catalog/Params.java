package dev.eddy.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.types.DataType;
import dev.eddy.types.Field;
import dev.eddy.types.Row;
import dev.eddy.types.RowJson;
import dev.eddy.types.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A node's parameters read through its type's declaration. {@link #check()} reports every value
 * of the wrong shape (with what was expected); the typed getters then return the value, or the
 * declared default, or null when neither is usable, so binders never see malformed JSON.
 */
public final class Params {
    private final ObjectNode json;
    private final NodeType type;
    private final BiConsumer<String, String> errors;
    private final java.util.Set<String> bad = new java.util.HashSet<>();

    public Params(ObjectNode json, NodeType type, BiConsumer<String, String> errors) {
        this.json = json;
        this.type = type;
        this.errors = errors;
    }

    /**
     * The parameters of a node that has been validated already, read with its type's defaults
     * (for code outside validation: the Flink translation, its functions, readiness checks).
     */
    public static Params of(dev.eddy.model.Node node, NodeType type) {
        return new Params(node.paramsView(), type, (param, message) -> {});
    }

    /** Reports unknown parameters, missing required ones and values of the wrong kind. */
    public void check() {
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (type.param(name).isEmpty()) {
                List<String> known = type.params().stream().map(ParamSpec::name).toList();
                errors.accept(name, "\"" + type.id() + "\" has no parameter \"" + name + "\""
                        + Suggestions.didYouMean(name, known) + "; its parameters are " + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
        }
        for (ParamSpec p : type.params()) {
            JsonNode v = json.get(p.name());
            if (v == null || v.isNull()) {
                if (p.required()) errors.accept(p.name(), "missing; expected a " + p.kind().description() + " (" + p.help() + ")");
                continue;
            }
            String problem = shapeProblem(p, v);
            if (problem != null) {
                bad.add(p.name());
                errors.accept(p.name(), problem);
            }
        }
    }

    private static String shapeProblem(ParamSpec p, JsonNode v) {
        String found = abbreviate(v.toString());
        switch (p.kind()) {
            case STRING: case EXPRESSION: case CONDITION: case FIELD: case PATH:
                return v.isTextual() ? null : "expected a " + p.kind().description() + " (a string) but found " + found;
            case INTEGER:
                if (!v.isIntegralNumber() || !v.canConvertToLong()) return "expected a whole number but found " + found;
                if (p.min() != null && v.longValue() < p.min()) return "must be at least " + p.min().longValue() + " but is " + v.longValue();
                return null;
            case NUMBER:
                if (!v.isNumber()) return "expected a number but found " + found;
                if (p.min() != null && v.doubleValue() < p.min()) return "must be at least " + p.min() + " but is " + v.doubleValue();
                return null;
            case BOOLEAN:
                return v.isBoolean() ? null : "expected true or false but found " + found;
            case DURATION:
                if (!v.isTextual()) return "expected a duration such as 500ms, 10s, 5m but found " + found;
                try {
                    long ms = Durations.parse(v.textValue());
                    if (ms < 0 && (p.min() == null || p.min() >= 0)) return "must not be negative, but is " + v.textValue();
                    return null;
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            case INSTANT:
                if (v.isIntegralNumber()) return null;
                try {
                    if (v.isTextual()) {
                        RowJson.parseInstant(v.textValue());
                        return null;
                    }
                } catch (RuntimeException e) {
                    // fall through to the message
                }
                return found + " is not an instant such as 2024-01-01T00:00:00Z or epoch milliseconds";
            case ENUM:
                if (v.isTextual() && p.choices().contains(v.textValue())) return null;
                return "expected one of " + String.join(", ", p.choices()) + " but found " + found;
            case SCHEMA:
                if (!v.isObject() || v.isEmpty()) return "expected fields and types such as {\"room\": \"STRING\", \"temperature\": \"DOUBLE\"}";
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    try {
                        if (!f.getValue().isTextual()) throw new IllegalArgumentException("expected a type name such as \"BIGINT\"");
                        DataType.parse(f.getValue().textValue());
                    } catch (IllegalArgumentException e) {
                        return "field \"" + f.getKey() + "\": " + e.getMessage();
                    }
                }
                return null;
            case ROWS:
                if (!v.isArray()) return "expected a list of records such as [{\"name\": \"a\", \"value\": 1}]";
                return null;
            case STEPS:
                if (!v.isArray()) return "expected a list of steps such as [{\"record\": {\"k\": \"a\"}, \"ts\": 1000}, {\"watermark\": 999}]";
                return null;
            case PROJECTIONS: case AGGREGATES: case COMBINERS:
                if (!v.isObject() || v.isEmpty()) return "expected an object such as " + example(p.kind());
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    if (!f.getValue().isTextual()) return "\"" + f.getKey() + "\": expected a string such as " + example(p.kind());
                }
                return null;
            case PROGRAM:
                if (v.isTextual()) return null;
                if (!v.isArray()) return "expected a program: a string, or a list of its lines";
                for (JsonNode e : v) if (!e.isTextual()) return "expected the program's lines as strings but found " + found;
                return null;
            case STRING_LIST:
                if (v.isTextual()) return null;
                if (!v.isArray()) return "expected a list of strings such as [\"room\", \"sensor\"]";
                for (JsonNode e : v) if (!e.isTextual()) return "expected a list of strings but found " + found;
                return null;
            default:
                return null;
        }
    }

    private static String example(ParamKind k) {
        switch (k) {
            case PROJECTIONS: return "{\"celsius\": \"(fahrenheit - 32) / 1.8\"}";
            case AGGREGATES: return "{\"total\": \"SUM(amount)\", \"n\": \"COUNT(*)\"}";
            case COMBINERS: return "{\"count\": \"sum\"}";
            default: return k.description();
        }
    }

    private static String abbreviate(String s) { return s.length() > 60 ? s.substring(0, 57) + "..." : s; }

    /** The given value, else the declared default; null when absent or malformed. */
    public JsonNode raw(String name) {
        ParamSpec spec = type.param(name).orElseThrow(() -> new IllegalArgumentException("undeclared parameter " + name));
        JsonNode v = json.get(name);
        if (v != null && !v.isNull() && !bad.contains(name)) return v;
        return spec.defaultValue();
    }

    /** Given but refused (its error is already reported), so a binder need not report it missing. */
    public boolean isMalformed(String name) { return bad.contains(name); }

    public boolean isSet(String name) {
        JsonNode v = json.get(name);
        return v != null && !v.isNull() && !bad.contains(name);
    }

    public String string(String name) {
        JsonNode v = raw(name);
        return v == null ? null : v.asText();
    }

    /** A program parameter's text, its lines joined when the file lists them one by one. */
    public String program(String name) {
        JsonNode v = raw(name);
        if (v == null) return null;
        if (!v.isArray()) return v.asText();
        List<String> lines = new java.util.ArrayList<>();
        for (JsonNode l : v) lines.add(l.asText());
        return String.join("\n", lines);
    }

    public Long integer(String name) {
        JsonNode v = raw(name);
        return v == null ? null : v.longValue();
    }

    public Double number(String name) {
        JsonNode v = raw(name);
        return v == null ? null : v.doubleValue();
    }

    public boolean bool(String name) {
        JsonNode v = raw(name);
        return v != null && v.asBoolean();
    }

    /** Milliseconds. */
    public Long duration(String name) {
        JsonNode v = raw(name);
        return v == null ? null : Durations.parse(v.textValue());
    }

    /** Epoch milliseconds. */
    public Long instant(String name) {
        JsonNode v = raw(name);
        if (v == null) return null;
        if (v.isIntegralNumber()) return v.longValue();
        Instant i = RowJson.parseInstant(v.textValue());
        return i.toEpochMilli();
    }

    public List<String> strings(String name) {
        JsonNode v = raw(name);
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        if (v.isTextual()) out.add(v.textValue());
        else for (JsonNode e : v) out.add(e.textValue());
        return out;
    }

    /** A SCHEMA parameter as a schema, or null. */
    public Schema schema(String name) {
        JsonNode v = raw(name);
        if (v == null) return null;
        List<Field> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            fields.add(new Field(f.getKey(), DataType.parse(f.getValue().textValue())));
        }
        return new Schema(fields);
    }

    /** A PROJECTIONS / AGGREGATES / COMBINERS parameter as an ordered map of text. */
    public Map<String, String> textMap(String name) {
        JsonNode v = raw(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null) return out;
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            out.put(f.getKey(), f.getValue().textValue());
        }
        return out;
    }

    /** A STEPS parameter read against a schema; each bad step is reported with its index. */
    public List<dev.eddy.connectors.ScriptedSource.Step> steps(String name, Schema schema) {
        JsonNode v = raw(name);
        List<dev.eddy.connectors.ScriptedSource.Step> out = new ArrayList<>();
        if (v == null || schema == null) return out;
        for (int i = 0; i < v.size(); i++) {
            JsonNode s = v.get(i);
            String at = name + "[" + i + "]";
            try {
                out.add(step(s, schema));
            } catch (IllegalArgumentException e) {
                errors.accept(at, e.getMessage());
            }
        }
        return out;
    }

    private static dev.eddy.connectors.ScriptedSource.Step step(JsonNode s, Schema schema) {
        String expected = "expected {\"record\": {...}, \"ts\": 1000}, {\"watermark\": 999}, {\"processingTime\": 5000}, {\"checkpoint\": \"restore\"} or {\"fail\": \"why\"}";
        if (!s.isObject()) throw new IllegalArgumentException(expected + " but found " + abbreviate(s.toString()));
        if (s.has("record")) {
            for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("record") && !f.equals("ts")) throw new IllegalArgumentException("a record step has \"record\" and \"ts\", not \"" + f + "\"");
            }
            JsonNode ts = s.get("ts");
            long t;
            if (ts == null || ts.isNull()) t = dev.eddy.runtime.Time.NO_TIMESTAMP;
            else if (ts.isIntegralNumber()) t = ts.longValue();
            else throw new IllegalArgumentException("\"ts\" must be a whole number of milliseconds or null, not " + ts);
            return new dev.eddy.connectors.ScriptedSource.Emit(RowJson.fromJson(s.get("record"), schema), t);
        }
        if (s.size() != 1) throw new IllegalArgumentException(expected);
        if (s.has("watermark") && s.get("watermark").isIntegralNumber()) {
            return new dev.eddy.connectors.ScriptedSource.Watermark(s.get("watermark").longValue());
        }
        if (s.has("processingTime") && s.get("processingTime").isIntegralNumber()) {
            return new dev.eddy.connectors.ScriptedSource.AdvanceTo(s.get("processingTime").longValue());
        }
        if (s.has("fail") && s.get("fail").isTextual()) {
            return new dev.eddy.connectors.ScriptedSource.Fail(s.get("fail").textValue(), new java.util.concurrent.atomic.AtomicBoolean());
        }
        if (s.has("checkpoint") && "restore".equals(s.get("checkpoint").textValue())) {
            return new dev.eddy.connectors.ScriptedSource.Restore();
        }
        throw new IllegalArgumentException(expected + " but found " + abbreviate(s.toString()));
    }

    /** A ROWS parameter read against a schema; each bad row is reported with its index. */
    public List<Row> rows(String name, Schema schema) {
        JsonNode v = raw(name);
        List<Row> out = new ArrayList<>();
        if (v == null || schema == null) return out;
        for (int i = 0; i < v.size(); i++) {
            try {
                out.add(RowJson.fromJson(v.get(i), schema));
            } catch (IllegalArgumentException e) {
                errors.accept(name + "[" + i + "]", e.getMessage());
            }
        }
        return out;
    }
}
