package io.oteldoctor.analysis;

import io.oteldoctor.diagnosis.CauseCatalogue;
import io.oteldoctor.diagnosis.DiagnosisAssembler;
import io.oteldoctor.diagnosis.SourceExtent;
import io.oteldoctor.ingest.InputPaths;
import io.oteldoctor.ingest.InputSource;
import io.oteldoctor.ingest.LineFilter;
import io.oteldoctor.ingest.LineScanner;
import io.oteldoctor.ingest.LogOpener;
import io.oteldoctor.ingest.RawRecord;
import io.oteldoctor.ingest.RecordAssembler;
import io.oteldoctor.ingest.SourceAccounting;
import io.oteldoctor.ingest.SourceStats;
import io.oteldoctor.ingest.StreamPieces;
import io.oteldoctor.matching.EvidenceLedger;
import io.oteldoctor.matching.RankingSession;
import io.oteldoctor.matching.Rulebase;
import io.oteldoctor.matching.SignatureSession;
import io.oteldoctor.report.Report;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
        try (SignatureSession session = new SignatureSession(rulebase, options.remember());
             PieceWorkers workers = new PieceWorkers(options, filter, options.threads())) {
            Pipeline pipeline = new Pipeline(session, clock, workers);
            for (InputSource source : sources) {
                long readStart = System.nanoTime();
                read(source, accounting, pipeline);
                clock.reading(System.nanoTime() - readStart);
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
     * what makes a log read in pieces give the result of one read from the top.
     */
    private final class Pipeline {
        final CandidateReader reader = new CandidateReader(options);
        final Set<String> groups = new LinkedHashSet<>();
        final SignatureSession session;
        final StageClock clock;
        final PieceWorkers workers;
        final LineScanner scanner = new LineScanner(options.maxLineBytes(), filter);
        long candidates;
        long signals;
        int threads = 1;

        Pipeline(SignatureSession session, StageClock clock, PieceWorkers workers) {
            this.session = session;
            this.clock = clock;
            this.workers = workers;
        }

        /** A log starts (the source itself, or an archive entry). */
        void logStarts(String logName) {
            if (options.groupBy() == GroupBy.FILE) {
                groups.add(logName);
            }
        }

        /** An assembler that feeds this pipeline from this thread, numbering lines from {@code offset} on. */
        RecordAssembler assembler(String logName, SourceStats stats, long offset) {
            return new RecordAssembler(logName, stats, raw -> record(raw, logName, stats, offset), hosts());
        }

        Consumer<String> hosts() {
            return options.groupBy() == GroupBy.HOST ? groups::add : null;
        }

        void record(RawRecord raw, String logName, SourceStats stats, long offset) {
            long parseStart = System.nanoTime();
            Reading reading = reader.read(raw, logName, stats).shifted(offset);
            long rulesStart = System.nanoTime();
            clock.parse(rulesStart - parseStart);
            accept(reading);
            clock.rules(System.nanoTime() - rulesStart);
        }

        /** A candidate record read here or by a worker thread, in input order. */
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
        SourceStats[] current = {null};
        try (InputStream in = source.open()) {
            LogOpener.open(source.name(), in, (name, stream) -> {
                current[0] = new SourceStats(name);
                pipeline.logStarts(name);
                if (options.threads() > 1) {
                    readInPieces(name, stream, current[0], pipeline);
                } else {
                    readHere(name, stream, current[0], pipeline, 0);
                }
                accounting.add(current[0].snapshot());
                current[0] = null;
            });
        } catch (IOException | RuntimeException e) {
            String message = describe(e);
            log().warn("{}: {}", current[0] == null ? source.name() : current[0].source(), message);
            SourceStats failed = current[0] == null ? new SourceStats(source.name()) : current[0];
            failed.failed(message);
            accounting.add(failed.snapshot());
        }
    }

    /** Scans a log, or what remains of it, on this thread; a failure keeps the records read before it. */
    private void readHere(String name, InputStream stream, SourceStats stats, Pipeline pipeline, long offset) throws IOException {
        RecordAssembler assembler = pipeline.assembler(name, stats, offset);
        try {
            pipeline.scanner.scan(stream, assembler);
        } catch (IOException | RuntimeException e) {
            assembler.end();
            throw e;
        }
    }

    /**
     * Reads a log as pieces cut where records start (see {@link StreamPieces}): this thread reads
     * the input (decompressing it, if it is compressed) and cuts it, worker threads scan the pieces
     * and parse their candidate records, and this thread applies what each piece says to the rules
     * in input order, its line numbers shifted by the lines of the pieces before it. The rules see
     * the records one thread reading from the top gives them. A log of one piece is read here.
     */
    private void readInPieces(String name, InputStream stream, SourceStats stats, Pipeline pipeline) throws IOException {
        StreamPieces pieces = new StreamPieces(stream, options.pieceBytes(), PIECE_SEARCH_BYTES, options.maxLineBytes(), PIECES_OUT);
        ArrayDeque<CompletableFuture<PieceWorkers.Result>> pending = new ArrayDeque<>();
        long offset = 0;
        try {
            for (StreamPieces.Piece piece = pieces.next(); piece != null; piece = pieces.next()) {
                boolean alone = pending.isEmpty() && !(piece instanceof StreamPieces.Cut);
                if (alone || piece instanceof StreamPieces.Rest) {
                    // the whole log is one piece, or what remains cannot be cut: read here, after the pieces before it
                    while (!pending.isEmpty()) {
                        offset = apply(pending.poll(), stats, pipeline, offset);
                    }
                    readPieceHere(name, piece, pieces, stats, pipeline, offset);
                    return;
                }
                pipeline.threads = 2;
                pending.add(pipeline.workers.submit(name, pieces, piece));
                while (!pending.isEmpty() && (pending.size() > PIECES_OUT || pending.peek().isDone())) {
                    offset = apply(pending.poll(), stats, pipeline, offset);
                }
            }
            while (!pending.isEmpty()) {
                offset = apply(pending.poll(), stats, pipeline, offset);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + name);
        } finally {
            pipeline.clock.waited(pieces.waitedNanos());
        }
    }

    /** Applies what a piece says, in its order, to the rules; returns the line its successor starts after. */
    private static long apply(CompletableFuture<PieceWorkers.Result> future, SourceStats stats, Pipeline pipeline, long offset)
            throws IOException {
        long waitStart = System.nanoTime();
        PieceWorkers.Result result;
        try {
            result = future.join();
        } catch (CompletionException e) {
            throw rethrown(e.getCause());
        }
        long rulesStart = System.nanoTime();
        pipeline.clock.waited(rulesStart - waitStart);
        for (Object item : result.items()) {
            if (item instanceof Reading reading) {
                pipeline.accept(reading.shifted(offset));
            } else {
                pipeline.groups.add((String) item);
            }
        }
        pipeline.clock.rules(System.nanoTime() - rulesStart);
        pipeline.clock.otherScanning(result.scanNanos());
        pipeline.clock.otherParse(result.parseNanos());
        stats.absorb(result.stats());
        if (result.failure() != null) {
            throw rethrown(result.failure());
        }
        return offset + result.lines();
    }

    private void readPieceHere(String name, StreamPieces.Piece piece, StreamPieces pieces, SourceStats stats, Pipeline pipeline,
                               long offset) throws IOException {
        if (piece instanceof StreamPieces.Rest) {
            readHere(name, new SequenceInputStream(new ByteArrayInputStream(piece.bytes(), 0, piece.length()), pieces.rest()), stats,
                    pipeline, offset);
            return;
        }
        PieceWorkers.scan(pipeline.scanner, piece, pipeline.assembler(name, stats, offset));
    }

    /** A worker's failure as this thread's: the source's read failure as it was, a crash as a crash. */
    private static IOException rethrown(Throwable failure) {
        if (failure instanceof IOException e) {
            return e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new IOException(failure);
    }

    /** How far past a piece's size a cut is looked for before the rest of the log is read here in one go. */
    private static final int PIECE_SEARCH_BYTES = 16 << 20;
    /** Pieces out at once (being scanned, or scanned and waiting to be applied): bounds memory at a few pieces. */
    private static final int PIECES_OUT = 4;

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
