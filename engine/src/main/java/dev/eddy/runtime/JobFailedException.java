package dev.eddy.runtime;

/**
 * A run cannot go on: a record failed under the fail policy, a source or sink lost its file or
 * socket, a user function threw. The message is written for a person and names the node; it is
 * what the CLI prints, without a stack trace.
 */
public class JobFailedException extends RuntimeException {
    private final String nodeId;

    public JobFailedException(String nodeId, String message) {
        super(message);
        this.nodeId = nodeId;
    }

    public JobFailedException(String nodeId, String message, Throwable cause) {
        super(message, cause);
        this.nodeId = nodeId;
    }

    /** The node where it happened, or null for job-wide causes. */
    public String nodeId() { return nodeId; }
}
