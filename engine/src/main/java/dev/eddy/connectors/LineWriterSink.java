package dev.eddy.connectors;

import dev.eddy.model.DeliveryGuarantee;
import dev.eddy.runtime.Failures;
import dev.eddy.runtime.JobFailedException;
import dev.eddy.runtime.StreamOperator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A sink that writes lines to one file per subtask, turning every I/O failure (unwritable
 * directory, full disk) into a job failure that names the node and the file.
 *
 * <p>Under exactly-once it is a two-phase-commit sink, as Flink's FileSink: lines go to a hidden
 * in-progress file; at a checkpoint's barrier that file is sealed as a pending transaction
 * ({@code .NAME.pending-N}), and when the checkpoint completes the pending files are appended to
 * the target, in order. A reader of the target sees only committed lines; a restore finishes the
 * commits its checkpoint carries and drops everything written after it. Under at-least-once and
 * at-most-once the lines go straight to the file and stay there, so a replay writes them again.
 */
abstract class LineWriterSink extends StreamOperator {
    private BufferedWriter writer;
    private Path writing;
    private long sealedRecords;
    /** Records this attempt's output held when it opened (0, or what its checkpoint had), and the task's count then. */
    private long heldAtOpen;
    private long takenAtOpen;
    private boolean transactional;
    private final List<Pending> pending = new ArrayList<>();
    private long committedRecords;
    private DeliveryLedger ledger;

    /** A sealed transaction: the lines written before checkpoint {@code checkpoint}'s barrier. */
    private record Pending(long checkpoint, long bytes, long records) {}

    /** The file readers look at. */
    protected abstract Path target();

    /** Whether the file is written under a hidden name and moved to its target when the input ends (outside transactions). */
    protected boolean stagedUntilEnd() { return false; }

    /** A line written at the top of the file (a CSV header), or null. */
    protected String firstLine() { return null; }

    private Path hidden(String suffix) {
        Path t = target();
        return t.resolveSibling("." + t.getFileName() + suffix);
    }

    private Path inProgress() { return hidden(".inprogress"); }

    private Path pendingFile(long checkpoint) { return hidden(".pending-" + checkpoint); }

    protected final void writeLine(String line) {
        try {
            if (writer == null) openWriter(false);
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Opens the file lines go to now: a fresh one, or (restored, or a new transaction) the one to append to. */
    private void openWriter(boolean fresh) throws IOException {
        writing = transactional || stagedUntilEnd() ? inProgress() : target();
        Path dir = writing.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        writer = !fresh
                ? Files.newBufferedWriter(writing, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                : Files.newBufferedWriter(writing, StandardCharsets.UTF_8);
        String first = firstLine();
        if (fresh && first != null) {
            writer.write(first);
            writer.write('\n');
        }
    }

    /**
     * Creates the file at once, so an unwritable place fails at the start, not after the first
     * record. A transactional sink starts its target empty (with its header: committed at once).
     */
    protected void openNow() {
        transactional = context.deliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE;
        ledger = new DeliveryLedger(context, transactional ? "transactional" : "write-through");
        // A restored sink goes on with the file it had; restoreState (or the first line) opens it.
        if (context.isRestoring()) return;
        long before = ledger.takenBefore();
        takenAtOpen = before;
        try {
            if (!transactional && before > 0 && context.deliveryGuarantee() != null) {
                // A restart from the start under at-least-once: what was written stays, and comes again.
                ledger.duplicated(before);
                openWriter(false);
                return;
            }
            ledger.withdrew(before);
            if (transactional) {
                Files.deleteIfExists(inProgress());
                openWriter(true);
                writer.close();
                writer = null;
                Files.move(inProgress(), target(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } else {
                openWriter(true);
            }
            ledger.publish(0, 0);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** The barrier: what was written since the last one becomes a pending transaction. */
    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) {
        if (!transactional || writer == null) return;
        try {
            writer.close();
            writer = null;
            Path sealed = pendingFile(checkpointId);
            Files.move(writing, sealed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            long taken = records();
            pending.add(new Pending(checkpointId, Files.size(sealed), taken - sealedRecords));
            sealedRecords = taken;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Transactional: the target's committed length and the pending transactions, which a restore
     * commits if the run failed before it could. Otherwise the file's length, for what a restore
     * cut back to when no guarantee is set. Both: how many records had come, to count a replay.
     */
    @Override
    public void snapshotState(dev.eddy.checkpoint.StateWriter out) {
        try {
            out.writeLong(context.metrics().recordsIn);
            if (transactional) {
                out.writeLong(Files.size(target())).writeLong(committedRecords).writeInt(pending.size());
                for (Pending p : pending) out.writeLong(p.checkpoint()).writeLong(p.bytes()).writeLong(p.records());
                return;
            }
            if (writer != null) writer.flush();
            out.writeBoolean(writer != null);
            if (writer != null) out.writeLong(Files.size(writing));
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (!transactional) {
            ledger.publishWriteThrough();
            return;
        }
        try {
            while (!pending.isEmpty() && pending.get(0).checkpoint() <= checkpointId) {
                Pending p = pending.remove(0);
                append(pendingFile(p.checkpoint()));
                committedRecords += p.records();
            }
        } catch (IOException e) {
            throw failure(e);
        }
        ledger.publish(committedRecords, records() - committedRecords);
    }

    /** Records written in this run's output so far, committed or not. */
    private long records() { return heldAtOpen + context.metrics().recordsIn - takenAtOpen; }

    private void append(Path from) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel to = FileChannel.open(target(), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            long at = 0;
            long size = in.size();
            while (at < size) at += in.transferTo(at, size - at, to);
        }
        Files.delete(from);
    }

    @Override
    public void restoreState(dev.eddy.checkpoint.StateReader in) {
        long takenAtCheckpoint = in.readLong();
        long rewound = ledger.rewoundSince(takenAtCheckpoint);
        try {
            if (transactional) {
                restoreTransactions(in);
                ledger.withdrew(rewound);
                ledger.publish(committedRecords, 0);
                return;
            }
            boolean wasOpen = in.readBoolean();
            long length = wasOpen ? in.readLong() : 0;
            if (context.deliveryGuarantee() == null && wasOpen) {
                // No guarantee chosen: a restore (the script's restore step) cuts the file back, as before.
                try (FileChannel ch = FileChannel.open(stagedUntilEnd() ? inProgress() : target(), StandardOpenOption.WRITE)) {
                    ch.truncate(length);
                }
            } else {
                ledger.duplicated(rewound);
            }
            if (wasOpen) openWriter(false);
            ledger.publishWriteThrough();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Commits what the checkpoint had pre-committed and the run did not commit, and aborts everything after it. */
    private void restoreTransactions(dev.eddy.checkpoint.StateReader in) throws IOException {
        long expected = in.readLong();
        committedRecords = in.readLong();
        long sealed = committedRecords;
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            Pending p = new Pending(in.readLong(), in.readLong(), in.readLong());
            Path file = pendingFile(p.checkpoint());
            if (Files.exists(file)) {
                truncateTarget(expected);
                append(file);
            }
            expected += p.bytes();
            sealed += p.records();
        }
        committedRecords = sealed;
        sealedRecords = sealed;
        heldAtOpen = sealed;
        takenAtOpen = context.metrics().recordsIn;
        truncateTarget(expected);
        Files.deleteIfExists(inProgress());
        Path t = target();
        String prefix = "." + t.getFileName() + ".pending-";
        Path dir = t.toAbsolutePath().getParent();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) Files.delete(f);
        }
    }

    private void truncateTarget(long length) throws IOException {
        try (FileChannel ch = FileChannel.open(target(), StandardOpenOption.WRITE)) {
            if (ch.size() > length) ch.truncate(length);
        }
    }

    /** The input ended: everything written is committed (Flink's final checkpoint), or the staged file moved in place. */
    @Override
    public void endInput() {
        try {
            if (transactional) {
                prepareSnapshotPreBarrier(Long.MAX_VALUE);
                notifyCheckpointComplete(Long.MAX_VALUE);
                return;
            }
            if (writer == null) openWriter(!context.isRestoring());
            writer.close();
            writer = null;
            if (stagedUntilEnd()) {
                Files.move(writing, target(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            ledger.publishWriteThrough();
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
                + (writing == null ? target() : writing) + ": " + Failures.describe(e), e);
    }
}
