package dev.eddy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.cli.EddyCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./eddy check: a lesson's pipeline run to its end and judged, with the verdict in words and an exit code. */
class CheckCommandTest {
    @TempDir
    Path dir;

    /** Three records of key a at 1 s, 2 s and 7 s; a session window with the gap given; a lesson about sessions. */
    private Path lesson(String gap, String checks) throws Exception {
        String json = """
                {"format": "eddy.pipeline", "version": 1, "name": "sessions",
                 "lesson": {"task": "Make the three clicks one session.", "hint": "Widen the gap.", "checks": %s},
                 "settings": {"startTime": 0},
                 "nodes": [
                  {"id": "clicks", "type": "source.scripted", "params": {"schema": {"k": "STRING", "v": "BIGINT"},
                    "steps": [{"record": {"k": "a", "v": 1}, "ts": 1000}, {"record": {"k": "a", "v": 2}, "ts": 2000},
                              {"record": {"k": "a", "v": 3}, "ts": 7000}, {"watermark": 20000}]}},
                  {"id": "byK", "type": "key-by", "params": {"key": "k"}},
                  {"id": "sessions", "type": "window", "params": {"assigner": "session", "gap": "%s", "aggregates": {"n": "COUNT(*)"}}},
                  {"id": "out", "type": "sink.table"}],
                 "edges": [{"from": "clicks", "to": "byK"}, {"from": "byK", "to": "sessions"}, {"from": "sessions", "to": "out"}]}
                """.formatted(checks, gap);
        Path f = dir.resolve("lesson.json");
        Files.writeString(f, json);
        return f;
    }

    private static final String ONE_SESSION = """
            [{"count": "records", "node": "out", "where": "n = 3", "min": 1, "max": 1, "says": "one session of three clicks"},
             {"count": "merged", "node": "sessions", "min": 2}]""";

    @Test
    void aLessonNotYetDoneSaysWhichCheckMissesAndWhyWithTheHint() throws Exception {
        Result r = EddyCommandTest.eddy("check", lesson("2s", ONE_SESSION).toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().startsWith("Task: Make the three clicks one session.\n"), r.out());
        assertTrue(r.out().contains("✗ one session of three clicks — No record reached \"out\" where n = 3; the task wants exactly 1."), r.out());
        assertTrue(r.out().contains("✗ count merged at \"sessions\": at least 2 — Windows of \"sessions\" merged once; the task wants at least 2."), r.out());
        assertTrue(r.out().contains("Not yet: No record reached \"out\" where n = 3; the task wants exactly 1. Hint: Widen the gap."), r.out());
    }

    @Test
    void aLessonDoneIsSolvedWithExitZero() throws Exception {
        Result r = EddyCommandTest.eddy("check", lesson("6s", ONE_SESSION).toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("✓ one session of three clicks — 1 record reached \"out\" where n = 3; that is exactly 1."), r.out());
        assertTrue(r.out().endsWith("Solved: all 2 checks hold.\n"), r.out());
    }

    @Test
    void aCheckOnANodeThatIsGoneOrAConditionThatNoLongerFitsIsNotSolvedAndSaysSo() throws Exception {
        Result r = EddyCommandTest.eddy("check", lesson("6s", """
                [{"count": "records", "node": "results", "min": 1},
                 {"count": "records", "node": "out", "where": "clicks > 2", "min": 1}]""").toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("The pipeline has no node \"results\", where the lesson counts records (was it renamed or deleted?)"), r.out());
        assertTrue(r.out().contains("The check's condition \"clicks > 2\" does not fit the records at \"out\""), r.out());
    }

    @Test
    void aMalformedLessonIsRefusedWithWhereAndWhatWasExpected() throws Exception {
        Result r = EddyCommandTest.eddy("check", lesson("2s", """
                [{"count": "windows", "node": "out", "min": 1}, {"count": "fired", "node": "sessions"},
                 {"count": "restarts", "where": "n > 1", "max": 0}]""").toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("lesson.checks[0].count: expected one of records, fired, fired-before-end, late, merged, restarts, committed, duplicated but found \"windows\""), r.err());
        assertTrue(r.err().contains("lesson.checks[1]: give \"min\", \"max\" or both"), r.err());
        assertTrue(r.err().contains("lesson.checks[2].where: \"where\" picks records, so it applies to records and late only, not restarts"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aPipelineWithoutALessonIsNotChecked() {
        Result r = EddyCommandTest.eddy("check", "../samples/word-count/word-count.json");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("carries no lesson"), r.err());
    }
}
