package dev.eddy.runtime;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns exceptions from files and sockets into sentences; no stack trace is a user's message. */
public final class Failures {
    private Failures() {}

    public static String describe(Throwable e) {
        if (e instanceof StackOverflowError) return "the computation nested too deeply (a stack overflow), e.g. a regular expression with a repeated group on a long text";
        if (e instanceof OutOfMemoryError) return "out of memory; give Eddy more heap (JAVA_OPTS=-Xmx...) or keep less state";
        if (e instanceof java.nio.charset.MalformedInputException) return "the file is not UTF-8 text";
        if (e instanceof java.nio.file.FileAlreadyExistsException f) return f.getFile() + " exists and is not a directory";
        if (e instanceof NoSuchFileException n) return n.getFile() + ": no such file or directory";
        if (e instanceof AccessDeniedException a) return a.getFile() + ": permission denied";
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() == null ? "" : ": " + f.getReason();
            return f.getFile() + reason;
        }
        if (e instanceof ConnectException c) return "connection refused (" + c.getMessage() + ")";
        if (e instanceof UnknownHostException u) return "unknown host " + u.getMessage();
        if (e instanceof IOException io) {
            String m = io.getMessage();
            if (m != null && m.contains("No space left")) return "the disk is full (" + m + ")";
            return m == null ? io.getClass().getSimpleName() : m;
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
