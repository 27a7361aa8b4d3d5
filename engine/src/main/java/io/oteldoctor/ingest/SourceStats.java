package io.oteldoctor.ingest;

/**
 * Line accounting for one source. Every physical line read lands in exactly one bucket, so the
 * report can show that nothing was silently lost.
 */
public final class SourceStats {

    private final String source;
    private long read;
    private long parsed;
    private long skippedNoSignature;
    private long skippedBlank;
    private long unrecognized;
    private long truncated;
    private long bytes;
    private final long[] formats = new long[InputFormat.values().length]; // lines parsed, by layout ordinal
    private String error;
    private byte[] firstLine;

    public SourceStats(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    void lineRead(int length) {
        read++;
        bytes += length + 1L;
    }

    /** Keeps the head of the first non-blank line, to name the source's layout even if nothing in it is parsed. */
    void firstLine(byte[] buf, int start, int end) {
        if (firstLine == null) {
            firstLine = java.util.Arrays.copyOfRange(buf, start, Math.min(end, start + 8192));
        }
    }

    void truncatedLine() {
        truncated++;
    }

    void blank() {
        skippedBlank++;
    }

    void noSignature(int lines) {
        skippedNoSignature += lines;
    }

    public void parsed(InputFormat format, int lines) {
        parsed += lines;
        formats[format.ordinal()] += lines;
    }

    public void unrecognized(int lines) {
        unrecognized += lines;
    }

    /** The source could not be read (completely or from some point on). */
    public void failed(String message) {
        this.error = message;
    }

    /** Adds the counts of a later part of the same source, read separately. */
    public void absorb(SourceStats later) {
        read += later.read;
        parsed += later.parsed;
        skippedNoSignature += later.skippedNoSignature;
        skippedBlank += later.skippedBlank;
        unrecognized += later.unrecognized;
        truncated += later.truncated;
        bytes += later.bytes;
        for (int f = 0; f < formats.length; f++) {
            formats[f] += later.formats[f];
        }
        if (firstLine == null) {
            firstLine = later.firstLine;
        }
        if (error == null) {
            error = later.error;
        }
    }

    public SourceAccounting snapshot() {
        InputFormat dominant = null;
        long best = 0;
        InputFormat[] layouts = InputFormat.values();
        for (int f = 0; f < formats.length; f++) {
            if (formats[f] > best) {
                best = formats[f];
                dominant = layouts[f];
            }
        }
        if (dominant == null && firstLine != null) {
            dominant = new RecordParser().detect(new String(firstLine, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new SourceAccounting(source, dominant == null ? null : dominant.id(), read, bytes, parsed,
                skippedNoSignature, skippedBlank, unrecognized, truncated, error);
    }
}
