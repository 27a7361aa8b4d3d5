package io.oteldoctor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldoctor.analysis.AnalysisOptions;
import io.oteldoctor.analysis.Analyzer;
import io.oteldoctor.analysis.GroupBy;
import io.oteldoctor.ingest.InputSource;
import io.oteldoctor.matching.Rulebase;
import io.oteldoctor.report.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A plain file read as two ranges on two threads must give the report one thread reading it from
 * the top gives: same diagnoses, same evidence lines and numbers, same line accounting. Every
 * sample is split (the size threshold is lifted, and so is the rule that reads a file full of
 * failures in one range), with every grouping, and so are logs built from samples of all
 * layouts, with multi-line records, in which the middle falls anywhere.
 */
class ParallelEquivalenceTest {

    private static final Rulebase RULEBASE = Rulebase.bundled();
    private static final AtomicInteger SPLIT = new AtomicInteger();
    private static final AtomicInteger RUNS = new AtomicInteger();

    @TempDir
    static Path dir;

    static Stream<LabelledLog> logs() {
        return Corpus.all().stream();
    }

    private static Report analyze(Path file, AnalysisOptions options) {
        return new Analyzer(RULEBASE, Corpus.CATALOGUE, options, "test")
                .analyze(List.of(InputSource.file(file, file.getFileName().toString())), List.of());
    }

    private static void assertSameReport(Path file, GroupBy groupBy, long splitFrom) {
        AnalysisOptions base = AnalysisOptions.defaults().withGroupBy(groupBy).withDenseSplitting(true);
        Report one = analyze(file, base.withThreads(1, splitFrom));
        Report two = analyze(file, base.withThreads(2, splitFrom));
        String name = file.getFileName() + " by " + groupBy;
        assertEquals(1, one.stats().threads(), name);
        assertEquals(one.input(), two.input(), name);
        assertEquals(one.groups(), two.groups(), name);
        assertEquals(one.stats().candidateRecords(), two.stats().candidateRecords(), name);
        assertEquals(one.stats().signals(), two.stats().signals(), name);
        assertEquals(one.stats().linesRead(), two.stats().linesRead(), name);
        assertEquals(one.stats().bytesRead(), two.stats().bytesRead(), name);
        RUNS.incrementAndGet();
        if (two.stats().threads() == 2) {
            SPLIT.incrementAndGet();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void everySampleSplitInTheMiddle(LabelledLog log) throws IOException {
        Path file = Files.writeString(dir.resolve(log.name().replace('/', '_')), log.log(), StandardCharsets.UTF_8);
        for (GroupBy by : GroupBy.values()) {
            assertSameReport(file, by, 0);
        }
    }

    /** Samples of every layout end to end, so the middle lands inside stack traces, journal entries and partial lines. */
    @Test
    void mixedLogsSplitAnywhere() throws IOException {
        List<LabelledLog> all = Corpus.all();
        for (int seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder();
            for (int n = 2 + random.nextInt(12); n > 0; n--) {
                String log = all.get(random.nextInt(all.size())).log();
                text.append(log);
                if (!log.endsWith("\n")) {
                    text.append('\n');
                }
            }
            Path file = Files.writeString(dir.resolve("mixed-" + seed + ".log"), text, StandardCharsets.UTF_8);
            assertSameReport(file, seed % 3 == 0 ? GroupBy.HOST : GroupBy.NONE, 0);
        }
    }

    /** Above the default threshold, with the default options a user gets. */
    @Test
    void largeGeneratedLogWithDefaultOptions() throws IOException {
        List<LabelledLog> all = Corpus.all();
        Random random = new Random(42);
        Path file = dir.resolve("large.log");
        List<String> failing = new ArrayList<>();
        for (LabelledLog log : all) {
            if (!log.expect().equals(LabelledLog.NONE) && !log.log().startsWith("{") && log.log().startsWith("20")) {
                failing.add(log.log());
            }
        }
        StringBuilder text = new StringBuilder();
        long size = AnalysisOptions.DEFAULT_SPLIT_FROM_BYTES + (1 << 20);
        while (text.length() < size) {
            if (random.nextInt(400) == 0) {
                text.append(failing.get(random.nextInt(failing.size())));
            } else {
                text.append(String.format("2025-06-10T09:%02d:%02d.%03dZ\tinfo\tdebugexporter@v0.130.0/exporter.go:64\tTraces\t"
                        + "{\"otelcol.component.id\": \"debug\", \"otelcol.component.kind\": \"exporter\", \"spans\": %d}%n",
                        random.nextInt(60), random.nextInt(60), random.nextInt(1000), random.nextInt(400)));
            }
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertSameReport(file, GroupBy.NONE, AnalysisOptions.DEFAULT_SPLIT_FROM_BYTES);
        Report two = analyze(file, AnalysisOptions.defaults().withThreads(2, AnalysisOptions.DEFAULT_SPLIT_FROM_BYTES));
        assertEquals(2, two.stats().threads(), "a large plain file is read as two ranges");
        assertTrue(two.hasDiagnoses());
    }

    /** A large file where every tenth line is a failure is read by one thread, which is faster there. */
    @Test
    void largeFailureDenseLogIsReadInOneRange() throws IOException {
        Path file = dir.resolve("dense.log");
        StringBuilder text = new StringBuilder();
        String failure = "2025-06-10T09:00:00.023Z\terror\tinternal/retry_sender.go:133\tExporting failed. Will retry the request "
                + "after interval.\t{\"otelcol.component.id\": \"otlp\", \"otelcol.component.kind\": \"exporter\", \"error\": \"rpc error: "
                + "code = Unavailable desc = connection error: desc = \\\"transport: Error while dialing: dial tcp 10.0.0.7:4317: connect: "
                + "connection refused\\\"\", \"interval\": \"5.1s\"}";
        for (int i = 0; text.length() < AnalysisOptions.DEFAULT_SPLIT_FROM_BYTES + (1 << 20); i++) {
            text.append(i % 10 == 0 ? failure : String.format("2025-06-10T09:00:%02d.000Z\tinfo\tdebugexporter@v0.130.0/exporter.go:64"
                    + "\tTraces\t{\"otelcol.component.id\": \"debug\", \"spans\": %d}", i % 60, i % 400)).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Report defaults = analyze(file, AnalysisOptions.defaults().withThreads(2, AnalysisOptions.DEFAULT_SPLIT_FROM_BYTES));
        assertEquals(1, defaults.stats().threads());
        assertTrue(defaults.hasDiagnoses());
        assertSameReport(file, GroupBy.NONE, AnalysisOptions.DEFAULT_SPLIT_FROM_BYTES);
    }

    @AfterAll
    static void mostInputsWereReallySplit() {
        // a sample of one record, or whose middle falls in a stack trace to its end, is read in one piece
        assertTrue(SPLIT.get() * 10 >= RUNS.get() * 8, SPLIT + " of " + RUNS + " runs split the input");
    }
}
