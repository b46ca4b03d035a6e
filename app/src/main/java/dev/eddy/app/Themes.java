package dev.eddy.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.eddy.app.files.AppHome;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;

/**
 * Light and dark themes from AtlantaFX (GitHub's Primer palette), remembered between sessions.
 * Our own stylesheet only shapes the canvas and uses the theme's colour variables, so both
 * themes colour it.
 */
public final class Themes {
    private final AppHome home;
    private final BooleanProperty dark = new SimpleBooleanProperty();

    Themes(AppHome home) {
        this.home = home;
        dark.set(Boolean.parseBoolean(home.setting("theme.dark", "false")));
        dark.addListener((o, a, b) -> {
            home.setSetting("theme.dark", Boolean.toString(b));
            applyUserAgent();
        });
    }

    public BooleanProperty darkProperty() { return dark; }

    void apply(Scene scene) {
        applyUserAgent();
        scene.getStylesheets().add(Themes.class.getResource("designer.css").toExternalForm());
    }

    private void applyUserAgent() {
        Application.setUserAgentStylesheet(dark.get() ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
