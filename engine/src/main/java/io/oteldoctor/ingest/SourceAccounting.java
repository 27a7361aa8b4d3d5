package io.oteldoctor.ingest;

/**
 * What happened to the lines of one source. {@code read == parsed + skippedNoSignature +
 * skippedBlank + unrecognized} always holds; {@code truncated} counts lines among them that were
 * cut at the line-length limit.
 *
 * @param format the layout most parsed lines had, or null when none was parsed
 * @param error why the source could not be read completely, or null
 */
public record SourceAccounting(String source, String format, long read, long bytes, long parsed,
                               long skippedNoSignature, long skippedBlank, long unrecognized,
                               long truncated, String error) {

    public long skipped() {
        return skippedNoSignature + skippedBlank;
    }

    public boolean complete() {
        return error == null;
    }
}
