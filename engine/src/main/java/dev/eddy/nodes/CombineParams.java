package dev.eddy.nodes;

import dev.eddy.catalog.BindContext;
import dev.eddy.operators.FieldCombiner;
import dev.eddy.types.DataType;
import dev.eddy.types.Schema;
import java.util.Map;

/** The "combine" parameter of the rolling and the window reduce: a combiner per input field, checked against its type. */
final class CombineParams {
    static final String DESCRIPTION = "fields and how they combine: sum, min, max, first or last, e.g. {\"count\": \"sum\"}";

    private CombineParams() {}

    /** combiners[i] is null for a field that keeps the first record's value; problems go to the context. */
    static FieldCombiner[] read(BindContext ctx, Schema in) {
        FieldCombiner[] combiners = new FieldCombiner[in.size()];
        for (Map.Entry<String, String> c : ctx.params().textMap("combine").entrySet()) {
            int i = in.indexOf(c.getKey());
            if (i < 0) {
                ctx.error("combine." + c.getKey(), "no input field \"" + c.getKey() + "\"; the input has " + String.join(", ", in.names()));
                continue;
            }
            FieldCombiner f;
            try {
                f = FieldCombiner.parse(c.getValue());
            } catch (IllegalArgumentException e) {
                ctx.error("combine." + c.getKey(), "\"" + c.getValue() + "\" is not a combiner; use sum, min, max, first or last");
                continue;
            }
            DataType t = in.field(i).type();
            if (f == FieldCombiner.SUM && !t.isNumeric()) {
                ctx.error("combine." + c.getKey(), "sum needs a BIGINT or DOUBLE field, but \"" + c.getKey() + "\" is " + t);
                continue;
            }
            if ((f == FieldCombiner.MIN || f == FieldCombiner.MAX) && t.kind() == DataType.Kind.ARRAY) {
                ctx.error("combine." + c.getKey(), f.id() + " cannot compare arrays");
                continue;
            }
            combiners[i] = f;
        }
        return combiners;
    }
}
