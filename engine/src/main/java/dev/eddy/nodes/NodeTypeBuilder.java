package dev.eddy.nodes;

import dev.eddy.catalog.Category;
import dev.eddy.catalog.NodeBinder;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.ParamSpec;
import dev.eddy.catalog.PortSpec;
import dev.eddy.catalog.Preset;
import java.util.ArrayList;
import java.util.List;

/** Reads like the declaration it builds; keeps the node files free of constructor noise. */
final class NodeTypeBuilder {
    private final String id;
    private final Category category;
    private String title;
    private String summary = "";
    private String concept = "";
    private final List<ParamSpec> params = new ArrayList<>();
    private final List<PortSpec> inputs = new ArrayList<>();
    private final List<PortSpec> outputs = new ArrayList<>();
    private final List<Preset> presets = new ArrayList<>();
    private NodeType.Keying keying = NodeType.Keying.NONE;
    private int maxParallelism;
    private dev.eddy.catalog.OnFlink onFlink;
    private dev.eddy.catalog.SinkDelivery delivery;

    private NodeTypeBuilder(String id, Category category) {
        this.id = id;
        this.category = category;
        this.title = id;
    }

    static NodeTypeBuilder type(String id, Category category) { return new NodeTypeBuilder(id, category); }

    NodeTypeBuilder title(String t) { title = t; return this; }

    NodeTypeBuilder summary(String s) { summary = s; return this; }

    NodeTypeBuilder concept(String c) { concept = c; return this; }

    NodeTypeBuilder param(ParamSpec p) { params.add(p); return this; }

    NodeTypeBuilder params(List<ParamSpec> ps) { params.addAll(ps); return this; }

    NodeTypeBuilder input(PortSpec p) { inputs.add(p); return this; }

    NodeTypeBuilder output(PortSpec p) { outputs.add(p); return this; }

    NodeTypeBuilder preset(Preset p) { presets.add(p); return this; }

    NodeTypeBuilder keyed() { keying = NodeType.Keying.REQUIRED; return this; }

    NodeTypeBuilder optionallyKeyed() { keying = NodeType.Keying.OPTIONAL; return this; }

    NodeTypeBuilder singleSubtask() { maxParallelism = 1; return this; }

    /** The Flink API the node becomes (the Flink bridge holds the translation itself). */
    NodeTypeBuilder delivery(dev.eddy.catalog.SinkDelivery d) { delivery = d; return this; }

    NodeTypeBuilder onFlink(String api) { onFlink = dev.eddy.catalog.OnFlink.as(api); return this; }

    NodeTypeBuilder onFlink(String api, dev.eddy.catalog.OnFlink.Refusal refusal) {
        onFlink = dev.eddy.catalog.OnFlink.as(api, refusal);
        return this;
    }

    /** The common onError parameter and its errors port, for nodes that can fail on a record. */
    NodeTypeBuilder failsPerRecord() {
        params.add(ParamSpec.choice("onError", "fail", "what to do with a record that fails: stop the job, or skip it"
                + " to the errors port", "fail", "skip"));
        outputs.add(PortSpec.ERRORS);
        return this;
    }

    /** Every source also takes a watermark strategy of its own (see {@link SourceWatermarks}). */
    NodeType bind(NodeBinder binder) {
        if (category == Category.SOURCES) {
            params.addAll(SourceWatermarks.params());
            binder = SourceWatermarks.around(binder);
            if (onFlink != null && onFlink.translates()) onFlink = SourceWatermarks.onFlink(onFlink);
        }
        return new NodeType(id, category, title, summary, concept, params, inputs, outputs, keying, maxParallelism, presets, binder, onFlink, delivery);
    }
}
