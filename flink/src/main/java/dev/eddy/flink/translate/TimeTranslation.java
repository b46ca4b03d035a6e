package dev.eddy.flink.translate;

import static dev.eddy.flink.translate.Code.lit;
import static dev.eddy.flink.translate.Code.make;
import static dev.eddy.flink.translate.Code.millis;

import dev.eddy.flink.runtime.EventTime;
import dev.eddy.flink.runtime.IngestionTime;
import dev.eddy.flink.runtime.Punctuation;
import dev.eddy.flink.runtime.TimestampCheck;
import dev.eddy.model.Node;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/** A watermarks node, or a source's own strategy: Flink's WatermarkStrategy with Eddy's timestamp expression. */
final class TimeTranslation {
    private TimeTranslation() {}

    static void watermarks(FlinkTranslator t, Node n) {
        var p = FlinkTranslator.params(n);
        String strategy = p.string("strategy");
        Code in = t.input(n, "in");
        boolean skip = p.string("onError").equals("skip");
        if (skip && !strategy.equals("ingestion-time")) {
            String checked = t.fresh(n.id() + " checked");
            t.statements.add(Statement.let("\"" + n.id() + "\": Flink's timestamp assigners cannot set a record aside;"
                            + " records whose event time fails go to the errors port here", FlinkTranslator.OPERATOR, checked,
                    t.parallel(n, in.then("process", t.fn(TimestampCheck.class, n)).then("name", lit(n.id() + " timestamps")))));
            t.sideOutputsFrom(n, checked);
            in = Code.var(checked);
        }
        Code s = strategy(t, n, strategy);
        t.declare(n, FlinkTranslator.OPERATOR, t.named(n, in.then("assignTimestampsAndWatermarks", s)), false);
    }

    /** Flink's WatermarkStrategy for the node's settings: a watermarks node's, or a source's own. */
    static Code strategy(FlinkTranslator t, Node n, String strategy) {
        var p = FlinkTranslator.params(n);
        Code s = switch (strategy) {
            case "monotonous" -> Code.callTyped(WatermarkStrategy.class, "Row", "forMonotonousTimestamps");
            case "punctuated" -> Code.callTyped(WatermarkStrategy.class, "Row", "forGenerator", t.fn(Punctuation.class, n));
            case "ingestion-time" -> Code.callTyped(WatermarkStrategy.class, "Row", "forMonotonousTimestamps");
            case "none" -> Code.callTyped(WatermarkStrategy.class, "Row", "noWatermarks");
            default -> Code.callTyped(WatermarkStrategy.class, "Row", "forBoundedOutOfOrderness",
                    millis(p.duration("maxOutOfOrderness")));
        };
        s = strategy.equals("ingestion-time") ? s.then("withTimestampAssigner", make(IngestionTime.class))
                : s.then("withTimestampAssigner", t.fn(EventTime.class, n));
        if (p.isSet("idleness")) s = s.then("withIdleness", millis(p.duration("idleness")));
        return s;
    }
}
