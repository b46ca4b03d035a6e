package dev.eddy.checkpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * A checkpoint or savepoint as it is kept outside the run: its number, the processing time it was
 * taken at, each task's name and snapshot in plan order, and how many of the run's injected failures
 * (settings.failAfterRecords, randomFailures) had happened, so that a resumed run does not fail again.
 */
public record CompletedCheckpoint(long id, boolean savepoint, long time, int failuresInjected,
                                  List<String> taskNames, List<byte[]> tasks) {
    private static final String FORMAT = "eddy.checkpoint";
    private static final int VERSION = 2;

    public CompletedCheckpoint {
        taskNames = List.copyOf(taskNames);
        tasks = List.copyOf(tasks);
    }

    public long stateBytes() {
        long n = 0;
        for (byte[] b : tasks) n += b.length;
        return n;
    }

    public String kind() { return savepoint ? "savepoint" : "checkpoint"; }

    public byte[] toBytes() {
        StateWriter out = new StateWriter();
        out.writeValue(FORMAT).writeInt(VERSION).writeLong(id).writeBoolean(savepoint).writeLong(time)
                .writeInt(failuresInjected).writeInt(tasks.size());
        for (int i = 0; i < tasks.size(); i++) out.writeValue(taskNames.get(i)).writeBytes(tasks.get(i));
        return out.toByteArray();
    }

    /** Reads what {@link #toBytes} wrote; {@code where} names the file in the error if it is not one. */
    public static CompletedCheckpoint fromBytes(byte[] bytes, String where) {
        StateReader in = new StateReader(bytes);
        Object format;
        try {
            format = in.readValue();
        } catch (RuntimeException e) {
            format = null;
        }
        if (!FORMAT.equals(format)) throw new IllegalArgumentException(where + " is not an Eddy checkpoint");
        int version = in.readInt();
        if (version != VERSION) {
            throw new IllegalArgumentException(where + " is a checkpoint of format version " + version + "; this Eddy reads version " + VERSION);
        }
        long id = in.readLong();
        boolean savepoint = in.readBoolean();
        long time = in.readLong();
        int injected = in.readInt();
        int n = in.readInt();
        List<String> names = new ArrayList<>();
        List<byte[]> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add((String) in.readValue());
            tasks.add(in.readBytes());
        }
        return new CompletedCheckpoint(id, savepoint, time, injected, names, tasks);
    }
}
