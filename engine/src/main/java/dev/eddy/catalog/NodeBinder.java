package dev.eddy.catalog;

/**
 * Checks a node's parameters against its input schemas and says what it produces: the schema of
 * each output port and how to run it. Problems go to the context; the binder returns what it
 * can so that validation reports every problem at once.
 */
@FunctionalInterface
public interface NodeBinder {
    Binding bind(BindContext context);
}
