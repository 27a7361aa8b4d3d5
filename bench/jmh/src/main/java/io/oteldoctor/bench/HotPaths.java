package io.oteldoctor.bench;

import io.oteldoctor.ingest.LineScanner;
import io.oteldoctor.ingest.LineSink;
import io.oteldoctor.ingest.LogRecord;
import io.oteldoctor.ingest.RawRecord;
import io.oteldoctor.ingest.RecordAssembler;
import io.oteldoctor.ingest.RecordParser;
import io.oteldoctor.ingest.SourceStats;
import io.oteldoctor.matching.Prefilter;
import io.oteldoctor.matching.Rulebase;
import io.oteldoctor.matching.SignatureSession;
import io.oteldoctor.signature.Envelope;
import io.oteldoctor.signature.Signal;
import io.oteldoctor.signature.SignatureExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The stages a large log goes through, each alone, on a seeded console log like the one
 * bench/generate.py writes (debug-exporter and memory-limiter noise, 1.5 % failures). Scores are
 * milliseconds per pass: over the 8 MiB log for the scanning stages, over all of its candidate
 * records or signals for the others, so a change to one stage shows without JVM start or the
 * other stages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotPaths {

    private static final String RESOURCE = "\"resource\": {\"service.instance.id\": \"6b1f0c2e-4d3a-4e5f-9a7b-1c2d3e4f5a6b\", "
            + "\"service.name\": \"otelcol-contrib\", \"service.version\": \"0.130.0\"}";
    private static final String[] FAILURES = {
        "rpc error: code = Unavailable desc = connection error: desc = \\\"transport: Error while dialing: dial tcp 10.20.30.40:4317: connect: connection refused\\\"",
        "rpc error: code = Unavailable desc = connection error: desc = \\\"transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown authority\\\"",
        "rpc error: code = DeadlineExceeded desc = context deadline exceeded",
        "Permanent error: rpc error: code = Unauthenticated desc = error exporting items, request to https://otlp.vendor.example/v1/traces responded with HTTP Status Code 401",
    };

    byte[] log;
    int[] lineStarts;
    int[] lineEnds;
    Prefilter prefilter;
    Rulebase rulebase;
    List<RawRecord> candidates;
    List<Signal> signals;
    final int[] marks = new int[(1 << 17) + 1];

    @Setup
    public void setUp() throws IOException {
        log = generate(8 << 20, new Random(42)).getBytes(StandardCharsets.UTF_8);
        List<int[]> lines = new ArrayList<>();
        new LineScanner().scan(new ByteArrayInputStream(log), (buf, s, e, cut, mayMatter) -> lines.add(new int[] {s, e}));
        // the scanner's buffer is larger than the log, so offsets index the log itself
        lineStarts = lines.stream().mapToInt(l -> l[0]).toArray();
        lineEnds = lines.stream().mapToInt(l -> l[1]).toArray();
        rulebase = Rulebase.bundled();
        prefilter = rulebase.prefilter();
        candidates = new ArrayList<>();
        new LineScanner(LineScanner.DEFAULT_MAX_LINE_BYTES, prefilter)
                .scan(new ByteArrayInputStream(log), new RecordAssembler("bench.log", new SourceStats("bench.log"), candidates::add));
        signals = new ArrayList<>();
        RecordParser parser = new RecordParser(null);
        SignatureExtractor extractor = new SignatureExtractor();
        for (RawRecord raw : candidates) {
            LogRecord record = parser.parse(raw);
            Signal signal = record == null ? null : extractor.extract(record, "all");
            if (signal != null && (signal.hasCause() || signal.getEnvelope() != Envelope.NONE)) {
                signals.add(signal);
            }
        }
    }

    static String generate(int size, Random random) {
        StringBuilder out = new StringBuilder(size + 1024);
        long millis = 0;
        while (out.length() < size) {
            millis += 1 + random.nextInt(40);
            String ts = String.format("2025-06-10T09:%02d:%02d.%03dZ", millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
            double r = random.nextDouble();
            if (r < 0.015) {
                out.append(ts).append("\terror\tinternal/retry_sender.go:133\tExporting failed. Will retry the request after interval.\t{")
                        .append(RESOURCE).append(", \"otelcol.component.id\": \"otlp/backend\", \"otelcol.component.kind\": \"exporter\", ")
                        .append("\"otelcol.signal\": \"traces\", \"error\": \"").append(FAILURES[random.nextInt(FAILURES.length)])
                        .append("\", \"interval\": \"").append(2 + random.nextInt(28)).append(".5s\"}\n");
            } else if (r < 0.62) {
                out.append(ts).append("\tinfo\tdebugexporter@v0.130.0/exporter.go:64\tTraces\t{").append(RESOURCE)
                        .append(", \"otelcol.component.id\": \"debug\", \"otelcol.component.kind\": \"exporter\", \"resource spans\": ")
                        .append(1 + random.nextInt(8)).append(", \"spans\": ").append(1 + random.nextInt(400)).append("}\n");
            } else {
                out.append(ts).append("\tdebug\tmemorylimiter/memorylimiter.go:236\tCurrently used memory.\t{").append(RESOURCE)
                        .append(", \"otelcol.component.kind\": \"processor\", \"cur_mem_mib\": ").append(200 + random.nextInt(700)).append("}\n");
            }
        }
        return out.toString();
    }

    /** Splitting 8 MiB into lines, nothing else: the floor for every scanning stage. */
    @Benchmark
    public long scanLines() throws IOException {
        long[] n = {0};
        new LineScanner().scan(new ByteArrayInputStream(log), (buf, s, e, cut, mayMatter) -> n[0]++);
        return n[0];
    }

    /** The trigger automaton over every line of 8 MiB. */
    @Benchmark
    public int prefilter() {
        int passed = 0;
        for (int i = 0; i < lineStarts.length; i++) {
            if (prefilter.mayMatter(log, lineStarts[i], lineEnds[i])) {
                passed++;
            }
        }
        return passed;
    }

    /** The trigger automaton over 8 MiB as the scanner runs it: whole windows of lines, line ends found in the same walk. */
    @Benchmark
    public int markLines() {
        int passed = 0;
        int from = 0;
        while (from < log.length) {
            int to = Math.min(log.length, from + (1 << 17));
            while (log[to - 1] != '\n') {
                to++;
            }
            int n = prefilter.markLines(log, from, to, marks);
            for (int k = 0; k < n; k++) {
                passed += marks[k] >>> 31;
            }
            from = to;
        }
        return passed;
    }

    /** The whole scan stage: lines, record assembly and the prefilter, as one thread runs it. */
    @Benchmark
    public long scanStage() throws IOException {
        long[] n = {0};
        LineSink sink = new RecordAssembler("bench.log", new SourceStats("bench.log"), raw -> n[0]++);
        new LineScanner(LineScanner.DEFAULT_MAX_LINE_BYTES, prefilter).scan(new ByteArrayInputStream(log), sink);
        return n[0];
    }

    /** Parsing the candidate records and reading them into signals, with the per-run caches starting empty as in a run. */
    @Benchmark
    public void parseAndRead(Blackhole hole) {
        RecordParser parser = new RecordParser(null);
        SignatureExtractor extractor = new SignatureExtractor();
        for (RawRecord raw : candidates) {
            LogRecord record = parser.parse(raw);
            hole.consume(record == null ? null : extractor.extract(record, "all"));
        }
    }

    /** The signature rules over the log's signals, in batches as the analyzer runs them. */
    @Benchmark
    public Object ruleSession() {
        try (SignatureSession session = new SignatureSession(rulebase)) {
            for (Signal s : signals) {
                session.accept(s);
            }
            return session.ledger();
        }
    }
}
