package dev.eddy.state;

import java.util.List;

/**
 * The keyed states of one operator subtask, seen for the current key, by state index. The heap
 * implementation backs Eddy's engine; the Flink bridge implements the same on Flink's state, so
 * one process program runs on both. NULL is never stored: writing NULL clears, as Flink's
 * ValueState#update(null) does, and NULL has no place in a list.
 */
public interface KeyedState {
    void setCurrentKey(Object key);

    Object currentKey();

    Object value(int state);

    void update(int state, Object value);

    /** The elements, oldest first; empty when there are none. */
    List<Object> list(int state);

    void add(int state, Object element);

    void updateList(int state, List<Object> elements);

    Object get(int state, Object mapKey);

    boolean contains(int state, Object mapKey);

    void put(int state, Object mapKey, Object value);

    void remove(int state, Object mapKey);

    /** The map's keys in ascending order, so that a program that goes through them runs the same anywhere. */
    List<Object> keys(int state);

    void clear(int state);
}
