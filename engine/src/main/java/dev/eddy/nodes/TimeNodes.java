package dev.eddy.nodes;

import static dev.eddy.catalog.ParamSpec.choice;
import static dev.eddy.nodes.NodeTypeBuilder.type;

import dev.eddy.catalog.Binding;
import dev.eddy.catalog.Category;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.PortSpec;
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
                .param(choice("strategy", "bounded-out-of-orderness", "how watermarks follow the timestamps", WatermarkSettings.STRATEGIES))
                .params(WatermarkSettings.params())
                .input(PortSpec.IN).output(PortSpec.OUT).failsPerRecord()
                .onFlink("DataStream#assignTimestampsAndWatermarks with Flink's WatermarkStrategy")
                .bind(ctx -> {
                    Schema in = ctx.input();
                    WatermarkSettings w = WatermarkSettings.bind(ctx, in, "strategy");
                    if (w == null) return null;
                    return Binding.operator(Bindings.outWithErrors(in), w::newOperator)
                            .with(dev.eddy.catalog.StreamTraits.watermarks(w.detectsIdleness()))
                            .withParts(w.parts());
                });
    }
}
