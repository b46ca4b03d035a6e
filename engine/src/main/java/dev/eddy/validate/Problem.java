package dev.eddy.validate;

/**
 * One thing wrong (or worth a warning) in a pipeline, located by a JSON path such as
 * {@code nodes[3].params.size} and, where there is one, the id of the node it concerns.
 */
public record Problem(Severity severity, String path, String nodeId, String message) {
    public enum Severity { ERROR, WARNING }

    public static Problem error(String path, String nodeId, String message) {
        return new Problem(Severity.ERROR, path, nodeId, message);
    }

    public static Problem warning(String path, String nodeId, String message) {
        return new Problem(Severity.WARNING, path, nodeId, message);
    }

    public boolean isError() { return severity == Severity.ERROR; }

    @Override
    public String toString() {
        return (severity == Severity.WARNING ? "warning: " : "") + (path == null || path.isEmpty() ? "" : path + ": ") + message;
    }
}
