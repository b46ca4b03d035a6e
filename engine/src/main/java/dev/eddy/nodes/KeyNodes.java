package dev.eddy.nodes;

import static dev.eddy.catalog.ParamKind.AGGREGATES;
import static dev.eddy.catalog.ParamKind.COMBINERS;
import static dev.eddy.catalog.ParamKind.STRING_LIST;
import static dev.eddy.catalog.ParamSpec.required;
import static dev.eddy.nodes.NodeTypeBuilder.type;

import dev.eddy.catalog.Binding;
import dev.eddy.catalog.Category;
import dev.eddy.catalog.KeyInfo;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.PortSpec;
import dev.eddy.expr.CompiledExpression;
import dev.eddy.expr.EvaluationException;
import dev.eddy.model.RuntimeMode;
import dev.eddy.operators.AggregateCall;
import dev.eddy.operators.FieldCombiner;
import dev.eddy.operators.PassThroughOperator;
import dev.eddy.operators.RollingAggregateOperator;
import dev.eddy.operators.RollingReduceOperator;
import dev.eddy.operators.SortingKeyByOperator;
import dev.eddy.runtime.CompositeKey;
import dev.eddy.runtime.JobFailedException;
import dev.eddy.runtime.KeySelector;
import dev.eddy.runtime.Partitioning;
import dev.eddy.types.DataType;
import dev.eddy.types.Field;
import dev.eddy.types.RowJson;
import dev.eddy.types.Schema;
import java.util.ArrayList;
import java.util.List;

/** Keys and partitions: key-by, rebalance, and the rolling reduce and aggregate of a keyed stream. */
final class KeyNodes {
    private static final String ROLLING_STATE = "a rolling aggregation keeps one value per key forever, and every new key adds one";

    private KeyNodes() {}

    static List<NodeType> all() { return List.of(keyBy(), rebalance(), reduce(), aggregate()); }

    static NodeType keyBy() {
        return type("key-by", Category.KEYS).title("Key by")
                .summary("Partitions the stream by a key, so that all records of one key meet in one subtask")
                .concept("keyBy is not a computation but a way of connecting: each record goes to the subtask that owns"
                        + " its key group (murmur hash of the key's hash code modulo maxParallelism), exactly as in Flink."
                        + " Keyed state, rolling aggregates and keyed windows need it.")
                .param(required("key", STRING_LIST, "a field, an expression such as UPPER(room), or a list of them for a composite key"))
                .input(PortSpec.IN).output(new PortSpec("out", "the keyed stream, for a keyed node", false, false))
                .onFlink("DataStream#keyBy with a KeySelector computing Eddy's key")
                .bind(ctx -> {
                    Schema in = ctx.input();
                    List<String> texts = ctx.params().strings("key");
                    if (texts.isEmpty()) {
                        ctx.error("key", "name at least one field or expression to key by");
                        return null;
                    }
                    List<CompiledExpression> exprs = new ArrayList<>();
                    List<Field> columns = new ArrayList<>();
                    for (int i = 0; i < texts.size(); i++) {
                        CompiledExpression e = ctx.expression("key", texts.get(i), in, null);
                        if (e == null) return null;
                        if (e.type().kind() == DataType.Kind.ARRAY) {
                            ctx.error("key", "`" + texts.get(i) + "` is an ARRAY; key by a scalar value");
                            return null;
                        }
                        exprs.add(e);
                        String name = in.has(texts.get(i).trim()) ? texts.get(i).trim() : texts.size() == 1 ? "key" : "key" + (i + 1);
                        columns.add(new Field(name, e.type()));
                    }
                    String node = ctx.node().id();
                    KeySelector selector = selector(node, in, exprs);
                    KeyInfo key = new KeyInfo(selector, columns, String.join(", ", texts));
                    boolean batch = ctx.mode() == RuntimeMode.BATCH;
                    return Binding.operator(Bindings.out(in), batch ? () -> new SortingKeyByOperator(selector) : PassThroughOperator::new)
                            .withPartitioning(Partitioning.HASH, key);
                });
    }

    /** A key that cannot be computed stops the job: the partitioner has nowhere to send the record. */
    private static KeySelector selector(String node, Schema in, List<CompiledExpression> exprs) {
        CompiledExpression[] es = exprs.toArray(new CompiledExpression[0]);
        return row -> {
            try {
                if (es.length == 1) return nullSafe(es[0].evaluate(row));
                Object[] fields = new Object[es.length];
                for (int i = 0; i < es.length; i++) fields[i] = nullSafe(es[i].evaluate(row));
                return new CompositeKey(fields);
            } catch (EvaluationException e) {
                throw new JobFailedException(node, "key-by \"" + node + "\" cannot compute the key of "
                        + RowJson.toLine(row, in) + ": " + e.getMessage());
            }
        };
    }

    /** Flink rejects null keys; so do we, with the reason. */
    private static Object nullSafe(Object key) {
        if (key == null) throw new EvaluationException("the key is NULL, and a record needs a key to be partitioned (use COALESCE to give one)");
        return key;
    }

    static NodeType rebalance() {
        return type("rebalance", Category.KEYS).title("Rebalance")
                .summary("Spreads records round-robin over the next node's subtasks")
                .concept("Flink's rebalance partitioner: evens out load when a source is skewed or has lower parallelism."
                        + " It breaks operator chaining, so records cross a channel.")
                .input(PortSpec.IN).output(PortSpec.OUT)
                .onFlink("DataStream#rebalance")
                .bind(ctx -> Binding.operator(Bindings.out(ctx.input()), PassThroughOperator::new)
                        .withPartitioning(Partitioning.REBALANCE, null));
    }

    static NodeType reduce() {
        return type("reduce", Category.KEYS).title("Reduce")
                .summary("Combines each record with the previous result of its key: a running total per key")
                .concept("A rolling reduce on a keyed stream (Flink's KeyedStream#reduce, sum, min, max). In streaming mode"
                        + " every record emits its key's updated result with the record's timestamp; in batch mode only each"
                        + " key's final result is emitted, at the end. Fields without a combiner keep the key's first record's"
                        + " value, as Flink's sum(field) does.")
                .param(required("combine", COMBINERS, CombineParams.DESCRIPTION))
                .input(PortSpec.IN).output(PortSpec.OUT).keyed()
                .onFlink("KeyedStream#reduce")
                .bind(ctx -> {
                    Schema in = ctx.input();
                    FieldCombiner[] combiners = CombineParams.read(ctx, in);
                    KeySelector key = ctx.inputKey().selector();
                    boolean batch = ctx.mode() == RuntimeMode.BATCH;
                    return Binding.operator(Bindings.out(in), () -> new RollingReduceOperator(in, key, batch, combiners))
                            .with(dev.eddy.catalog.StreamTraits.growing(ROLLING_STATE));
                });
    }

    static NodeType aggregate() {
        return type("aggregate", Category.KEYS).title("Aggregate")
                .summary("Running aggregates per key: COUNT, SUM, MIN, MAX, AVG, FIRST, LAST")
                .concept("A rolling aggregation on a keyed stream: the output has the key's columns and one column per"
                        + " aggregate, updated with every record in streaming mode, final only in batch mode.")
                .param(required("aggregates", AGGREGATES, "output columns and aggregate calls, e.g. {\"total\": \"SUM(amount)\", \"n\": \"COUNT(*)\"}"))
                .input(PortSpec.IN).output(PortSpec.OUT).keyed()
                .onFlink("KeyedStream#process, the accumulator in keyed ValueState")
                .bind(ctx -> {
                    Schema in = ctx.input();
                    KeyInfo key = ctx.inputKey();
                    List<Field> fields = new ArrayList<>(key.columns());
                    List<AggregateCall> calls = new ArrayList<>();
                    AggregateParams.read(ctx, in, calls, fields);
                    Schema out;
                    try {
                        out = new Schema(fields);
                    } catch (IllegalArgumentException e) {
                        ctx.error("aggregates", e.getMessage() + ": an aggregate cannot have the name of a key column");
                        return null;
                    }
                    boolean batch = ctx.mode() == RuntimeMode.BATCH;
                    int keyColumns = key.columns().size();
                    return Binding.operator(Bindings.out(out),
                            () -> new RollingAggregateOperator(in, key.selector(), batch, keyColumns, calls))
                            .with(dev.eddy.catalog.StreamTraits.growing(ROLLING_STATE));
                });
    }
}
