package dev.eddy.runtime;

import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory tables that table sinks fill, one per sink node, read by the designer and the
 * tests. Rows of all subtasks land in one table, in arrival order.
 */
public final class ResultTables {
    private final Map<String, Table> tables = new ConcurrentHashMap<>();

    public Table table(String node, Schema schema) {
        return tables.computeIfAbsent(node, n -> new Table(n, schema));
    }

    public Table get(String node) { return tables.get(node); }

    public Map<String, Table> all() { return Map.copyOf(tables); }

    /** A record and its event timestamp as a table sink received it. */
    public record Entry(Row row, long timestamp, int subtask) {}

    public static final class Table {
        private final String node;
        private final Schema schema;
        private final List<Entry> entries = new ArrayList<>();
        /** For an upsert table: where each key's row is. */
        private final Map<List<Object>, Integer> byKey = new java.util.HashMap<>();

        Table(String node, Schema schema) {
            this.node = node;
            this.schema = schema;
        }

        public String node() { return node; }

        public Schema schema() { return schema; }

        public synchronized void add(Entry e) { entries.add(e); }

        /** Replaces the row of the same key in its place, or adds it: a replayed row overwrites itself. */
        public synchronized void upsert(Entry e, int[] keyFields) {
            List<Object> key = new ArrayList<>(keyFields.length);
            for (int f : keyFields) key.add(e.row().get(f));
            Integer at = byKey.get(key);
            if (at == null) {
                byKey.put(key, entries.size());
                entries.add(e);
            } else {
                entries.set(at, e);
            }
        }

        public synchronized List<Entry> entries() { return List.copyOf(entries); }

        public synchronized List<Row> rows() {
            List<Row> r = new ArrayList<>(entries.size());
            for (Entry e : entries) r.add(e.row());
            return r;
        }

        public synchronized int size() { return entries.size(); }

        public synchronized long countOf(int subtask) {
            long n = 0;
            for (Entry e : entries) if (e.subtask() == subtask) n++;
            return n;
        }

        /** Keeps the first {@code keep} entries of the subtask, in order, and drops its later ones. */
        public synchronized void truncate(int subtask, long keep) {
            long seen = 0;
            for (java.util.Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
                if (it.next().subtask() == subtask && ++seen > keep) it.remove();
            }
            byKey.clear();
        }

        /** After a {@link #truncate} of an upsert table, finds each key's row again. */
        public synchronized void reindex(int[] keyFields) {
            byKey.clear();
            for (int i = 0; i < entries.size(); i++) {
                List<Object> key = new ArrayList<>(keyFields.length);
                for (int f : keyFields) key.add(entries.get(i).row().get(f));
                byKey.put(key, i);
            }
        }
    }
}
