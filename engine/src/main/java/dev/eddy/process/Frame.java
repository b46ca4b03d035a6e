package dev.eddy.process;

import dev.eddy.types.Row;

/**
 * One run of a handler: the values its expressions see (the record's fields or the key, the
 * clocks, the states they read, the locals), the context, and the timestamps its output gets.
 * The slots are a row of the scope's schema, so compiled expressions read them by index.
 */
final class Frame {
    final Object[] slots;
    final Row row;
    final ProcessContext context;
    final long mainTimestamp;
    final long sideTimestamp;

    Frame(int size, ProcessContext context, long mainTimestamp, long sideTimestamp) {
        this.slots = new Object[size];
        this.row = Row.wrap(slots);
        this.context = context;
        this.mainTimestamp = mainTimestamp;
        this.sideTimestamp = sideTimestamp;
    }
}
