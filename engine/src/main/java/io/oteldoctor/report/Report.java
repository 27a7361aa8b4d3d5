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

    /** How the run went: records the prefilter let through, signals the rules saw, time taken. */
    public record Stats(long candidateRecords, long signals, long elapsedMillis) {
    }

    public boolean hasDiagnoses() {
        return groups.stream().anyMatch(g -> !g.diagnoses().isEmpty());
    }
}
