package io.oteldoctor.ingest;

import java.util.List;

/**
 * A header line and its continuation lines (stack frames, {@code Caused by:} chains), still as
 * bytes, with the 1-based number of the header line in its source.
 */
public record RawRecord(String source, long firstLine, List<byte[]> lines, boolean truncated) {

    public long lastLine() {
        return firstLine + lines.size() - 1;
    }
}
