package dev.eddy.catalog;

/**
 * A named input or output of a node type. An input marked {@code many} takes any number of
 * edges (union); other inputs take exactly one. An optional output may stay unconnected
 * without a warning (a dead-letter port, a side output).
 */
public record PortSpec(String name, String help, boolean many, boolean optional) {
    public static final PortSpec IN = new PortSpec("in", "records to process", false, false);
    public static final PortSpec OUT = new PortSpec("out", "the results", false, false);
    public static final PortSpec ERRORS = new PortSpec("errors",
            "records that failed, with the reason (when onError is \"skip\")", false, true);
}
