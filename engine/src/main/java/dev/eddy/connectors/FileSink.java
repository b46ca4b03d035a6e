package dev.eddy.connectors;

import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import java.nio.file.Path;

/**
 * Writes records to a directory, one part file per subtask, like Flink's row-format file sink
 * in the WordCount example: each subtask writes a hidden in-progress file and renames it to
 * {@code part-<subtask>-0<ext>} when its input ends, so a reader never sees half a file. Under
 * exactly-once the part file grows by what each completed checkpoint commits instead.
 */
public final class FileSink extends LineWriterSink {
    private final Schema schema;
    private final String directoryText;
    private Path directory;
    private final RowText format;
    private final boolean header;

    public FileSink(Schema schema, String directory, RowText format, boolean header) {
        this.schema = schema;
        this.directoryText = directory;
        this.format = format;
        this.header = header;
    }

    private String partName() {
        String ext = format == RowText.CSV ? ".csv" : format == RowText.JSON ? ".jsonl" : ".txt";
        return "part-" + context.subtaskIndex() + "-0" + ext;
    }

    @Override
    protected Path target() { return directory.resolve(partName()); }

    @Override
    protected boolean stagedUntilEnd() { return true; }

    @Override
    protected String firstLine() { return header && format == RowText.CSV ? RowText.csvHeader(schema) : null; }

    @Override
    public void open(dev.eddy.runtime.OperatorContext context, dev.eddy.runtime.Output output) {
        super.open(context, output);
        directory = context.environment().resolveOutput(directoryText);
        openNow();
    }

    @Override
    public void processElement(Row row, long timestamp) {
        writeLine(format.format(row, schema));
    }

    @Override
    public void processWatermark(long watermark) {
        // A sink has no downstream to forward to.
    }
}
