package dev.eddy.flink.runtime;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;

/**
 * A key-by node's key as Flink's KeySelector: the same value Eddy computes (the field's value, or
 * a composite key), so Flink's key groups (murmur hash of its hashCode) put it where Eddy does.
 */
public final class KeyFunction implements KeySelector<dev.eddy.types.Row, Object>, ResultTypeQueryable<Object> {
    private static final long serialVersionUID = 1L;

    private final PipelineRef pipeline;
    private final String node;
    private transient dev.eddy.runtime.KeySelector selector;

    public KeyFunction(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    @Override
    public Object getKey(dev.eddy.types.Row row) {
        if (selector == null) selector = pipeline.binding(node).keyOut().selector();
        return selector.getKey(row);
    }

    @Override
    public TypeInformation<Object> getProducedType() { return EddyTypes.KEY; }
}
