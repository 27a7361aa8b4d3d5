package io.oteldoctor.analysis;

import io.oteldoctor.ingest.InputFormat;
import io.oteldoctor.ingest.LineScanner;

/**
 * @param prefilter    use the rule-derived prefilter (off only to check that it changes nothing)
 * @param maxLineBytes longer lines are cut to this length and counted as truncated
 * @param inputFormat  the layout of every line ({@code --input-format}), or null to detect it per line
 */
public record AnalysisOptions(GroupBy groupBy, boolean prefilter, int maxLineBytes, InputFormat inputFormat) {

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(GroupBy.NONE, true, LineScanner.DEFAULT_MAX_LINE_BYTES, null);
    }

    public AnalysisOptions withPrefilter(boolean on) {
        return new AnalysisOptions(groupBy, on, maxLineBytes, inputFormat);
    }
}
