package dev.eddy.catalog;

/** The palette's sections, in the order a pipeline reads from left to right. */
public enum Category {
    SOURCES("Sources"),
    TRANSFORM("Transform"),
    KEYS("Keys & partitions"),
    TIME("Time & windows"),
    STATE("State & process"),
    SINKS("Sinks");

    private final String title;

    Category(String title) { this.title = title; }

    public String title() { return title; }
}
