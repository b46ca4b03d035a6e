package dev.eddy.connectors;

import dev.eddy.runtime.Failures;
import dev.eddy.runtime.JobFailedException;
import dev.eddy.runtime.StreamOperator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sink that writes lines to one file per subtask, turning every I/O failure (unwritable
 * directory, full disk) into a job failure that names the node and the file.
 */
abstract class LineWriterSink extends StreamOperator {
    private BufferedWriter writer;
    private Path file;

    /** The file this subtask writes while it runs. */
    protected abstract Path file();

    /** A line written at the top of the file (a CSV header), or null. */
    protected String firstLine() { return null; }

    /** Called once the input has ended and the file is complete and closed. */
    protected void completed(Path file) throws IOException {}

    protected final void writeLine(String line) {
        try {
            if (writer == null) open();
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private void open() throws IOException {
        file = file();
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        String first = firstLine();
        if (first != null) {
            writer.write(first);
            writer.write('\n');
        }
    }

    /** Creates the file at once, so an unwritable place fails at the start, not after the first record. */
    protected void openNow() {
        // A restored sink goes on writing the file it had; restoreState opens it.
        if (context.isRestoring()) return;
        try {
            if (writer == null) open();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Flushes and notes how long the file is: a restore cuts off whatever was written after this point. */
    @Override
    public void snapshotState(dev.eddy.checkpoint.StateWriter out) {
        try {
            if (writer != null) writer.flush();
            out.writeBoolean(writer != null);
            if (writer != null) out.writeLong(Files.size(file));
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void restoreState(dev.eddy.checkpoint.StateReader in) {
        if (!in.readBoolean()) return;
        long length = in.readLong();
        file = file();
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(length);
        } catch (IOException e) {
            throw failure(e);
        }
        try {
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void endInput() {
        try {
            if (writer == null) open();
            writer.close();
            writer = null;
            completed(file);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() {
        if (writer == null) return;
        try {
            writer.close();
        } catch (IOException ignored) {
            // The job is already ending; the failure that ended it is the one to report.
        }
        writer = null;
    }

    private JobFailedException failure(IOException e) {
        return new JobFailedException(context.nodeId(), "sink \"" + context.nodeId() + "\" cannot write "
                + (file == null ? file() : file) + ": " + Failures.describe(e), e);
    }
}
