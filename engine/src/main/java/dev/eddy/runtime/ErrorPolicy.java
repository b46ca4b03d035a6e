package dev.eddy.runtime;

/** What a node does with a record it cannot process: stop the job, or set the record aside. */
public enum ErrorPolicy {
    /** Fail the job with a message naming the node, the record and the reason. */
    FAIL,
    /** Count the record and send it, with the reason, to the node's errors port. */
    SKIP,
    /** Fail the job: the node has no onError to choose otherwise (a source computing event time). */
    FAIL_ONLY;

    public static ErrorPolicy parse(String s) { return valueOf(s.toUpperCase(java.util.Locale.ROOT)); }
}
