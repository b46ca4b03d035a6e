package dev.eddy.connectors;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into cells (RFC 4180 quoting with "" for a quote inside a quoted cell).
 * Records are one line each: the file source reports errors by line number, and a quoted
 * newline would make those numbers lie.
 */
final class CsvLine {
    private CsvLine() {}

    static List<String> split(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) throw new IllegalArgumentException("a quoted cell is not closed");
        cells.add(cell.toString());
        return cells;
    }
}
