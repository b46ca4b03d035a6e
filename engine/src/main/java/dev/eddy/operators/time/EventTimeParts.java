package dev.eddy.operators.time;

import dev.eddy.expr.CompiledExpression;

/**
 * A watermarks node's (or a source's watermark strategy's) user expressions, for a runtime that generates watermarks itself (the Flink
 * bridge): the event-time expression (null keeps the record's timestamp) and the punctuated
 * strategy's condition (null for the other strategies).
 */
public record EventTimeParts(CompiledExpression timestamp, CompiledExpression punctuation) {
    /** The event-time parts of a watermarks node's or a watermarked source's binding parts. */
    public static EventTimeParts of(Object parts) {
        return parts instanceof WatermarkedSource s ? s.eventTime() : (EventTimeParts) parts;
    }
}
