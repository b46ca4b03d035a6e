package dev.eddy.app;

import javafx.application.Application;

/**
 * The designer's entry point. It is no {@link Application} itself, so that the Java launcher does
 * not start JavaFX (and look for a display) before the options are read: {@code --help} and a
 * wrong option answer on any terminal.
 */
public final class DesignerMain {
    private DesignerMain() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--measure")) {
            Application.launch(DesignerMeasure.class, args);
            return;
        }
        int[] exit = new int[1];
        if (DesignOptions.parse(args, exit) == null) System.exit(exit[0]);
        Application.launch(EddyDesigner.class, args);
    }
}
