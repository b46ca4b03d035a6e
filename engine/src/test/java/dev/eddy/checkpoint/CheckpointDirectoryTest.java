package dev.eddy.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.run.RunOptions;
import dev.eddy.run.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints kept in a directory, and runs that go on from them: after a failure in the same
 * process, after {@code kill -9} in a new one, and from the savepoint Ctrl-C (SIGTERM) leaves.
 * Each must end with the output of a run that never stopped.
 */
class CheckpointDirectoryTest {
    @TempDir
    Path dir;

    /** Sixty numbers, ten a second of processing time, summed per account into transactional part files. */
    private static String balances(String settings) {
        String nodes = "{\"id\": \"payments\", \"type\": \"source.sequence\", \"params\": {\"from\": 1, \"to\": 60, \"rate\": 10}},"
                + " {\"id\": \"m\", \"type\": \"map\", \"params\": {\"fields\": {\"account\": \"CONCAT('a', CAST(MOD(value, 3) AS STRING))\","
                + " \"amount\": \"value\"}}},"
                + " {\"id\": \"byAccount\", \"type\": \"key-by\", \"params\": {\"key\": \"account\"}},"
                + " {\"id\": \"balance\", \"type\": \"reduce\", \"params\": {\"combine\": {\"amount\": \"sum\"}}},"
                + " {\"id\": \"balances\", \"type\": \"sink.file\", \"params\": {\"path\": \"balances\"}}";
        return TestRuns.doc(settings, nodes, TestRuns.chain("payments", "m", "byAccount", "balance", "balances"));
    }

    private static final String SETTINGS = "{\"startTime\": 0, \"checkpointInterval\": \"500ms\"}";

    private List<String> failureFree() {
        return TestRuns.run(balances(SETTINGS), dir.resolve("clean")).lines("balances/part-0-0.jsonl");
    }

    @Test
    void aRunKeepsItsNewestCheckpointWithThePipelineAndItsFolders() throws IOException {
        Path checkpoints = dir.resolve("checkpoints");
        var o = TestRuns.run(TestRuns.pipeline(balances(SETTINGS)), dir.resolve("out"),
                RunOptions.defaults().withCheckpointDir(checkpoints));
        assertTrue(o.result().succeeded(), o.result().failure());
        assertEquals(List.of("chk-11", "pipeline.json", "run.properties"), names(checkpoints), "the older ones removed");
        var resume = CheckpointDirectory.resolve(checkpoints);
        assertEquals(11, resume.checkpoint().id());
        assertEquals(5500, resume.checkpoint().time(), "taken at 5.5 s of processing time, before the 60th record at 5.9 s");
        assertEquals(dir.resolve("out").toAbsolutePath().normalize(), resume.recorded("outputDir").orElseThrow());
        assertTrue(resume.pipeline().isPresent());
    }

    @Test
    void aRunThatFailedWithoutRestartsGoesOnFromItsNewestCheckpoint() {
        Path checkpoints = dir.resolve("checkpoints");
        String failing = "{\"startTime\": 0, \"checkpointInterval\": \"500ms\", \"restartAttempts\": 0, \"failAfterRecords\": 37}";
        var failed = TestRuns.run(TestRuns.pipeline(balances(failing)), dir.resolve("out"),
                RunOptions.defaults().withCheckpointDir(checkpoints));
        assertFalse(failed.result().succeeded());
        var resume = CheckpointDirectory.resolve(checkpoints);
        assertEquals(7, resume.checkpoint().id(), "the last checkpoint before the 37th record, at 3.5 s");
        var resumed = TestRuns.run(TestRuns.pipeline(balances(failing)), dir.resolve("out"),
                RunOptions.defaults().withResume(resume).withCheckpointDir(checkpoints));
        assertTrue(resumed.result().succeeded(), resumed.result().failure() + ": the injected failure had happened, it does not again");
        assertEquals(failureFree(), resumed.lines("balances/part-0-0.jsonl"));
    }

    @Test
    void aCheckpointOfAnotherPipelineOrADamagedOneIsRefusedWithTheReason() throws IOException {
        Path checkpoints = dir.resolve("checkpoints");
        TestRuns.run(TestRuns.pipeline(balances(SETTINGS)), dir.resolve("out"), RunOptions.defaults().withCheckpointDir(checkpoints));
        var resume = CheckpointDirectory.resolve(checkpoints);
        String other = TestRuns.doc(SETTINGS, "{\"id\": \"n\", \"type\": \"source.sequence\", \"params\": {\"from\": 1, \"to\": 3}},"
                + " {\"id\": \"out\", \"type\": \"sink.print\"}", TestRuns.chain("n", "out"));
        var refused = TestRuns.run(TestRuns.pipeline(other), dir.resolve("other"), RunOptions.defaults().withResume(resume));
        assertFalse(refused.result().succeeded());
        assertTrue(refused.result().failure().startsWith("the checkpoint in " + resume.folder() + " was taken of another pipeline:"),
                refused.result().failure());
        Files.write(resume.folder().resolve(CheckpointDirectory.METADATA), new byte[] {1, 2, 3});
        var damaged = assertThrows(IllegalArgumentException.class, () -> CheckpointDirectory.resolve(checkpoints));
        assertEquals(resume.folder().resolve(CheckpointDirectory.METADATA) + " is not an Eddy checkpoint", damaged.getMessage());
        Path nothing = Files.createDirectories(dir.resolve("nothing"));
        var empty = assertThrows(IllegalArgumentException.class, () -> CheckpointDirectory.resolve(nothing));
        assertTrue(empty.getMessage().endsWith("holds no completed checkpoint or savepoint"), empty.getMessage());
    }

    /** The test: a run in its own OS process, killed with SIGKILL mid-run, resumed in another. */
    @Test
    void aProcessKilledWithSigkillResumesFromItsCheckpointDirectoryAndFinishesWithTheFailureFreeOutput() throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        Path out = dir.resolve("out");
        Process first = balancesInRealTime(checkpoints, out);
        awaitCheckpoint(first, checkpoints, 3);
        assertTrue(first.isAlive(), "still running when killed");
        first.destroyForcibly();  // SIGKILL: no hook runs, nothing is flushed or closed
        first.waitFor(30, TimeUnit.SECONDS);
        assertTrue(Files.readAllLines(out.resolve("balances/part-0-0.jsonl")).size() < 60, "killed mid-run");
        Process second = eddy("run", "--from-savepoint", checkpoints.toString());
        String err = finish(second);
        assertEquals(0, second.exitValue(), err);
        assertTrue(err.startsWith("resuming from checkpoint "), err);
        assertEquals(failureFree(), Files.readAllLines(out.resolve("balances/part-0-0.jsonl")));
        assertEquals(List.of("part-0-0.jsonl"), names(out.resolve("balances")), "no transaction left behind");
    }

    @Test
    void sigtermStopsWithASavepointThatANewProcessGoesOnFrom() throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        Path out = dir.resolve("out");
        Process first = balancesInRealTime(checkpoints, out);
        awaitCheckpoint(first, checkpoints, 2);
        first.toHandle().destroy();  // SIGTERM, as Ctrl-C: the shutdown hook takes the savepoint (Process#destroy would close its streams)
        String err = finish(first);
        assertEquals(143, first.exitValue(), err + ": 128 + SIGTERM, as the JVM ends on it");
        assertTrue(err.contains("stopped with a savepoint in " + checkpoints.toAbsolutePath().normalize() + "/savepoint-"), err);
        Process second = eddy("run", "--from-savepoint", checkpoints.toString());
        String resumed = finish(second);
        assertEquals(0, second.exitValue(), resumed);
        assertTrue(resumed.startsWith("resuming from savepoint "), resumed);
        assertEquals(failureFree(), Files.readAllLines(out.resolve("balances/part-0-0.jsonl")));
    }

    /** The balances pipeline in a process of its own, at real-time speed (six seconds), checkpointing into a directory. */
    private Process balancesInRealTime(Path checkpoints, Path out) throws IOException {
        Path pipeline = Files.writeString(dir.resolve("balances.json"), balances(SETTINGS));
        return eddy("run", pipeline.toString(), "--checkpoints", checkpoints.toString(), "--output", out.toString(), "--speed", "1");
    }

    private static Process eddy(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.eddy.cli.EddyCommand"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Waits until the running process has completed checkpoint {@code n} or a later one. */
    private static void awaitCheckpoint(Process p, Path checkpoints, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.isDirectory(checkpoints)) {
                for (String name : names(checkpoints)) {
                    if (name.startsWith("chk-") && Long.parseLong(name.substring(4)) >= n) return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no checkpoint " + n + " while the run was alive: " + new String(p.getErrorStream().readAllBytes()));
    }

    private static String finish(Process p) throws Exception {
        String err = new String(p.getErrorStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run ends: " + err);
        return err;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
