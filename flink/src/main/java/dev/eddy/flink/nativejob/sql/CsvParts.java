package dev.eddy.flink.nativejob.sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;

/**
 * CSV lines for Flink's FileSink with the header line at the top of every part file, as a CSV
 * file is read by a person or a spreadsheet. A bulk format, so that each new part file (the sink
 * rolls one on every checkpoint) starts with the header. Written by Eddy into the exported job.
 */
public final class CsvParts {
    private CsvParts() {}

    public static BulkWriter.Factory<String> withHeader(String header) {
        return out -> {
            out.write((header + "\n").getBytes(StandardCharsets.UTF_8));
            return new Writer(out);
        };
    }

    private static final class Writer implements BulkWriter<String> {
        private final FSDataOutputStream out;

        Writer(FSDataOutputStream out) { this.out = out; }

        @Override
        public void addElement(String line) throws IOException { out.write((line + "\n").getBytes(StandardCharsets.UTF_8)); }

        @Override
        public void flush() throws IOException { out.flush(); }

        @Override
        public void finish() throws IOException { out.flush(); }
    }
}
