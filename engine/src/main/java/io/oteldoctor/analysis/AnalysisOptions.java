package io.oteldoctor.analysis;

import io.oteldoctor.ingest.InputFormat;
import io.oteldoctor.ingest.LineScanner;

/**
 * @param prefilter      use the rule-derived prefilter (off only to check that it changes nothing)
 * @param maxLineBytes   longer lines are cut to this length and counted as truncated
 * @param inputFormat    the layout of every line ({@code --input-format}), or null to detect it per line
 * @param threads        threads that may scan one plain file: 1 reads every source from the top; 2 reads a
 *                       large uncompressed file as two ranges at once, with the same result
 * @param splitFromBytes the smallest file worth reading as two ranges
 * @param splitDense     read as two ranges even a file whose head shows many candidate lines, which one
 *                       thread reads faster (on only to test the two-range read on small samples full of failures)
 * @param remember       reuse what a one-line record read as for later records of the same shape, and
 *                       what the rules said about a signal for later signals with the same conditions
 *                       (off only to check that it changes nothing)
 */
public record AnalysisOptions(GroupBy groupBy, boolean prefilter, int maxLineBytes, InputFormat inputFormat, int threads,
                              long splitFromBytes, boolean splitDense, boolean remember) {

    /** Below this a second thread costs more to start than it saves. */
    public static final long DEFAULT_SPLIT_FROM_BYTES = 8L << 20;

    public AnalysisOptions {
        if (threads < 1 || threads > 2) {
            throw new IllegalArgumentException("threads must be 1 or 2, is " + threads);
        }
    }

    /** One thread per core, up to two. */
    public static int defaultThreads() {
        return Math.min(2, Runtime.getRuntime().availableProcessors());
    }

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(GroupBy.NONE, true, LineScanner.DEFAULT_MAX_LINE_BYTES, null, defaultThreads(),
                DEFAULT_SPLIT_FROM_BYTES, false, true);
    }

    public AnalysisOptions withPrefilter(boolean on) {
        return new AnalysisOptions(groupBy, on, maxLineBytes, inputFormat, threads, splitFromBytes, splitDense, remember);
    }

    public AnalysisOptions withThreads(int n, long fromBytes) {
        return new AnalysisOptions(groupBy, prefilter, maxLineBytes, inputFormat, n, fromBytes, splitDense, remember);
    }

    public AnalysisOptions withGroupBy(GroupBy by) {
        return new AnalysisOptions(by, prefilter, maxLineBytes, inputFormat, threads, splitFromBytes, splitDense, remember);
    }

    public AnalysisOptions withDenseSplitting(boolean on) {
        return new AnalysisOptions(groupBy, prefilter, maxLineBytes, inputFormat, threads, splitFromBytes, on, remember);
    }

    public AnalysisOptions withRemembering(boolean on) {
        return new AnalysisOptions(groupBy, prefilter, maxLineBytes, inputFormat, threads, splitFromBytes, splitDense, on);
    }
}
