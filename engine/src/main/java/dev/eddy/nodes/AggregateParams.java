package dev.eddy.nodes;

import dev.eddy.catalog.BindContext;
import dev.eddy.operators.AggregateCall;
import dev.eddy.types.DataType;
import dev.eddy.types.Field;
import dev.eddy.types.Schema;
import java.util.List;
import java.util.Map;

/** Reads an AGGREGATES parameter ({"total": "SUM(amount)"}) into calls and output fields, for aggregate and window. */
final class AggregateParams {
    private AggregateParams() {}

    /** Adds one call and one output field per entry; reports each bad entry under its own name. */
    static void read(BindContext ctx, Schema in, List<AggregateCall> calls, List<Field> fields) {
        for (Map.Entry<String, String> a : ctx.params().textMap("aggregates").entrySet()) {
            String param = "aggregates." + a.getKey();
            try {
                AggregateCall.Parsed parsed = AggregateCall.parse(a.getValue());
                int field = parsed.field().equals("*") ? -1 : in.indexOf(parsed.field());
                if (field < 0 && !parsed.field().equals("*")) {
                    ctx.error(param, "no input field \"" + parsed.field() + "\"; the input has " + String.join(", ", in.names()));
                    continue;
                }
                DataType result = AggregateCall.resultType(parsed.function(), field < 0 ? DataType.BIGINT : in.field(field).type());
                calls.add(new AggregateCall(parsed.function(), field, result));
                fields.add(new Field(a.getKey(), result));
            } catch (IllegalArgumentException e) {
                ctx.error(param, e.getMessage());
            }
        }
    }
}
