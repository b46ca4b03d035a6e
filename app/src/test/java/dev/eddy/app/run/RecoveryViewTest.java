package dev.eddy.app.run;

import static dev.eddy.app.run.LiveRunTest.fx;
import static dev.eddy.app.run.LiveRunTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.app.DesignerTestBase;
import dev.eddy.app.Screenshots;
import dev.eddy.model.DeliveryGuarantee;
import dev.eddy.observe.JobState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The failure-and-recovery sample in the designer: the Checkpoints tab marks every checkpoint,
 * the failure and the restore, and draws what each sink kept; the pipeline's guarantee is changed
 * in the inspector and a crash is caused by hand with "fail now".
 */
class RecoveryViewTest extends DesignerTestBase {
    @Override
    protected Path initialFile() throws IOException { return copyOfSample("failure-and-recovery"); }

    private LiveRun run() { return window.liveRun(); }

    private void playAt(String speedLabel) {
        @SuppressWarnings("unchecked")
        ComboBox<String> speed = robot.lookup("#run-speed").queryAs(ComboBox.class);
        robot.interact(() -> speed.setValue(speedLabel));
        robot.clickOn("#run-play");
    }

    @Test
    void theInjectedFailureIsMarkedAndEachSinkShowsWhatTheRestoreDidToIt() throws Exception {
        playAt("10×");
        waitUntil("the end of the run", () -> run().state() == JobState.FINISHED && !run().isActive());
        RecoveryView view = run().recovery();
        List<String> marks = fx(() -> view.marks().stream().map(RecoveryView.Marked::label).toList());
        assertTrue(marks.containsAll(List.of("checkpoint 1", "failure", "restored 1")), marks.toString());
        assertTrue(marks.indexOf("checkpoint 1") < marks.indexOf("failure") && marks.indexOf("failure") < marks.indexOf("restored 1"), marks.toString());
        // The transactional file: ten balances committed, the three after checkpoint 1 aborted and written again once.
        assertArrayEquals(new long[] {10, 0, 3}, fx(() -> view.delivered("balances")));
        // The console cannot take back: thirteen lines, three of them twice.
        assertArrayEquals(new long[] {13, 3, 0}, fx(() -> view.delivered("console")));
        List<String> events = fx(view::events);
        assertTrue(events.stream().anyMatch(e -> e.contains("checkpoint 1 completed")), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.contains("every task rebuilt from checkpoint 1, sources rewound")), events.toString());
        robot.clickOn("#tab-checkpoints .tab-label");
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        Screenshots.save(window.scene(), "live-run-checkpoints");
    }

    @Test
    void atLeastOnceChosenInTheInspectorAndAFailureByHandDuplicateTheFilesLines() throws Exception {
        // Nothing selected: the inspector shows the pipeline, with its checkpoints and guarantee.
        @SuppressWarnings("unchecked")
        ComboBox<String> guarantee = robot.lookup("#settings-guarantee").queryAs(ComboBox.class);
        robot.interact(() -> guarantee.setValue("at-least-once"));
        TextField failAfter = robot.lookup("#settings-fail-after").queryAs(TextField.class);
        robot.doubleClickOn(failAfter).eraseText(1).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(DeliveryGuarantee.AT_LEAST_ONCE, window.document().get().settings().deliveryGuarantee());
        assertEquals(null, window.document().get().settings().failAfterRecords(), "no failure but the one caused by hand");

        playAt("1×");
        RecoveryView view = run().recovery();
        waitUntil("checkpoint 1 and two balances after it", () -> fx(() -> view.marks().size()) >= 1
                && fx(() -> view.delivered("console")[0]) >= 6);
        robot.clickOn("#run-fail");
        waitUntil("the restore", () -> fx(() -> view.marks().stream().anyMatch(m -> m.label().startsWith("restored"))));
        @SuppressWarnings("unchecked")
        ComboBox<String> speed = robot.lookup("#run-speed").queryAs(ComboBox.class);
        robot.interact(() -> speed.setValue("as fast as possible"));
        waitUntil("the end of the run", () -> run().state() == JobState.FINISHED && !run().isActive());
        long[] file = fx(() -> view.delivered("balances"));
        assertTrue(file[1] > 0, "at least once: the file sink wrote through, and the replay wrote lines again: " + java.util.Arrays.toString(file));
        assertEquals(10 + file[1], file[0], "every balance once, and the replayed ones once more");
        List<String> events = fx(view::events);
        assertTrue(events.stream().anyMatch(e -> e.contains("a task failed on purpose (fail now)")), events.toString());
        robot.clickOn("#tab-checkpoints .tab-label");
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        Screenshots.save(window.scene(), "live-run-checkpoints-at-least-once");
    }

    @Test
    void randomFailuresSetInTheInspectorFailTheRunTwiceAndTheFileStillComesOutOnce() throws Exception {
        replace("#settings-fail-after", "");
        replace("#settings-restart-attempts", "2");
        replace("#settings-random-failures", "2");
        replace("#settings-random-within", "10");
        var rf = window.document().get().settings().randomFailures();
        assertEquals(new dev.eddy.model.RandomFailures(2, 10, null), rf);
        assertTrue(RecoveryView.setup(window.document().get().settings()).contains("fails twice at random within 10 records (seed 42)"),
                "the Checkpoints tab says how the run will fail");

        playAt("as fast as possible");
        waitUntil("the end of the run", () -> run().state() == JobState.FINISHED && !run().isActive());
        RecoveryView view = run().recovery();
        List<String> marks = fx(() -> view.marks().stream().map(RecoveryView.Marked::label).toList());
        assertEquals(2, marks.stream().filter("failure"::equals).count(), marks.toString());
        assertEquals(10, fx(() -> view.delivered("balances"))[0], "exactly once: ten balances committed however often it failed");
    }

    private void replace(String field, String text) {
        TextField f = robot.lookup(field).queryAs(TextField.class);
        robot.interact(() -> {
            f.setText(text);
            f.getOnAction().handle(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
