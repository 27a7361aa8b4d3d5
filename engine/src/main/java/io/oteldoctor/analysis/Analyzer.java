package io.oteldoctor.analysis;

import io.oteldoctor.diagnosis.CauseCatalogue;
import io.oteldoctor.diagnosis.DiagnosisAssembler;
import io.oteldoctor.diagnosis.SourceExtent;
import io.oteldoctor.ingest.InputPaths;
import io.oteldoctor.ingest.InputSource;
import io.oteldoctor.ingest.LineFilter;
import io.oteldoctor.ingest.LineScanner;
import io.oteldoctor.ingest.LogOpener;
import io.oteldoctor.ingest.LogRecord;
import io.oteldoctor.ingest.RawRecord;
import io.oteldoctor.ingest.RecordAssembler;
import io.oteldoctor.ingest.RecordParser;
import io.oteldoctor.ingest.SourceAccounting;
import io.oteldoctor.ingest.SourceStats;
import io.oteldoctor.matching.EvidenceLedger;
import io.oteldoctor.matching.RankingSession;
import io.oteldoctor.matching.Rulebase;
import io.oteldoctor.matching.SignatureSession;
import io.oteldoctor.report.Report;
import io.oteldoctor.signature.Envelope;
import io.oteldoctor.signature.Signal;
import io.oteldoctor.signature.SignatureExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch analysis: reads every source, lets the prefilter drop lines that cannot matter,
 * parses and reads the rest into signals for the rules, then ranks the evidence per group.
 * Sources that fail are reported and the run goes on with the others.
 */
public final class Analyzer {

    private static final Logger LOG = LoggerFactory.getLogger(Analyzer.class);

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
        RecordParser parser = new RecordParser(options.inputFormat());
        SignatureExtractor extractor = new SignatureExtractor();
        List<SourceAccounting> accounting = new ArrayList<>();
        Set<String> groups = new LinkedHashSet<>();
        long[] counters = new long[2]; // candidate records, signals
        try (SignatureSession session = new SignatureSession(rulebase)) {
            for (InputSource source : sources) {
                long readStart = System.nanoTime();
                read(source, accounting, (name, stats) -> {
                    if (options.groupBy() == GroupBy.FILE) {
                        groups.add(name);
                    }
                    return new RecordAssembler(name, filter, stats, raw -> {
                        counters[0]++;
                        long parseStart = System.nanoTime();
                        LogRecord record = parser.parse(raw);
                        if (record == null) {
                            stats.unrecognized(raw.lines().size());
                            clock.parse(System.nanoTime() - parseStart);
                            return;
                        }
                        stats.parsed(record.format(), raw.lines().size());
                        String group = groupOf(name, record);
                        if (options.groupBy() == GroupBy.HOST) {
                            groups.add(group);
                        }
                        Signal signal = extractor.extract(record, group);
                        long rulesStart = System.nanoTime();
                        clock.parse(rulesStart - parseStart);
                        if (signal.hasCause() || signal.getEnvelope() != Envelope.NONE) {
                            counters[1]++;
                            session.accept(signal);
                            clock.rules(System.nanoTime() - rulesStart);
                        }
                    }, options.groupBy() == GroupBy.HOST ? groups::add : null);
                });
                clock.reading(System.nanoTime() - readStart);
            }
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
                    clock.stats(counters[0], counters[1], input.totals().read(), input.totals().bytes(), 1));
        }
    }

    private String groupOf(String logName, LogRecord record) {
        return options.groupBy().groupOf(logName, record.host());
    }

    /** Makes the record assembler for one log found in a source (the source itself, or an archive entry). */
    @FunctionalInterface
    private interface AssemblerFactory {
        RecordAssembler create(String logName, SourceStats stats);
    }

    /**
     * Reads every log in a source. A failure keeps what was read before it and marks the log it
     * happened in (or the source, if no log had started) as incomplete; the run goes on.
     */
    private void read(InputSource source, List<SourceAccounting> accounting, AssemblerFactory factory) {
        LineScanner scanner = new LineScanner(options.maxLineBytes());
        SourceStats[] current = {null};
        RecordAssembler[] assembler = {null};
        try (InputStream in = source.open()) {
            LogOpener.open(source.name(), in, (name, stream) -> {
                current[0] = new SourceStats(name);
                assembler[0] = factory.create(name, current[0]);
                scanner.scan(stream, assembler[0]);
                accounting.add(current[0].snapshot());
                current[0] = null;
            });
        } catch (IOException | RuntimeException e) {
            String message = describe(e);
            LOG.warn("{}: {}", current[0] == null ? source.name() : current[0].source(), message);
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
