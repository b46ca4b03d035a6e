package dev.eddy.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checkpoints and savepoints in a directory, laid out as Flink's are: {@code chk-N/_metadata} and
 * {@code savepoint-N/_metadata}, beside {@code run.properties}, which says which pipeline ran with
 * which folders, so that {@code ./eddy run --from-savepoint DIR} can go on in a new process. A
 * checkpoint is written under a temporary name and renamed when complete, so a process killed while
 * writing leaves the last complete one; only the newest checkpoint is kept (Flink's
 * state.checkpoints.num-retained), savepoints stay until removed.
 */
public final class CheckpointDirectory {
    public static final String METADATA = "_metadata";
    public static final String RUN_INFO = "run.properties";
    public static final String PIPELINE = "pipeline.json";
    /** How many of the run's injected failures happened (settings.failAfterRecords, randomFailures), so that a resumed run does not fail again. */
    public static final String FAILURE_INJECTED = "failure-injected";

    private final Path dir;

    public CheckpointDirectory(Path dir) { this.dir = dir.toAbsolutePath().normalize(); }

    public Path path() { return dir; }

    /** Writes the pipeline that runs and the folders it reads from and writes to, once at the start. */
    public void writeRunInfo(String pipelineJson, Path pipelineDir, Path outputDir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(PIPELINE), pipelineJson);
            java.util.Properties p = new java.util.Properties();
            p.setProperty("pipelineDir", pipelineDir.toAbsolutePath().normalize().toString());
            p.setProperty("outputDir", outputDir.toAbsolutePath().normalize().toString());
            try (var w = Files.newBufferedWriter(dir.resolve(RUN_INFO))) {
                p.store(w, "the run whose checkpoints these are");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into the checkpoint directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** So many injected failures happened (each once per run, also when the run goes on in another process). */
    public void noteInjectedFailures(int count) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(FAILURE_INJECTED), count + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into the checkpoint directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Stores a completed checkpoint or savepoint; returns its folder. */
    public Path store(CompletedCheckpoint c) {
        String name = (c.savepoint() ? "savepoint-" : "chk-") + c.id();
        Path target = dir.resolve(name);
        Path temp = dir.resolve("." + name + ".inprogress");
        try {
            Files.createDirectories(temp);
            Files.write(temp.resolve(METADATA), c.toBytes());
            deleteTree(target);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            if (!c.savepoint()) {
                for (Path old : folders("chk-")) if (!old.equals(target)) deleteTree(old);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + c.kind() + " " + c.id() + " into " + dir + ": " + e.getMessage(), e);
        }
    }

    private List<Path> folders(String prefix) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.exists(p.resolve(METADATA))).toList();
        }
    }

    /**
     * The checkpoint to resume from at {@code path}: a checkpoint or savepoint folder itself, or a
     * checkpoint directory, where the newest completed one (by number, savepoints included) is taken.
     */
    public static Resume resolve(Path path) {
        Path p = path.toAbsolutePath().normalize();
        try {
            if (Files.isRegularFile(p.resolve(METADATA))) return new Resume(p, p.getParent(), read(p));
            if (!Files.isDirectory(p)) throw new IllegalArgumentException(path + " does not exist");
            CheckpointDirectory d = new CheckpointDirectory(p);
            List<Path> all = new java.util.ArrayList<>(d.folders("chk-"));
            all.addAll(d.folders("savepoint-"));
            Optional<Path> newest = all.stream().max(Comparator.comparingLong(CheckpointDirectory::number));
            if (newest.isEmpty()) throw new IllegalArgumentException(path + " holds no completed checkpoint or savepoint");
            return new Resume(newest.get(), p, read(newest.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static long number(Path folder) {
        String n = folder.getFileName().toString();
        return Long.parseLong(n.substring(n.indexOf('-') + 1));
    }

    private static CompletedCheckpoint read(Path folder) throws IOException {
        Path file = folder.resolve(METADATA);
        return CompletedCheckpoint.fromBytes(Files.readAllBytes(file), file.toString());
    }

    /** A checkpoint found to resume from, with the directory of the run that wrote it. */
    public record Resume(Path folder, Path runDirectory, CompletedCheckpoint checkpoint) {
        /** The pipeline file the run kept, if it did. */
        public Optional<Path> pipeline() {
            Path p = runDirectory.resolve(PIPELINE);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }

        /** How many of the run's injected failures happened, before this checkpoint was taken or after. */
        public int failuresInjected() {
            int noted = 0;
            try {
                Path f = runDirectory.resolve(FAILURE_INJECTED);
                if (Files.isRegularFile(f)) noted = Integer.parseInt(Files.readString(f).strip());
            } catch (IOException | NumberFormatException e) {
                noted = 0; // a note cut short by a kill: the checkpoint's own count stands
            }
            return Math.max(checkpoint.failuresInjected(), noted);
        }

        /** A folder the run recorded (pipelineDir or outputDir), if it did. */
        public Optional<Path> recorded(String key) {
            Path info = runDirectory.resolve(RUN_INFO);
            if (!Files.isRegularFile(info)) return Optional.empty();
            java.util.Properties p = new java.util.Properties();
            try (var r = Files.newBufferedReader(info)) {
                p.load(r);
            } catch (IOException e) {
                return Optional.empty();
            }
            String v = p.getProperty(key);
            return v == null ? Optional.empty() : Optional.of(Path.of(v));
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
