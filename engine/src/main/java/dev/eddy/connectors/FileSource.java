package dev.eddy.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.SourceReader;
import dev.eddy.runtime.Time;
import dev.eddy.types.Row;
import dev.eddy.types.RowJson;
import dev.eddy.types.Schema;
import dev.eddy.types.ValueText;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a file line by line as text (one field, line), CSV (by the schema, optionally with a
 * header) or JSON Lines (one object per line). A line that does not parse goes through the
 * node's error policy with the file, the line number and the field named.
 */
public final class FileSource implements SourceReader {
    public enum Format { TEXT, CSV, JSONL }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String pathText;
    private Path path;
    private final Format format;
    private final Schema schema;
    private final boolean header;
    private final char delimiter;
    private final double rate;
    private long start;
    private OperatorContext context;
    private BufferedReader reader;
    private long lineNumber;
    private long emitted;

    public FileSource(String path, Format format, Schema schema, boolean header, char delimiter, double rate) {
        this.pathText = path;
        this.format = format;
        this.schema = schema;
        this.header = header;
        this.delimiter = delimiter;
        this.rate = rate;
    }

    @Override
    public void open(OperatorContext context) throws IOException {
        this.context = context;
        this.path = context.environment().resolveInput(pathText);
        this.start = context.currentProcessingTime();
        reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        if (format == Format.CSV && header) {
            String h = reader.readLine();
            lineNumber++;
            if (h != null) checkHeader(h);
        }
    }

    private void checkHeader(String line) {
        List<String> cells = CsvLine.split(line, delimiter);
        if (!cells.equals(schema.names())) {
            throw new dev.eddy.runtime.JobFailedException(context.nodeId(), path + " line 1: the header is "
                    + String.join(",", cells) + " but the schema's fields are " + String.join(",", schema.names())
                    + " (set \"header\": false if the file has no header)");
        }
    }

    @Override
    public Poll poll(Output output) throws IOException {
        while (true) {
            String line = reader.readLine();
            if (line == null) return Poll.END;
            lineNumber++;
            if (format != Format.TEXT && line.isBlank()) continue;
            Row row;
            try {
                row = parse(line);
            } catch (IllegalArgumentException e) {
                context.recordFailed(Row.of(line), Time.NO_TIMESTAMP, path.getFileName() + " line " + lineNumber + " (" + line + ")", e.getMessage());
                continue;
            }
            output.collect(row, Time.NO_TIMESTAMP);
            emitted++;
            return Poll.EMITTED;
        }
    }

    private Row parse(String line) {
        switch (format) {
            case TEXT:
                return Row.of(line);
            case CSV: {
                List<String> cells = CsvLine.split(line, delimiter);
                if (cells.size() != schema.size()) {
                    throw new IllegalArgumentException("expected " + schema.size() + " fields (" + String.join(", ", schema.names())
                            + ") but found " + cells.size());
                }
                Object[] values = new Object[cells.size()];
                for (int i = 0; i < values.length; i++) {
                    try {
                        values[i] = ValueText.parse(cells.get(i), schema.field(i).type());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("field \"" + schema.field(i).name() + "\": " + e.getMessage());
                    }
                }
                return Row.wrap(values);
            }
            case JSONL:
                try {
                    return RowJson.fromJson(MAPPER.readTree(line), schema);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("not valid JSON (" + e.getOriginalMessage() + ")");
                }
            default:
                throw new AssertionError(format);
        }
    }

    @Override
    public long nextDueTime() { return rate > 0 ? start + (long) Math.floor(emitted * 1000.0 / rate) : NOW; }

    @Override
    public void close() throws IOException {
        if (reader != null) reader.close();
    }

    /** The line reached, which a restored reader skips to (the file must not have changed meanwhile). */
    @Override
    public void snapshotPosition(dev.eddy.checkpoint.StateWriter out) { out.writeLong(start).writeLong(lineNumber).writeLong(emitted); }

    @Override
    public void restorePosition(dev.eddy.checkpoint.StateReader in) {
        start = in.readLong();
        long line = in.readLong();
        emitted = in.readLong();
        try {
            while (lineNumber < line && reader.readLine() != null) lineNumber++;
        } catch (IOException e) {
            throw new dev.eddy.runtime.JobFailedException(context.nodeId(), "source \"" + context.nodeId() + "\" cannot go back to line "
                    + line + " of " + path + ": " + dev.eddy.runtime.Failures.describe(e), e);
        }
    }
}
