package dev.eddy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** After a crash, the next start offers back what was being edited. */
class AutosaveTest extends DesignerTestBase {
    @Override
    protected void beforeShow(Path home) throws IOException {
        Path sample = Path.of(System.getProperty("eddy.samples"), "word-count", "word-count.json");
        Files.copy(sample, home.resolve("autosave.json"));
        Files.writeString(home.resolve("autosave.origin"), "");
    }

    @Test
    void unsavedWorkIsOfferedBackAndRestored() {
        assertTrue(present("#start-page"));
        robot.clickOn("#restore-autosave");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6, window.document().get().nodes().size());
        assertTrue(window.document().isDirty(), "restored work is not saved anywhere yet");
        assertFalse(present("#start-page"));
    }

    @Test
    void editsAreAutosavedAndSavingRemovesTheCopy() throws Exception {
        robot.clickOn("#restore-autosave");
        Files.delete(home.resolve("autosave.json"));
        robot.clickOn("#node-nonEmpty");
        robot.clickOn("#node-id").eraseText(10).write("kept").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.document().get().node("kept").isPresent());
        WaitForAsyncUtils.asyncFx(() -> window.actions().saveTo(work.resolve("wc.json"))).get();
        // Wait out the autosave's delay: nothing is written for a saved pipeline.
        WaitForAsyncUtils.sleep(1200, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertFalse(Files.exists(home.resolve("autosave.json")));
        robot.clickOn("#node-kept");
        robot.clickOn("#node-id").eraseText(10).write("splitter").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.sleep(1500, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.readString(home.resolve("autosave.json")).contains("\"splitter\""));
    }
}
