package io.oteldoctor.report;

import io.oteldoctor.diagnosis.Diagnosis;
import io.oteldoctor.ingest.SourceAccounting;
import java.util.List;

/**
 * The result of one run, as every renderer sees it. Its JSON form is public API, versioned by
 * {@link #SCHEMA} and documented in docs/report-schema.md.
 */
public record Report(String schema, Tool tool, String groupBy, Input input, List<Group> groups, Stats stats) {

    /** Bump the major number on any change that can break a consumer. */
    public static final String SCHEMA = "otel-doctor/report/1";

    public record Tool(String name, String version) {
    }

    /** Line accounting: every line read is parsed, skipped or unrecognized, per source. */
    public record Input(boolean complete, Totals totals, List<SourceAccounting> sources, List<Problem> problems) {
    }

    public record Totals(int sources, long read, long parsed, long skipped, long unrecognized, long truncated, long bytes) {
    }

    /** An input that could not be read at all, or only in part. */
    public record Problem(String source, String message) {
    }

    /** Diagnoses for one group (the whole input, one file, or one host), best first. */
    public record Group(String key, List<Diagnosis> diagnoses) {
    }

    /**
     * How the run went: records the prefilter let through, signals the rules saw, time taken, how
     * much was read and how fast, the heap it needed and where the time went. Timings cover the
     * analysis only: JVM start and loading the rulebase come before it.
     *
     * @param megabytesPerSecond input bytes per second of {@code elapsedMillis}, in MiB (2^20 bytes), one decimal
     * @param peakHeapBytes      the sum of each heap pool's peak use in this JVM, an upper bound of the peak heap
     * @param threads            threads that scanned input: 2 when a log was scanned in pieces by two workers
     */
    public record Stats(long candidateRecords, long signals, long elapsedMillis, long linesRead, long bytesRead,
                        long linesPerSecond, double megabytesPerSecond, long peakHeapBytes, int threads, StageMillis stageMillis) {
    }

    /**
     * Milliseconds per pipeline stage, summed over the threads that ran it, so with two scanning
     * threads {@code scan} can exceed the wall time.
     *
     * @param scan    reading, splitting lines, assembling records and the prefilter
     * @param parse   parsing candidate records and reading them into signals
     * @param rules   the signature rules
     * @param ranking correlation and ranking rules, and assembling the diagnoses
     */
    public record StageMillis(long scan, long parse, long rules, long ranking) {
    }

    public boolean hasDiagnoses() {
        return groups.stream().anyMatch(g -> !g.diagnoses().isEmpty());
    }
}
