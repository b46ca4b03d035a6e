package dev.eddy.catalog;

import dev.eddy.model.DeliveryGuarantee;

/**
 * What a sink can promise end to end after a failure, and how: the strongest guarantee it keeps
 * when the run is exactly-once (a print sink cannot take back a line, so it stays at-least-once),
 * read by the reference docs and the inspector.
 */
public record SinkDelivery(DeliveryGuarantee best, String how) {
    public static SinkDelivery transactional(String how) { return new SinkDelivery(DeliveryGuarantee.EXACTLY_ONCE, how); }

    public static SinkDelivery writeThrough(String how) { return new SinkDelivery(DeliveryGuarantee.AT_LEAST_ONCE, how); }
}
