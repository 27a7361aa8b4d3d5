package io.oteldoctor.analysis;

import io.oteldoctor.diagnosis.CauseCatalogue;
import io.oteldoctor.diagnosis.DiagnosisAssembler;
import io.oteldoctor.diagnosis.SourceExtent;
import io.oteldoctor.ingest.FileRanges;
import io.oteldoctor.ingest.InputPaths;
import io.oteldoctor.ingest.InputSource;
import io.oteldoctor.ingest.LineFilter;
import io.oteldoctor.ingest.LineScanner;
import io.oteldoctor.ingest.LogOpener;
import io.oteldoctor.ingest.RawRecord;
import io.oteldoctor.ingest.RecordAssembler;
import io.oteldoctor.ingest.SourceAccounting;
import io.oteldoctor.ingest.SourceStats;
import io.oteldoctor.matching.EvidenceLedger;
import io.oteldoctor.matching.RankingSession;
import io.oteldoctor.matching.Rulebase;
import io.oteldoctor.matching.SignatureSession;
import io.oteldoctor.report.Report;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch analysis: reads every source, lets the prefilter drop lines that cannot matter,
 * parses and reads the rest into signals for the rules, then ranks the evidence per group.
 * Sources that fail are reported and the run goes on with the others.
 */
public final class Analyzer {

    /**
     * Looked up when a source fails, not when the class loads: SLF4J's first lookup initialises
     * Logback, which the rulebase threads are doing at the same moment, and the reading thread
     * waited for them there (about 0.1 s of a run) to get a logger it seldom uses.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(Analyzer.class);
    }

    private final Rulebase rulebase;
    private final CauseCatalogue catalogue;
    private final AnalysisOptions options;
    private final String version;
    private final LineFilter filter;

    public Analyzer(Rulebase rulebase, CauseCatalogue catalogue, AnalysisOptions options, String version) {
        this.rulebase = rulebase;
        this.catalogue = catalogue;
        this.options = options;
        this.version = version;
        this.filter = options.prefilter() ? rulebase.prefilter() : LineFilter.ALL;
    }

    public Report analyze(List<InputSource> sources, List<InputPaths.Problem> pathProblems) {
        StageClock clock = new StageClock();
        List<SourceAccounting> accounting = new ArrayList<>();
        try (SignatureSession session = new SignatureSession(rulebase, options.remember())) {
            Pipeline pipeline = new Pipeline(session, clock);
            for (InputSource source : sources) {
                if (!readInTwo(source, accounting, pipeline)) {
                    long readStart = System.nanoTime();
                    read(source, accounting, pipeline);
                    clock.reading(System.nanoTime() - readStart);
                }
            }
            Set<String> groups = pipeline.groups;
            if (options.groupBy() == GroupBy.NONE) {
                groups.add(GroupBy.NONE.groupOf(null, null));
            }
            long rulesStart = System.nanoTime();
            EvidenceLedger ledger = session.ledger();
            long rankingStart = System.nanoTime();
            clock.rules(rankingStart - rulesStart);
            groups.addAll(ledger.groups());
            RankingSession ranking = new RankingSession(rulebase);
            List<SourceExtent> extents = accounting.stream().map(a -> new SourceExtent(a.source(), a.read())).toList();
            DiagnosisAssembler assembler = new DiagnosisAssembler(catalogue);
            List<Report.Group> reportGroups = new ArrayList<>();
            for (String group : groups) {
                RankingSession.Result result = ranking.rank(ledger.evidence(group), ledger.components(group), extents);
                reportGroups.add(new Report.Group(group,
                        assembler.assemble(result.hypotheses(), result.evidence(), ledger.components(group))));
            }
            List<Report.Problem> problems = new ArrayList<>();
            for (InputPaths.Problem p : pathProblems) {
                problems.add(new Report.Problem(p.path(), p.message()));
            }
            clock.ranking(System.nanoTime() - rankingStart);
            Report.Input input = input(accounting, problems);
            return new Report(Report.SCHEMA, new Report.Tool("otel-doctor", version), options.groupBy().id(), input, reportGroups,
                    clock.stats(pipeline.candidates, pipeline.signals, input.totals().read(), input.totals().bytes(), pipeline.threads));
        }
    }

    /**
     * What happens to a candidate record, on the one thread that owns the rule session: parse it,
     * read it into a signal, hand that to the rules. Records must arrive in input order, which is
     * what makes a file read in two ranges give the result of one read from the top.
     */
    private final class Pipeline {
        final CandidateReader reader = new CandidateReader(options);
        final Set<String> groups = new LinkedHashSet<>();
        final SignatureSession session;
        final StageClock clock;
        long candidates;
        long signals;
        int threads = 1;

        Pipeline(SignatureSession session, StageClock clock) {
            this.session = session;
            this.clock = clock;
        }

        /** A log starts (the source itself, or an archive entry): its assembler feeds this pipeline. */
        RecordAssembler assembler(String logName, SourceStats stats) {
            if (options.groupBy() == GroupBy.FILE) {
                groups.add(logName);
            }
            return new RecordAssembler(logName, stats, raw -> record(raw, logName, stats), hosts());
        }

        Consumer<String> hosts() {
            return options.groupBy() == GroupBy.HOST ? groups::add : null;
        }

        void record(RawRecord raw, String logName, SourceStats stats) {
            long parseStart = System.nanoTime();
            Reading reading = reader.read(raw, logName, stats);
            long rulesStart = System.nanoTime();
            clock.parse(rulesStart - parseStart);
            accept(reading);
            clock.rules(System.nanoTime() - rulesStart);
        }

        /** A candidate record read here or by the thread reading a second range, in input order. */
        void accept(Reading reading) {
            candidates++;
            if (reading.recognized() && options.groupBy() == GroupBy.HOST) {
                groups.add(reading.group());
            }
            if (reading.signal() != null) {
                signals++;
                session.accept(reading.signal());
            }
        }
    }

    /**
     * Reads every log in a source. A failure keeps what was read before it and marks the log it
     * happened in (or the source, if no log had started) as incomplete; the run goes on.
     */
    private void read(InputSource source, List<SourceAccounting> accounting, Pipeline pipeline) {
        LineScanner scanner = new LineScanner(options.maxLineBytes(), filter);
        SourceStats[] current = {null};
        RecordAssembler[] assembler = {null};
        try (InputStream in = source.open()) {
            LogOpener.open(source.name(), in, (name, stream) -> {
                current[0] = new SourceStats(name);
                assembler[0] = pipeline.assembler(name, current[0]);
                scanner.scan(stream, assembler[0]);
                accounting.add(current[0].snapshot());
                current[0] = null;
            }, options.threads() > 1);
        } catch (IOException | RuntimeException e) {
            String message = describe(e);
            log().warn("{}: {}", current[0] == null ? source.name() : current[0].source(), message);
            SourceStats failed = current[0];
            if (failed == null) {
                failed = new SourceStats(source.name());
            } else {
                assembler[0].end();
            }
            failed.failed(message);
            accounting.add(failed.snapshot());
        }
    }

    /**
     * Reads a large uncompressed file as two ranges at once, cut at a line where a record starts
     * whatever came before it. This thread reads the first range into the rules as usual; another
     * reads the second, numbering its lines from its own start, parses its candidate records and
     * hands what they say over in order, renumbered once the first range's line count is known. The rules see the same
     * records in the same order as when one thread reads the file from the top.
     *
     * @return false, having read nothing, when the source is not such a file
     */
    private boolean readInTwo(InputSource source, List<SourceAccounting> accounting, Pipeline pipeline) {
        if (options.threads() < 2 || source.file().isEmpty()) {
            return false;
        }
        Path path = source.file().get();
        long split;
        try {
            long size = Files.isRegularFile(path) ? Files.size(path) : -1;
            if (size < Math.max(options.splitFromBytes(), 4)) {
                return false;
            }
            byte[] head = head(path);
            if (!LogOpener.isPlain(head) || !options.splitDense() && candidateDense(head)) {
                return false;
            }
            split = FileRanges.middle(path, size, options.maxLineBytes());
        } catch (IOException e) {
            return false; // the ordinary read reports it
        }
        if (split < 0) {
            return false;
        }
        long started = System.nanoTime();
        String name = source.name();
        pipeline.threads = 2;
        SourceStats first = new SourceStats(name);
        SourceStats second = new SourceStats(name);
        Handoff handoff = new Handoff(Math.min(MAX_HANDOFF_BYTES, Runtime.getRuntime().maxMemory() / 8));
        long[] secondScanNanos = {0};
        long[] secondParseNanos = {0};
        Thread reader = new Thread(() -> {
            long start = System.nanoTime();
            Throwable failure = null;
            CandidateReader own = new CandidateReader(options);
            try (InputStream in = FileRanges.from(path, split)) {
                new LineScanner(options.maxLineBytes(), filter).scan(in, new RecordAssembler(name, second, raw -> {
                    long parseStart = System.nanoTime();
                    Reading reading = own.read(raw, name, second);
                    secondParseNanos[0] += System.nanoTime() - parseStart;
                    handoff.reading(reading);
                }, options.groupBy() == GroupBy.HOST ? handoff::host : null));
            } catch (CancellationException e) {
                // the first range failed; nothing of this one is used
            } catch (Throwable e) {
                failure = e;
            }
            secondScanNanos[0] = System.nanoTime() - start - handoff.producerWaitNanos() - secondParseNanos[0];
            handoff.finish(failure);
        }, "otel-doctor-second-range");
        reader.setDaemon(true);
        reader.start();
        RecordAssembler assembler = pipeline.assembler(name, first);
        String failure = null;
        try {
            try (InputStream in = FileRanges.range(path, 0, split)) {
                new LineScanner(options.maxLineBytes(), filter).scan(in, assembler);
            } catch (IOException | RuntimeException e) {
                assembler.end();
                throw e;
            }
            long offset = assembler.lines();
            for (Handoff.Item item = handoff.take(); item != null; item = handoff.take()) {
                if (item instanceof Handoff.Read r) {
                    long rulesStart = System.nanoTime();
                    pipeline.accept(r.reading().shifted(offset));
                    pipeline.clock.rules(System.nanoTime() - rulesStart);
                } else if (item instanceof Handoff.Host h) {
                    pipeline.groups.add(h.name());
                }
            }
            join(reader);
            first.absorb(second);
            Throwable late = handoff.failure();
            if (late instanceof Error error) {
                throw error;
            }
            if (late != null) {
                failure = describe((Exception) late);
            }
        } catch (IOException | RuntimeException e) {
            handoff.cancel();
            join(reader);
            failure = describe(e);
        }
        if (failure != null) {
            log().warn("{}: {}", name, failure);
            first.failed(failure);
        }
        accounting.add(first.snapshot());
        pipeline.clock.reading(System.nanoTime() - started - handoff.consumerWaitNanos());
        pipeline.clock.otherScanning(secondScanNanos[0]);
        pipeline.clock.otherParse(secondParseNanos[0]);
        return true;
    }

    /**
     * Whether more than one line in {@value #DENSE_ONE_IN} of the file's head may matter. The rules
     * run on this thread only, so when candidates are that common a second reader adds work here
     * (handing its records over) without taking enough off; on two vCPUs a log of 10 % errors read
     * slower in two ranges than in one, while one of 1.5 % read faster. Either way the result is the same.
     */
    private boolean candidateDense(byte[] head) {
        long lines = 0;
        long candidates = 0;
        int start = 0;
        for (int i = 0; i < head.length; i++) {
            if (head[i] == '\n') {
                lines++;
                candidates += filter.mayMatter(head, start, i) ? 1 : 0;
                start = i + 1;
            }
        }
        return lines > 0 && candidates * DENSE_ONE_IN > lines;
    }

    private static final int DENSITY_SAMPLE_BYTES = 1 << 20;
    private static final int DENSE_ONE_IN = 20;

    /** While the first range is read, the second range's candidates wait in at most this much heap. */
    private static final long MAX_HANDOFF_BYTES = 32L << 20;

    /** Enough of the file to tell plain text from compressed data, and to sample how dense its candidates are. */
    private static byte[] head(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(Math.max(LogOpener.headBytes(), DENSITY_SAMPLE_BYTES));
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while the second range was read");
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.io.EOFException || e instanceof java.util.zip.ZipException) {
            return "compressed data is truncated or corrupt (" + e.getMessage() + ")";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Report.Input input(List<SourceAccounting> sources, List<Report.Problem> problems) {
        long read = 0;
        long parsed = 0;
        long skipped = 0;
        long unrecognized = 0;
        long truncated = 0;
        long bytes = 0;
        boolean complete = problems.isEmpty();
        for (SourceAccounting s : sources) {
            read += s.read();
            parsed += s.parsed();
            skipped += s.skipped();
            unrecognized += s.unrecognized();
            truncated += s.truncated();
            bytes += s.bytes();
            complete &= s.complete();
        }
        return new Report.Input(complete, new Report.Totals(sources.size(), read, parsed, skipped, unrecognized, truncated, bytes),
                sources, problems);
    }
}
