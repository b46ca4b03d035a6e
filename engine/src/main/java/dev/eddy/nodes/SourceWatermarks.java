package dev.eddy.nodes;

import dev.eddy.catalog.Binding;
import dev.eddy.catalog.NodeBinder;
import dev.eddy.catalog.OnFlink;
import dev.eddy.catalog.ParamSpec;
import dev.eddy.catalog.StreamTraits;
import dev.eddy.operators.time.WatermarkedSource;
import dev.eddy.operators.time.WatermarkedSourceReader;
import dev.eddy.runtime.SourceFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The watermark strategy as a source option, Flink's {@code fromSource(source, strategy, name)}:
 * set {@code watermarks} on any source and its records leave it with their event time, followed
 * by watermarks, with no watermarks node needed. Unset, a source emits what it always did.
 */
final class SourceWatermarks {
    static final String STRATEGY = "watermarks";

    private SourceWatermarks() {}

    static List<ParamSpec> params() {
        List<ParamSpec> all = new ArrayList<>();
        all.add(ParamSpec.choice(STRATEGY, null, "a watermark strategy inside the source (as Flink's fromSource takes one);"
                + " unset: records keep the timestamps the source gives them", WatermarkSettings.STRATEGIES));
        all.addAll(WatermarkSettings.params());
        return all;
    }

    /**
     * On Flink the strategy goes to {@code fromSource}; its timestamp assigner cannot set a record
     * aside, so a source that skips failing records cannot have one compute the event time there.
     */
    static OnFlink onFlink(OnFlink source) {
        return OnFlink.as(source.api() + "; a watermark strategy goes to fromSource", (params, connected) -> {
            String own = source.refusal(params, connected);
            if (own != null) return own;
            if (params.isSet(STRATEGY) && params.isSet("timestamp") && params.isSet("onError") && "skip".equals(params.string("onError"))) {
                return "with onError \"skip\", a record whose event time fails is set aside here, but Flink's timestamp"
                        + " assigner inside fromSource cannot set one aside; use a watermarks node after the source";
            }
            return null;
        });
    }

    static NodeBinder around(NodeBinder source) {
        return ctx -> {
            Binding b = source.bind(ctx);
            if (b == null) return null;
            if (!ctx.params().isSet(STRATEGY)) {
                WatermarkSettings.warnUnused(ctx, STRATEGY);
                return b;
            }
            WatermarkSettings w = WatermarkSettings.bind(ctx, b.outputs().get("out"), STRATEGY);
            if (w == null) return null;
            SourceFactory reader = b.source();
            SourceFactory watermarked = (i, n) -> new WatermarkedSourceReader(reader.create(i, n), w.newOperator());
            StreamTraits t = b.traits();
            return b.withSource(watermarked)
                    .with(new StreamTraits(t.needsWatermarks(), true, t.detectsIdleness() || w.detectsIdleness(), t.growingState()))
                    .withParts(new WatermarkedSource(reader, w.parts()));
        };
    }
}
