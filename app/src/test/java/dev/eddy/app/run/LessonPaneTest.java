package dev.eddy.app.run;

import static dev.eddy.app.run.LiveRunTest.fx;
import static dev.eddy.app.run.LiveRunTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.app.DesignerTestBase;
import dev.eddy.app.Screenshots;
import dev.eddy.observe.JobState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** A lesson in the designer (two sessions that are one): the task beside the canvas, a run that does not solve it and says why, an edit that does. */
class LessonPaneTest extends DesignerTestBase {
    @Override
    protected Path initialFile() throws IOException {
        Path lessons = Path.of(System.getProperty("eddy.samples"), "lessons");
        Files.createDirectories(work.resolve("solved"));
        Files.copy(lessons.resolve("solved/merge-sessions.json"), work.resolve("solved/merge-sessions.json"));
        return Files.copy(lessons.resolve("merge-sessions.json"), work.resolve("merge-sessions.json"));
    }

    private String text(String id) { return robot.lookup(id).queryAs(Label.class).getText(); }

    private void playToTheVerdict() {
        robot.clickOn("#run-play");
        waitUntil("the run's end and its verdict", () -> !window.liveRun().isActive() && window.liveRun().lessonPane().verdict() != null);
    }

    @Test
    void theSessionsLessonIsNotSolvedAsShippedAndIsSolvedByTheEditItAsksFor() throws Exception {
        assertTrue(present("#lesson-pane"), "the task stands beside the canvas");
        assertTrue(text("#lesson-task").startsWith("Alice clicks at 00:00:00, 01 and 02"), text("#lesson-task"));
        assertTrue(text("#lesson-verdict").startsWith("Press play"), text("#lesson-verdict"));
        assertTrue(robot.lookup("#lesson-solution").query().isVisible(), "a solution sits in solved/ beside the lesson");

        playToTheVerdict();
        assertEquals(JobState.FINISHED, window.liveRun().state());
        String verdict = text("#lesson-verdict");
        assertTrue(verdict.startsWith("Not yet: 2 records reached \"visits\" where user = 'alice'; the task wants exactly 1. Hint: "), verdict);
        assertFalse(fx(() -> window.liveRun().lessonPane().verdict().solved()));
        Screenshots.save(window.scene(), "lesson-not-yet");

        // The edit the task asks for, in the inspector: a gap longer than alice's pause, shorter than bob's.
        robot.clickOn("#node-sessions");
        robot.clickOn("#param-gap").type(KeyCode.END).eraseText(2).write("5s").type(KeyCode.ENTER);
        waitUntil("the edit", () -> "5s".equals(window.document().get().node("sessions").orElseThrow().paramsView().path("gap").asText()));
        assertTrue(text("#lesson-verdict").startsWith("The pipeline changed since this run: press play"), text("#lesson-verdict"));

        playToTheVerdict();
        verdict = text("#lesson-verdict");
        assertEquals("Solved: all 2 checks hold.", verdict);
        assertTrue(fx(() -> window.liveRun().lessonPane().verdict().solved()));
        Screenshots.save(window.scene(), "lesson-solved");
    }

    @Test
    void theSolutionOpensInPlaceOfTheLessonAndIsSolved() throws Exception {
        robot.clickOn("#lesson-solution");
        waitUntil("the solution open", () -> window.document().file() != null && window.document().file().endsWith(Path.of("solved", "merge-sessions.json")));
        assertTrue(present("#lesson-pane"));
        playToTheVerdict();
        assertEquals("Solved: all 2 checks hold.", text("#lesson-verdict"));
    }
}
