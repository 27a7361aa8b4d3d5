package io.oteldoctor.ingest;

import java.util.List;

/**
 * A header line and its continuation lines (stack frames, {@code Caused by:} chains), still as
 * bytes, with the 1-based number of the header line in its source.
 */
public record RawRecord(String source, long firstLine, List<byte[]> lines, boolean truncated) {

    /** The same record numbered from further down: for a range read on its own. */
    public RawRecord shifted(long lines) {
        return lines == 0 ? this : new RawRecord(source, firstLine + lines, this.lines, truncated);
    }

    public long lastLine() {
        return firstLine + lines.size() - 1;
    }
}
