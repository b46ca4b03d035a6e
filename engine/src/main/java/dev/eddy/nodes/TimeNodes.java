package dev.eddy.nodes;

import static dev.eddy.catalog.ParamKind.CONDITION;
import static dev.eddy.catalog.ParamKind.DURATION;
import static dev.eddy.catalog.ParamKind.EXPRESSION;
import static dev.eddy.catalog.ParamSpec.choice;
import static dev.eddy.catalog.ParamSpec.optional;
import static dev.eddy.nodes.NodeTypeBuilder.type;

import dev.eddy.catalog.Binding;
import dev.eddy.catalog.Category;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.Params;
import dev.eddy.catalog.PortSpec;
import dev.eddy.expr.CompiledExpression;
import dev.eddy.model.RuntimeMode;
import dev.eddy.operators.time.TimestampsAndWatermarksOperator;
import dev.eddy.operators.time.WatermarkStrategy;
import dev.eddy.types.DataType;
import dev.eddy.types.Schema;
import java.util.List;

/** Time: where event timestamps and watermarks come from. Windows join this file with their issue. */
final class TimeNodes {
    private TimeNodes() {}

    static List<NodeType> all() {
        List<NodeType> all = new java.util.ArrayList<>(List.of(watermarks(), WindowNode.window()));
        all.addAll(JoinNodes.all());
        return all;
    }

    static NodeType watermarks() {
        return type("watermarks", Category.TIME).title("Timestamps & watermarks")
                .summary("Gives each record its event timestamp and generates watermarks")
                .concept("A watermark W says: no record with a timestamp at or below W should come any more. With bounded"
                        + " out-of-orderness d, the watermark trails the largest timestamp seen by d (W = max - d - 1),"
                        + " emitted every auto-watermark interval of processing time (200ms by default). Records that"
                        + " arrive with a timestamp at or below the watermark are late. An idleness timeout lets a quiet"
                        + " input stop holding event time back.")
                .param(optional("timestamp", EXPRESSION, "the event time: a TIMESTAMP or BIGINT (epoch ms) expression;"
                        + " unset keeps the timestamp the record already has"))
                .param(choice("strategy", "bounded-out-of-orderness", "how watermarks follow the timestamps",
                        "bounded-out-of-orderness", "monotonous", "punctuated", "ingestion-time", "none"))
                .param(optional("maxOutOfOrderness", DURATION, "0ms", "how far behind the largest timestamp the watermark stays"))
                .param(optional("when", CONDITION, "punctuated: emit a watermark at the record's timestamp right after records for which this is TRUE"))
                .param(optional("idleness", DURATION, "mark the stream idle after this long without records (unset: never)"))
                .input(PortSpec.IN).output(PortSpec.OUT).failsPerRecord()
                .onFlink("DataStream#assignTimestampsAndWatermarks with Flink's WatermarkStrategy")
                .bind(ctx -> {
                    Schema in = ctx.input();
                    Params p = ctx.params();
                    WatermarkStrategy strategy = WatermarkStrategy.parse(p.string("strategy"));
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
                    long bound = p.duration("maxOutOfOrderness");
                    Long idle = p.duration("idleness");
                    if (idle != null && idle <= 0) {
                        ctx.error("idleness", "an idleness timeout must be above 0");
                        return null;
                    }
                    long interval = ctx.settings().autoWatermarkIntervalOrDefault();
                    boolean progressive = ctx.mode() == RuntimeMode.STREAMING;
                    CompiledExpression tsf = ts;
                    CompiledExpression whenf = when;
                    return Binding.operator(Bindings.outWithErrors(in), () -> new TimestampsAndWatermarksOperator(in, tsf, strategy,
                            bound, whenf, idle == null ? 0 : idle, interval, progressive))
                            .with(dev.eddy.catalog.StreamTraits.watermarks(idle != null))
                            .withParts(new dev.eddy.operators.time.EventTimeParts(tsf, whenf));
                });
    }
}
