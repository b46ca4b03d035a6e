package dev.eddy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writing a process program in the inspector: the program shows as code, is compiled against the
 * incoming schema and key while it is typed, an error names its line and column and a click on it
 * goes there, and the committed program is kept in the file one line per string.
 */
class ProcessProgramEditorTest extends DesignerTestBase {
    @Override
    protected Path initialFile() throws IOException { return copyOfSample("temperature-alert"); }

    private TextArea area() { return robot.lookup("#param-program").queryAs(TextArea.class); }

    private String problem() {
        return robot.lookup(".param-problem").tryQueryAs(Label.class).map(Label::getText).orElse(null);
    }

    @Test
    void aProgramIsCheckedAsItIsTypedAndItsErrorLeadsToTheLine() throws Exception {
        robot.clickOn("#node-alert");
        assertTrue(area().getText().startsWith("-- The seed's example"), area().getText());
        assertTrue(area().getText().contains("\non timer {\n"), "the file's lines are the program's lines");
        assertEquals(null, problem());

        String program = "state peak DOUBLE;\n"
                + "on record {\n"
                + "  peak = GREATEST(COALESCE(peak, temperature), temperature);\n"
                + "  emit sensor, peak;\n"
                + "}";
        WaitForAsyncUtils.asyncFx(() -> area().setText(program)).get();
        assertEquals(null, problem());
        // A person misspells a field on the third line.
        robot.clickOn("#param-program");
        WaitForAsyncUtils.asyncFx(() -> area().positionCaret(program.indexOf("temperature)"))).get();
        robot.write("x");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(problem() != null && problem().startsWith("line 3, column 34: unknown field \"xtemperature\""), problem());
        Screenshots.save(window.scene(), "designer-process-program-error");

        WaitForAsyncUtils.asyncFx(() -> area().positionCaret(0)).get();
        robot.clickOn(".param-problem");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(program.indexOf("temperature)"), area().getCaretPosition(), "the caret goes to line 3, column 34");

        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, problem());
        shortcut(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        JsonNode saved = window.document().get().node("alert").get().paramsView().get("program");
        assertTrue(saved.isArray(), saved.toString());
        assertEquals(5, saved.size());
        assertEquals("  emit sensor, peak;", saved.get(3).textValue());
        assertFalse(window.document().validation().problems().stream().anyMatch(p -> "alert".equals(p.nodeId())),
                window.document().validation().problems().toString());
        Screenshots.save(window.scene(), "designer-process-program");

        // The narrow column is not where long programs are written: the same editor opens in a window.
        robot.clickOn("#param-program-window");
        TextArea big = robot.lookup("#program-window-text").queryAs(TextArea.class);
        assertEquals(area().getText(), big.getText());
        robot.clickOn(big);
        WaitForAsyncUtils.asyncFx(() -> big.positionCaret(big.getText().indexOf("peak;"))).get();
        robot.write("temperature AS now_, ");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(big.getScene().lookup(".param-problem") == null, "no problem while it is right");
        Screenshots.save(big.getScene(), "designer-process-program-window");
        robot.clickOn("Close");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("  emit sensor, temperature AS now_, peak;",
                window.document().get().node("alert").get().paramsView().get("program").get(3).textValue());
    }
}
