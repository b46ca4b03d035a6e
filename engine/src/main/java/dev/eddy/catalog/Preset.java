package dev.eddy.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A palette entry that is a node type with some parameters already set (e.g. "Word splitter"). */
public record Preset(String title, String summary, ObjectNode params) {}
