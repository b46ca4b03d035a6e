package dev.eddy.nodes;

import static dev.eddy.catalog.ParamKind.CONDITION;
import static dev.eddy.catalog.ParamKind.EXPRESSION;
import static dev.eddy.catalog.ParamKind.PROJECTIONS;
import static dev.eddy.catalog.ParamKind.STRING;
import static dev.eddy.catalog.ParamKind.STRING_LIST;
import static dev.eddy.catalog.ParamSpec.optional;
import static dev.eddy.catalog.ParamSpec.required;
import static dev.eddy.nodes.NodeTypeBuilder.type;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.catalog.Binding;
import dev.eddy.catalog.Category;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.PortSpec;
import dev.eddy.catalog.Preset;
import dev.eddy.expr.CompiledExpression;
import dev.eddy.operators.FilterOperator;
import dev.eddy.operators.FlatMapOperator;
import dev.eddy.operators.MapOperator;
import dev.eddy.operators.PassThroughOperator;
import dev.eddy.types.DataType;
import dev.eddy.types.Field;
import dev.eddy.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Record-at-a-time transformations: map, filter, flat-map, union. */
final class TransformNodes {
    private TransformNodes() {}

    static List<NodeType> all() { return List.of(map(), filter(), flatMap(), union()); }

    static NodeType map() {
        return type("map", Category.TRANSFORM).title("Map")
                .summary("Computes new fields from each record, one record out per record in")
                .concept("A stateless, one-to-one transformation (Flink's map). Each output field is an expression over"
                        + " the input fields; list a field by name to keep it. The record keeps its timestamp.")
                .param(required("fields", PROJECTIONS, "output fields and their expressions, e.g. {\"room\": \"room\", \"f\": \"c * 1.8 + 32\"}"))
                .input(PortSpec.IN).output(PortSpec.OUT).failsPerRecord()
                .onFlink("DataStream#process with a ProcessFunction that evaluates the fields")
                .bind(ctx -> {
                    Schema in = ctx.input();
                    List<Field> fields = new ArrayList<>();
                    List<CompiledExpression> exprs = new ArrayList<>();
                    for (Map.Entry<String, String> f : ctx.params().textMap("fields").entrySet()) {
                        CompiledExpression e = ctx.expression("fields." + f.getKey(), f.getValue(), in, null);
                        if (e == null) continue;
                        exprs.add(e);
                        fields.add(new Field(f.getKey(), e.type() == DataType.NULL ? DataType.STRING : e.type()));
                    }
                    Schema out = new Schema(fields);
                    return Binding.operator(Bindings.outWithErrors(out), () -> new MapOperator(in, exprs));
                });
    }

    static NodeType filter() {
        return type("filter", Category.TRANSFORM).title("Filter")
                .summary("Keeps the records for which a condition is TRUE")
                .concept("A stateless transformation that drops records (Flink's filter). As in SQL, a condition that is"
                        + " NULL drops the record too.")
                .param(required("condition", CONDITION, "a BOOLEAN expression, e.g. temperature > 25 AND room LIKE 'lab%'"))
                .input(PortSpec.IN).output(PortSpec.OUT).failsPerRecord()
                .onFlink("DataStream#process with a ProcessFunction that evaluates the condition")
                .bind(ctx -> {
                    Schema in = ctx.input();
                    CompiledExpression c = ctx.expression("condition", ctx.params().string("condition"), in, DataType.BOOLEAN);
                    if (c == null) return null;
                    return Binding.operator(Bindings.outWithErrors(in), () -> new FilterOperator(in, c));
                });
    }

    static NodeType flatMap() {
        ObjectNode words = JsonNodeFactory.instance.objectNode();
        words.put("split", "REGEXP_SPLIT(LOWER(line), '\\W+')");
        words.put("as", "word");
        return type("flat-map", Category.TRANSFORM).title("Flat map")
                .summary("Splits each record into zero or more records, one per element of an array")
                .concept("A one-to-many transformation (Flink's flatMap), as the tokenizer of word count: each element of"
                        + " the array becomes a record with the kept fields, and all keep the input's timestamp.")
                .param(required("split", EXPRESSION, "an ARRAY expression, e.g. REGEXP_SPLIT(LOWER(line), '\\W+')"))
                .param(required("as", STRING, "the name of the field that holds each element"))
                .param(optional("keep", STRING_LIST, JsonNodeFactory.instance.arrayNode(), "input fields to copy into every output record"))
                .input(PortSpec.IN).output(PortSpec.OUT).failsPerRecord()
                .preset(new Preset("Split words", "lines into lower-case words", words))
                .onFlink("DataStream#process with a ProcessFunction that splits the array")
                .bind(ctx -> {
                    Schema in = ctx.input();
                    CompiledExpression split = ctx.expression("split", ctx.params().string("split"), in, null);
                    if (split == null) return null;
                    if (split.type().kind() != DataType.Kind.ARRAY) {
                        ctx.error("split", "`" + split.text() + "` is " + split.type() + " but must be an ARRAY, e.g. SPLIT(line, ' ')");
                        return null;
                    }
                    List<String> keep = ctx.params().strings("keep");
                    String as = ctx.params().string("as");
                    int[] kept = new int[keep.size()];
                    List<Field> fields = new ArrayList<>();
                    for (int i = 0; i < keep.size(); i++) {
                        kept[i] = in.indexOf(keep.get(i));
                        if (kept[i] < 0) {
                            ctx.error("keep", "no input field \"" + keep.get(i) + "\"; the input has " + String.join(", ", in.names()));
                            return null;
                        }
                        fields.add(in.field(kept[i]));
                    }
                    if (keep.contains(as)) {
                        ctx.error("as", "\"" + as + "\" is also a kept field; choose another name");
                        return null;
                    }
                    fields.add(new Field(as, split.type().element()));
                    Schema out = new Schema(fields);
                    return Binding.operator(Bindings.outWithErrors(out), () -> new FlatMapOperator(in, split, kept));
                });
    }

    static NodeType union() {
        return type("union", Category.TRANSFORM).title("Union")
                .summary("Merges streams of the same schema into one")
                .concept("Flink's union: records of all inputs interleave as they arrive. The merged watermark is the"
                        + " minimum over all input channels, so the slowest input holds event time back.")
                .input(new PortSpec("in", "two or more streams with the same fields", true, false))
                .output(PortSpec.OUT)
                .onFlink("DataStream#union")
                .bind(ctx -> {
                    List<Schema> ins = ctx.inputs("in");
                    if (ins.isEmpty()) return null;
                    Schema first = ins.get(0);
                    for (int i = 1; i < ins.size(); i++) {
                        if (!ins.get(i).equals(first)) {
                            ctx.error(null, "a union needs inputs with the same fields and types, but one input is " + first
                                    + " and another is " + ins.get(i) + "; align them with a map");
                            return null;
                        }
                    }
                    return Binding.operator(Bindings.out(first), PassThroughOperator::new);
                });
    }
}
