package dev.eddy.catalog;

import java.util.Set;

/**
 * How a node type runs on Apache Flink, declared with the type so that the docs, validation for
 * Flink and the Flink bridge agree: the Flink API it becomes, and the configurations of it that
 * Flink cannot run, each with the reason.
 *
 * @param api     the Flink DataStream API the node becomes, e.g. "KeyedStream#reduce"
 * @param refusal null when every configuration translates
 */
public record OnFlink(String api, Refusal refusal) {
    /** Says why a node with these parameters and connected output ports cannot run on Flink, or null. */
    @FunctionalInterface
    public interface Refusal {
        String reason(Params params, Set<String> connectedOutputs);
    }

    /** Node types without a translation. */
    public static final OnFlink NONE = new OnFlink(null, (p, out) -> "this node type has no Flink translation yet");

    public static OnFlink as(String api) { return new OnFlink(api, null); }

    public static OnFlink as(String api, Refusal refusal) { return new OnFlink(api, refusal); }

    public boolean translates() { return api != null; }

    public String refusal(Params params, Set<String> connectedOutputs) {
        return refusal == null ? null : refusal.reason(params, connectedOutputs);
    }
}
