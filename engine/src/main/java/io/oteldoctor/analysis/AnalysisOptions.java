package io.oteldoctor.analysis;

import io.oteldoctor.ingest.InputFormat;
import io.oteldoctor.ingest.LineScanner;

/**
 * @param prefilter      use the rule-derived prefilter (off only to check that it changes nothing)
 * @param maxLineBytes   longer lines are cut to this length and counted as truncated
 * @param inputFormat    the layout of every line ({@code --input-format}), or null to detect it per line
 * @param threads        threads that scan a log: 1 reads every log from the top on one thread; 2 cuts a log
 *                       longer than a piece into pieces that two worker threads scan while this one
 *                       reads (and decompresses) the input and applies the pieces to the rules in order,
 *                       with the same result
 * @param pieceBytes     where a log is cut into pieces (the first line at or after this many bytes that
 *                       starts a record whatever came before it); small only to test the cutting
 * @param remember       reuse what a one-line record read as for later records of the same shape, and
 *                       what the rules said about a signal for later signals with the same conditions
 *                       (off only to check that it changes nothing)
 */
public record AnalysisOptions(GroupBy groupBy, boolean prefilter, int maxLineBytes, InputFormat inputFormat, int threads,
                              int pieceBytes, boolean remember) {

    /**
     * Large enough that handing a piece over costs little beside scanning it, and that a log smaller
     * than this (which is read on one thread) takes no longer than starting the workers would save.
     */
    public static final int DEFAULT_PIECE_BYTES = 4 << 20;

    public AnalysisOptions {
        if (threads < 1 || threads > 2) {
            throw new IllegalArgumentException("threads must be 1 or 2, is " + threads);
        }
        if (pieceBytes < 1) {
            throw new IllegalArgumentException("pieceBytes must be positive, is " + pieceBytes);
        }
    }

    /** One thread per core, up to two. */
    public static int defaultThreads() {
        return Math.min(2, Runtime.getRuntime().availableProcessors());
    }

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(GroupBy.NONE, true, LineScanner.DEFAULT_MAX_LINE_BYTES, null, defaultThreads(),
                DEFAULT_PIECE_BYTES, true);
    }

    public AnalysisOptions withPrefilter(boolean on) {
        return new AnalysisOptions(groupBy, on, maxLineBytes, inputFormat, threads, pieceBytes, remember);
    }

    public AnalysisOptions withThreads(int n) {
        return new AnalysisOptions(groupBy, prefilter, maxLineBytes, inputFormat, n, pieceBytes, remember);
    }

    public AnalysisOptions withPieceBytes(int bytes) {
        return new AnalysisOptions(groupBy, prefilter, maxLineBytes, inputFormat, threads, bytes, remember);
    }

    public AnalysisOptions withGroupBy(GroupBy by) {
        return new AnalysisOptions(by, prefilter, maxLineBytes, inputFormat, threads, pieceBytes, remember);
    }

    public AnalysisOptions withRemembering(boolean on) {
        return new AnalysisOptions(groupBy, prefilter, maxLineBytes, inputFormat, threads, pieceBytes, on);
    }
}
