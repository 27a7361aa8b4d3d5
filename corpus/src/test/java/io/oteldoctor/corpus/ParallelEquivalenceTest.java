package io.oteldoctor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldoctor.analysis.AnalysisOptions;
import io.oteldoctor.analysis.Analyzer;
import io.oteldoctor.analysis.GroupBy;
import io.oteldoctor.ingest.InputSource;
import io.oteldoctor.matching.Rulebase;
import io.oteldoctor.report.Report;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A log read in pieces by worker threads must give the report one thread reading it from the top
 * gives: same diagnoses, same evidence lines and numbers, same line accounting. Every sample is
 * cut into pieces of a few hundred bytes (so most samples have several), with every grouping, and
 * so are logs built from samples of all layouts, with multi-line records, in which the cuts fall
 * anywhere; read as plain files, from a pipe, gzipped, and gzipped then truncated.
 */
class ParallelEquivalenceTest {

    private static final Rulebase RULEBASE = Rulebase.bundled();
    private static final AtomicInteger CUT = new AtomicInteger();
    private static final AtomicInteger RUNS = new AtomicInteger();

    @TempDir
    static Path dir;

    static Stream<LabelledLog> logs() {
        return Corpus.all().stream();
    }

    private static Report analyze(InputSource source, AnalysisOptions options) {
        return new Analyzer(RULEBASE, Corpus.CATALOGUE, options, "test").analyze(List.of(source), List.of());
    }

    private static Report analyze(Path file, AnalysisOptions options) {
        return analyze(InputSource.file(file, file.getFileName().toString()), options);
    }

    private static void assertSameReport(Path file, GroupBy groupBy, int pieceBytes) throws IOException {
        AnalysisOptions base = AnalysisOptions.defaults().withGroupBy(groupBy).withPieceBytes(pieceBytes);
        Report one = analyze(file, base.withThreads(1));
        String name = file.getFileName() + " by " + groupBy;
        assertEquals(1, one.stats().threads(), name);
        assertSame(one, analyze(file, base.withThreads(2)), name);
        byte[] bytes = Files.readAllBytes(file);
        Report piped = analyze(InputSource.stdin(new ByteArrayInputStream(bytes)), base.withThreads(2));
        assertSame(analyze(InputSource.stdin(new ByteArrayInputStream(bytes)), base.withThreads(1)), piped, name + " piped");
        byte[] gz = gzip(bytes);
        for (byte[] data : List.of(gz, Arrays.copyOf(gz, gz.length * 2 / 3))) {
            Path compressed = Files.write(dir.resolve(file.getFileName() + (data == gz ? ".gz" : ".truncated.gz")), data);
            assertSame(analyze(compressed, base.withThreads(1)), analyze(compressed, base.withThreads(2)), compressed.getFileName() + " by " + groupBy);
        }
    }

    private static void assertSame(Report one, Report two, String name) {
        assertEquals(one.input(), two.input(), name);
        assertEquals(one.groups(), two.groups(), name);
        assertEquals(one.stats().candidateRecords(), two.stats().candidateRecords(), name);
        assertEquals(one.stats().signals(), two.stats().signals(), name);
        assertEquals(one.stats().linesRead(), two.stats().linesRead(), name);
        assertEquals(one.stats().bytesRead(), two.stats().bytesRead(), name);
        RUNS.incrementAndGet();
        if (two.stats().threads() == 2) {
            CUT.incrementAndGet();
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void everySampleInPieces(LabelledLog log) throws IOException {
        Path file = Files.writeString(dir.resolve(log.name().replace('/', '_')), log.log(), StandardCharsets.UTF_8);
        int pieceBytes = 1 + Math.floorMod(log.name().hashCode(), 400);
        for (GroupBy by : GroupBy.values()) {
            assertSameReport(file, by, pieceBytes);
        }
    }

    /** Samples of every layout end to end, so cuts are sought inside stack traces, journal entries and partial lines. */
    @Test
    void mixedLogsInPieces() throws IOException {
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
            assertSameReport(file, seed % 3 == 0 ? GroupBy.HOST : GroupBy.NONE, 1 + random.nextInt(2000));
        }
    }

    /** Above the default piece size, with the default options a user gets. */
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
        long size = 3L * AnalysisOptions.DEFAULT_PIECE_BYTES + (1 << 20);
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
        assertSameReport(file, GroupBy.NONE, AnalysisOptions.DEFAULT_PIECE_BYTES);
        Report two = analyze(file, AnalysisOptions.defaults().withThreads(2));
        assertEquals(2, two.stats().threads(), "a log of several pieces is read by the workers");
        assertTrue(two.hasDiagnoses());
    }

    /**
     * Lines longer than the scanner keeps, which no cut may sit beside, and a stack trace longer than
     * the search for a cut, after which the rest of the log is read on the reading thread.
     */
    @Test
    void overLongLinesAndARecordLongerThanTheSearch() throws IOException {
        List<String> failing = new ArrayList<>();
        for (LabelledLog log : Corpus.all()) {
            if (!log.expect().equals(LabelledLog.NONE) && log.log().startsWith("20")) {
                failing.add(log.log().endsWith("\n") ? log.log() : log.log() + "\n");
            }
        }
        Random random = new Random(5);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            text.append(failing.get(random.nextInt(failing.size())));
            if (i % 7 == 0) {
                text.append("2025-06-10T09:00:00.000Z\tinfo\tx.go:1\t").append("y".repeat(1500 + random.nextInt(3000))).append('\n');
            }
        }
        String trace = "\tgo.opentelemetry.io/collector/exporter/exporterhelper.(*retrySender).send(0xc000123456)\n";
        StringBuilder longTrace = new StringBuilder(text).append("2025-06-10T09:00:01.000Z\terror\tx.go:2\tpanic: boom\n");
        while (longTrace.length() < text.length() + (17 << 20)) {
            longTrace.append(trace);
        }
        longTrace.append(text);
        AnalysisOptions options = new AnalysisOptions(GroupBy.NONE, true, 1024, null, 2, 700, true);
        for (String log : List.of(text.toString(), longTrace.toString())) {
            Path file = Files.writeString(dir.resolve("long-" + log.length() + ".log"), log, StandardCharsets.UTF_8);
            Report one = analyze(file, options.withThreads(1));
            Report two = analyze(file, options);
            assertTrue(one.input().totals().truncated() > 0, "some lines are longer than the scanner keeps");
            assertEquals(2, two.stats().threads());
            assertSame(one, two, file.getFileName().toString());
        }
    }

    @AfterAll
    static void mostInputsWereReallyCut() {
        // a sample of one record, or whose only cuts lie in a stack trace to its end, is read in one piece
        assertTrue(CUT.get() * 10 >= RUNS.get() * 7, CUT + " of " + RUNS + " runs read the input in pieces");
    }
}
