package dev.eddy.flink.translate;

/**
 * One line of the job: {@code Type name = value;} or, without a name, {@code value;}. The comment
 * says which node the line comes from and what the node does.
 */
public record Statement(String comment, String type, String name, Code value) {
    static Statement let(String comment, String type, String name, Code value) { return new Statement(comment, type, name, value); }

    static Statement run(String comment, Code value) { return new Statement(comment, null, null, value); }
}
