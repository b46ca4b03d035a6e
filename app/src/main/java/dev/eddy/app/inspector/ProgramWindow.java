package dev.eddy.app.inspector;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A process program in a window of its own: the inspector is a narrow column and programs are
 * code. The editor is the inspector's, so it checks as you type and applies the same way (when it
 * loses focus, on Ctrl+Enter, or when the window closes), and Undo takes it back.
 */
final class ProgramWindow {
    private ProgramWindow() {}

    static void open(ParamItem item, String nodeId, javafx.stage.Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Program of " + nodeId);
        if (owner != null) dialog.initOwner(owner);
        dialog.setResizable(true);
        dialog.getDialogPane().setId("program-window");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        ParamEditor editor = new ParamEditor(item, 40);
        editor.control().setId("program-window-text");
        VBox.setVgrow(editor.getEditor(), Priority.ALWAYS);
        VBox.setVgrow(editor.control(), Priority.ALWAYS);
        Label hint = new Label("The language: docs/process.md. The input's fields, the key, record_time, timer_time,"
                + " watermark and now are in scope.");
        hint.setWrapText(true);
        VBox content = new VBox(8, hint, editor.getEditor());
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefSize(860, 620);
        dialog.show();
        editor.control().requestFocus();
    }
}
