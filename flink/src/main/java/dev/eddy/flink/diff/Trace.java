package dev.eddy.flink.diff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trace sink's file cut into pieces at its watermarks: the records between two watermarks (as
 * their trace lines), and the watermark that ends each piece (null for the last, after the final
 * watermark). Idle/active markers are kept out: they follow the wall clock.
 */
record Trace(List<List<String>> pieces, List<String> watermarks) {
    static Trace read(Path file) throws IOException {
        List<List<String>> pieces = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : Differential.lines(file)) {
            if (line.startsWith("{\"watermark\"")) {
                pieces.add(current);
                marks.add(line);
                current = new ArrayList<>();
            } else if (line.startsWith("{\"record\"")) {
                current.add(line);
            }
        }
        pieces.add(current);
        return new Trace(pieces, marks);
    }

    /** Every record as one piece, without the watermarks: for sinks whose watermarks are a race. */
    Trace recordsOnly() {
        List<String> all = new ArrayList<>();
        for (List<String> piece : pieces) all.addAll(piece);
        return new Trace(List.of(all), List.of());
    }

    int records() { return pieces.stream().mapToInt(List::size).sum(); }

    int watermarkCount() { return watermarks.size(); }

    /** Where {@code flink} first differs from this (Eddy's) trace, said for a person; null when equal. */
    String difference(Trace flink) {
        int n = Math.min(pieces.size(), flink.pieces.size());
        for (int i = 0; i < n; i++) {
            String before = i == 0 ? "before the first watermark" : "after " + watermarks.get(i - 1);
            Map<String, Integer> e = counts(pieces.get(i));
            Map<String, Integer> f = counts(flink.pieces.get(i));
            if (!e.equals(f)) {
                String first = firstDifference(e, f);
                return before + ": " + first + "\n    Eddy  (" + pieces.get(i).size() + "): " + sample(pieces.get(i))
                        + "\n    Flink (" + flink.pieces.get(i).size() + "): " + sample(flink.pieces.get(i));
            }
            if (i < watermarks.size() && i < flink.watermarks.size() && !watermarks.get(i).equals(flink.watermarks.get(i))) {
                return before + ": the next watermark is " + watermarks.get(i) + " in Eddy but " + flink.watermarks.get(i) + " in Flink";
            }
        }
        if (watermarks.size() != flink.watermarks.size()) {
            return "Eddy has " + watermarks.size() + " watermarks " + watermarks + ", Flink " + flink.watermarks.size() + " " + flink.watermarks;
        }
        return null;
    }

    private static Map<String, Integer> counts(List<String> lines) {
        Map<String, Integer> m = new HashMap<>();
        for (String l : lines) m.merge(l, 1, Integer::sum);
        return m;
    }

    private static String firstDifference(Map<String, Integer> eddy, Map<String, Integer> flink) {
        for (var e : new TreeMap<>(eddy).entrySet()) {
            int other = flink.getOrDefault(e.getKey(), 0);
            if (other != e.getValue()) return "Eddy has " + e.getValue() + " × " + e.getKey() + ", Flink " + other;
        }
        for (var f : new TreeMap<>(flink).entrySet()) {
            if (!eddy.containsKey(f.getKey())) return "Flink has " + f.getValue() + " × " + f.getKey() + ", Eddy none";
        }
        return "?";
    }

    private static String sample(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(null);
        return sorted.size() <= 6 ? sorted.toString() : sorted.subList(0, 6) + " ...";
    }
}
