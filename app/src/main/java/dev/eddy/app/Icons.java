package dev.eddy.app;

import dev.eddy.catalog.Category;
import org.kordamp.ikonli.javafx.FontIcon;

/** Material Design icons (Ikonli) by their literal names, so that the theme colours them. */
public final class Icons {
    private Icons() {}

    public static FontIcon of(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add("icon");
        return icon;
    }

    public static FontIcon forCategory(Category c) {
        FontIcon icon = of(switch (c) {
            case SOURCES -> "mdi2d-database-export";
            case TRANSFORM -> "mdi2s-shuffle-variant";
            case KEYS -> "mdi2k-key-variant";
            case TIME -> "mdi2c-clock-outline";
            case STATE -> "mdi2d-database-cog";
            case SINKS -> "mdi2d-database-import";
        });
        icon.getStyleClass().add("category-icon-" + c.name().toLowerCase(java.util.Locale.ROOT));
        return icon;
    }
}
