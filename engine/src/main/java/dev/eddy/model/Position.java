package dev.eddy.model;

/** Where the designer draws a node; meaningless to the engine. */
public record Position(double x, double y) {}
