package dev.eddy.connectors;

import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes records to a directory, one part file per subtask, like Flink's row-format file sink
 * in the WordCount example: each subtask writes a hidden in-progress file and renames it to
 * {@code part-<subtask>-0<ext>} when its input ends, so a reader never sees half a file.
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
    protected Path file() { return directory.resolve("." + partName() + ".inprogress"); }

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
    protected void completed(Path file) throws IOException {
        Files.move(file, directory.resolve(partName()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void processWatermark(long watermark) {
        // A sink has no downstream to forward to.
    }
}
