package dev.eddy.nodes;

import static dev.eddy.catalog.ParamKind.CONDITION;
import static dev.eddy.catalog.ParamKind.DURATION;
import static dev.eddy.catalog.ParamKind.EXPRESSION;
import static dev.eddy.catalog.ParamSpec.optional;

import dev.eddy.catalog.BindContext;
import dev.eddy.catalog.ParamSpec;
import dev.eddy.catalog.Params;
import dev.eddy.expr.CompiledExpression;
import dev.eddy.model.RuntimeMode;
import dev.eddy.operators.time.EventTimeParts;
import dev.eddy.operators.time.TimestampsAndWatermarksOperator;
import dev.eddy.operators.time.WatermarkStrategy;
import dev.eddy.types.DataType;
import dev.eddy.types.Schema;
import java.util.List;

/**
 * A watermark strategy as a node's parameters, checked and compiled: the same parameters (but the
 * strategy's own name) on the watermarks node and on every source, as Flink takes one
 * WatermarkStrategy in {@code assignTimestampsAndWatermarks} and in {@code fromSource}.
 */
record WatermarkSettings(Schema in, WatermarkStrategy strategy, CompiledExpression timestamp, CompiledExpression when,
                         long maxOutOfOrderness, long idleness, long interval, boolean progressive) {
    static final String[] STRATEGIES = {"bounded-out-of-orderness", "monotonous", "punctuated", "ingestion-time", "none"};

    /** The parameters besides the strategy itself. */
    static List<ParamSpec> params() {
        return List.of(
                optional("timestamp", EXPRESSION, "the event time: a TIMESTAMP or BIGINT (epoch ms) expression;"
                        + " unset keeps the timestamp the record already has"),
                optional("maxOutOfOrderness", DURATION, "0ms", "how far behind the largest timestamp the watermark stays"),
                optional("when", CONDITION, "punctuated: emit a watermark at the record's timestamp right after records for which this is TRUE"),
                optional("idleness", DURATION, "mark the stream idle after this long without records (unset: never)"));
    }

    /** Reads and checks the settings with the strategy in {@code strategyParam}; null after reporting an error. */
    static WatermarkSettings bind(BindContext ctx, Schema in, String strategyParam) {
        Params p = ctx.params();
        WatermarkStrategy strategy = WatermarkStrategy.parse(p.string(strategyParam));
        CompiledExpression ts = null;
        if (p.isSet("timestamp")) {
            ts = ctx.expression("timestamp", p.string("timestamp"), in, null);
            if (ts == null) return null;
            if (ts.type() != DataType.TIMESTAMP && ts.type() != DataType.BIGINT) {
                ctx.error("timestamp", "`" + ts.text() + "` is " + ts.type() + " but an event time is a TIMESTAMP or a BIGINT of epoch milliseconds");
                return null;
            }
            if (strategy == WatermarkStrategy.INGESTION_TIME) {
                ctx.error("timestamp", "ingestion time takes timestamps from the clock; remove \"timestamp\"");
                return null;
            }
        }
        CompiledExpression when = null;
        if (strategy == WatermarkStrategy.PUNCTUATED) {
            if (!p.isSet("when")) {
                ctx.error("when", "a punctuated strategy needs \"when\": the condition after which a watermark is emitted");
                return null;
            }
            when = ctx.expression("when", p.string("when"), in, DataType.BOOLEAN);
            if (when == null) return null;
        } else if (p.isSet("when")) {
            ctx.warning("when", "\"when\" is used only by the punctuated strategy");
        }
        if (p.isSet("maxOutOfOrderness") && strategy != WatermarkStrategy.BOUNDED_OUT_OF_ORDERNESS) {
            ctx.warning("maxOutOfOrderness", "\"maxOutOfOrderness\" is used only by the bounded-out-of-orderness strategy");
        }
        Long idle = p.duration("idleness");
        if (idle != null && idle <= 0) {
            ctx.error("idleness", "an idleness timeout must be above 0");
            return null;
        }
        return new WatermarkSettings(in, strategy, ts, when, p.duration("maxOutOfOrderness"), idle == null ? 0 : idle,
                ctx.settings().autoWatermarkIntervalOrDefault(), ctx.mode() == RuntimeMode.STREAMING);
    }

    /** Warns about strategy parameters set while no strategy is chosen (a source without one). */
    static void warnUnused(BindContext ctx, String strategyParam) {
        for (ParamSpec s : params()) {
            if (ctx.params().isSet(s.name())) {
                ctx.warning(s.name(), "\"" + s.name() + "\" belongs to a watermark strategy; set \"" + strategyParam + "\" to use one");
            }
        }
    }

    TimestampsAndWatermarksOperator newOperator() {
        return new TimestampsAndWatermarksOperator(in, timestamp, strategy, maxOutOfOrderness, when, idleness, interval, progressive);
    }

    EventTimeParts parts() { return new EventTimeParts(timestamp, when); }

    boolean detectsIdleness() { return idleness > 0; }
}
