package dev.eddy.model;

import java.util.Objects;

/**
 * A connection from an output port of one node to an input port of another. The ports are
 * optional in the file: {@code out} and {@code in} are assumed, so that the common case reads
 * as {@code {"from": "a", "to": "b"}}.
 */
public record Edge(String from, String fromPort, String to, String toPort) {
    public static final String DEFAULT_OUT = "out";
    public static final String DEFAULT_IN = "in";

    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (DEFAULT_OUT.equals(fromPort)) fromPort = null;
        if (DEFAULT_IN.equals(toPort)) toPort = null;
    }

    public static Edge of(String from, String to) { return new Edge(from, null, to, null); }

    public String outPort() { return fromPort == null ? DEFAULT_OUT : fromPort; }

    public String inPort() { return toPort == null ? DEFAULT_IN : toPort; }

    @Override
    public String toString() {
        return from + (fromPort == null ? "" : "." + fromPort) + " -> " + to + (toPort == null ? "" : "." + toPort);
    }
}
