package io.oteldoctor.follow;

import io.oteldoctor.diagnosis.CauseCatalogue;
import io.oteldoctor.diagnosis.ComponentState;
import io.oteldoctor.diagnosis.Diagnosis;
import io.oteldoctor.diagnosis.DiagnosisAssembler;
import io.oteldoctor.diagnosis.Evidence;
import io.oteldoctor.diagnosis.SourceExtent;
import io.oteldoctor.ingest.LineFilter;
import io.oteldoctor.ingest.LineSink;
import io.oteldoctor.ingest.LogRecord;
import io.oteldoctor.ingest.RawRecord;
import io.oteldoctor.ingest.RecordAssembler;
import io.oteldoctor.ingest.RecordParser;
import io.oteldoctor.ingest.RecordShape;
import io.oteldoctor.ingest.SourceAccounting;
import io.oteldoctor.ingest.SourceStats;
import io.oteldoctor.matching.EvidenceLedger;
import io.oteldoctor.matching.RankingSession;
import io.oteldoctor.matching.Rulebase;
import io.oteldoctor.matching.SignatureSession;
import io.oteldoctor.signature.Envelope;
import io.oteldoctor.signature.Signal;
import io.oteldoctor.signature.SignatureExtractor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.QueryResultsRow;
import org.kie.api.time.SessionPseudoClock;

/**
 * Live diagnosis over a stream. Lines go through the same prefilter, parser and signature rules
 * as a batch run, into slices of event time; a slice is sealed once lines for it stop being
 * expected and becomes an event in a stream-mode session whose window rule says which groups
 * changed. A changed group is ranked again over its window (sealed slices plus the open ones) and
 * the tracker turns the new ranking into opened, changed and resolved events.
 *
 * <p>Memory is bounded by the number of groups, components and rules, and the window length, never
 * by the number of lines: a slice holds aggregated evidence and expires with the window.
 * Not thread-safe: one thread feeds lines and calls {@link #tick()}.
 */
public final class Follower implements AutoCloseable {

    /** How far back the evidence for a diagnosis reaches; follow.drl holds the same figure. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    static final long SLICE_MILLIS = 30_000;
    static final int MAX_FIRINGS = 10_000;

    private final Rulebase rulebase;
    private final FollowOptions options;
    private final LineFilter filter;
    private final RecordParser parser;
    private final RejectedHeads rejectedHeads;
    private final SignatureExtractor extractor = new SignatureExtractor();
    private final RankingSession ranking;
    private final DiagnosisAssembler assembler;
    private final EventClock clock;
    private final ProblemTracker tracker;
    private final KieSession stream;
    private final SessionPseudoClock pseudo;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, String> lastGroup = new LinkedHashMap<>();
    private final Map<String, Followed> groups = new LinkedHashMap<>();
    private final TreeMap<Long, SignatureSession> openSlices = new TreeMap<>();
    private final Set<String> changed = new LinkedHashSet<>();
    private final List<DiagnosisEvent> pending = new ArrayList<>();
    private long sealedBefore = Long.MIN_VALUE;
    private long lastTickSlice = Long.MIN_VALUE;
    private long sequence;
    private long late;
    private long closedRead;
    private long closedParsed;
    private long closedSkipped;
    private long closedUnrecognized;

    private record Source(SourceStats stats, RecordAssembler assembler) {
    }

    private record Followed(FollowedGroup fact, FactHandle handle) {
    }

    /**
     * @param rulebase a rulebase built for streams ({@link Rulebase#bundledForStreams()})
     * @param wall     the wall clock; tests pass a fixed one
     */
    public Follower(Rulebase rulebase, CauseCatalogue catalogue, FollowOptions options, Clock wall) {
        this(rulebase, catalogue, options, wall, true);
    }

    /** @param rememberShapes false parses every rejected record: only to check that remembering changes nothing */
    Follower(Rulebase rulebase, CauseCatalogue catalogue, FollowOptions options, Clock wall, boolean rememberShapes) {
        this.rejectedHeads = rememberShapes ? new RejectedHeads() : null;
        this.rulebase = rulebase;
        this.options = options;
        this.filter = rulebase.prefilter();
        this.parser = new RecordParser(options.inputFormat());
        this.ranking = new RankingSession(rulebase);
        this.assembler = new DiagnosisAssembler(catalogue);
        this.clock = new EventClock(wall);
        this.tracker = new ProblemTracker(options.quiet(), this::input);
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ClockTypeOption.PSEUDO);
        this.stream = rulebase.kieBase().newKieSession(conf, null);
        this.pseudo = stream.getSessionClock();
    }

    /** Where the lines of one source go; a source keeps its own line numbers and record assembly. */
    public LineSink source(String name) {
        Source s = sources.get(name);
        if (s == null) {
            SourceStats stats = new SourceStats(name);
            RecordAssembler a = new RecordAssembler(name, stats, raw -> candidate(raw, stats)).withRejected(this::rejected);
            s = new Source(stats, a);
            sources.put(name, s);
        }
        Source source = s;
        boolean perLine = options.perLine();
        return new LineSink() {
            // the prefilter runs here, on the follower's thread, whatever the reader said: readers
            // feeding a follower have no filter of their own, or a looser one
            @Override
            public void line(byte[] buf, int start, int end, boolean truncated, boolean mayMatter) {
                source.assembler.line(buf, start, end, truncated, mayMatter && filter.mayMatter(buf, start, end));
                if (perLine) {
                    source.assembler.end();
                }
            }

            @Override
            public void beforeRefill() {
                source.assembler.beforeRefill();
            }

            @Override
            public void end() {
                source.assembler.end();
            }
        };
    }

    /**
     * The source ended (its connection closed): its last record is finished and its counts are kept
     * in the totals only, so a listener that sees many short connections stays bounded.
     */
    public void closeSource(String name) {
        Source s = sources.remove(name);
        lastGroup.remove(name);
        if (s != null) {
            s.assembler.end();
            SourceAccounting a = s.stats.snapshot();
            closedRead += a.read();
            closedParsed += a.parsed();
            closedSkipped += a.skipped();
            closedUnrecognized += a.unrecognized();
        }
    }

    /**
     * No line came for a while: the record each source was assembling is complete as far as
     * anyone will know in time, so it is read now rather than when the next line arrives.
     */
    public void endRecords() {
        sources.values().forEach(s -> s.assembler.end());
    }

    /** Counts of lines an earlier process on the same stream accounted for, carried on into this one's totals. */
    public void carryOver(DiagnosisEvent.Input earlier) {
        closedRead += earlier.read();
        closedParsed += earlier.parsed();
        closedSkipped += earlier.skipped();
        closedUnrecognized += earlier.unrecognized();
        late += earlier.late();
    }

    /** The group of the newest record read from a source, or null before its first record. */
    public String groupOfLatest(String source) {
        return lastGroup.get(source);
    }

    /** Brings every group up to date and returns what changed since the last call. */
    public List<DiagnosisEvent> tick() {
        advance(now());
        List<DiagnosisEvent> out = new ArrayList<>(pending);
        pending.clear();
        return out;
    }

    /** The problems open now in a group, best first. */
    public List<Diagnosis> open(String group) {
        return tracker.open(group);
    }

    public Set<String> groups() {
        return groups.keySet();
    }

    public DiagnosisEvent.Input input() {
        long read = closedRead;
        long parsed = closedParsed;
        long skipped = closedSkipped;
        long unrecognized = closedUnrecognized;
        for (Source s : sources.values()) {
            SourceAccounting a = s.stats.snapshot();
            read += a.read();
            parsed += a.parsed();
            skipped += a.skipped();
            unrecognized += a.unrecognized();
        }
        return new DiagnosisEvent.Input(read, parsed, skipped, unrecognized, late);
    }

    /** Line accounting of the sources still open. */
    public List<SourceAccounting> accounting() {
        return sources.values().stream().map(s -> s.stats.snapshot()).toList();
    }

    /** Facts held by the stream session: the window's slices and the followed groups; for the soak test. */
    long streamFacts() {
        return stream.getFactCount();
    }

    @Override
    public void close() {
        openSlices.values().forEach(SignatureSession::close);
        openSlices.clear();
        stream.dispose();
    }

    private void candidate(RawRecord raw, SourceStats stats) {
        int lines = raw.lines().size();
        LogRecord record = parser.parse(raw);
        if (record == null) {
            stats.unrecognized(lines);
            return;
        }
        stats.parsed(record.format(), lines);
        Instant at = clock.observe(record.timestamp());
        String group = options.groupBy().groupOf(raw.source(), record.host());
        lastGroup.put(raw.source(), group);
        Signal signal = extractor.extract(record, group);
        if (signal.hasCause() || signal.getEnvelope() != Envelope.NONE) {
            follow(group);
            sliceFor(at).accept(signal);
            changed.add(group);
        }
        afterRecord();
    }

    private void rejected(RawRecord raw) {
        RecordShape shape = rejectedHeads == null || options.inputFormat() != null ? null : rejectedHeads.shape(raw.lines().get(0));
        if (shape != null) {
            String group = rejectedHeads.group(shape, raw.source());
            Instant time = group == null ? null : shape.timestamp();
            if (time != null) {
                lastGroup.put(raw.source(), group);
                clock.observe(time);
                afterRecord();
                return;
            }
        }
        LogRecord record = parser.parse(raw);
        if (record == null) {
            return;
        }
        String group = options.groupBy().groupOf(raw.source(), record.host());
        lastGroup.put(raw.source(), group);
        clock.observe(record.timestamp());
        if (shape != null) {
            rejectedHeads.remember(shape, raw.source(), record, group);
        }
        afterRecord();
    }

    /** A replayed log is brought up to date every slice of its own time, however fast it is read. */
    private void afterRecord() {
        long slice = Math.floorDiv(clock.now().toEpochMilli(), SLICE_MILLIS);
        if (slice > lastTickSlice) {
            if (lastTickSlice != Long.MIN_VALUE) {
                advance(now());
            }
            lastTickSlice = slice;
        }
    }

    /** Events carry whole milliseconds: the log's own times have no more, the wall's share is noise. */
    private Instant now() {
        return clock.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private SignatureSession sliceFor(Instant at) {
        long index = Math.floorDiv(at.toEpochMilli(), SLICE_MILLIS);
        if (index < sealedBefore) {
            late++;
            index = sealedBefore;
        }
        return openSlices.computeIfAbsent(index, i -> new SignatureSession(rulebase));
    }

    private void follow(String group) {
        if (!groups.containsKey(group)) {
            FollowedGroup fact = new FollowedGroup(group);
            groups.put(group, new Followed(fact, stream.insert(fact)));
        }
    }

    private void advance(Instant now) {
        long threshold = now.minus(options.reorder()).toEpochMilli();
        long sealable = Math.floorDiv(threshold, SLICE_MILLIS);
        while (!openSlices.isEmpty() && openSlices.firstKey() < sealable) {
            Map.Entry<Long, SignatureSession> slice = openSlices.pollFirstEntry();
            seal((slice.getKey() + 1) * SLICE_MILLIS, slice.getValue());
        }
        sealedBefore = Math.max(sealedBefore, sealable);
        moveStreamClock(now.toEpochMilli());
        int fired = stream.fireAllRules(MAX_FIRINGS);
        if (fired >= MAX_FIRINGS) {
            throw new IllegalStateException("follow rules did not settle after " + MAX_FIRINGS + " firings");
        }
        for (Followed g : groups.values()) {
            if (g.fact.takeChanged()) {
                changed.add(g.fact.getName());
            }
        }
        for (String group : changed) {
            pending.addAll(tracker.update(group, rank(group), now));
        }
        changed.clear();
        pending.addAll(tracker.expire(now));
        forgetIdleGroups();
    }

    private void seal(long end, SignatureSession session) {
        try (session) {
            EvidenceLedger ledger = session.ledger();
            moveStreamClock(end);
            for (String group : ledger.groups()) {
                stream.insert(new GroupSlice(group, ++sequence, end, ledger.evidence(group), ledger.components(group)));
            }
        }
    }

    private void moveStreamClock(long epochMillis) {
        long delta = epochMillis - pseudo.getCurrentTime();
        if (delta > 0) {
            pseudo.advanceTime(delta, TimeUnit.MILLISECONDS);
        }
    }

    private List<Diagnosis> rank(String group) {
        List<GroupSlice> sealed = new ArrayList<>();
        for (QueryResultsRow row : stream.getQueryResults("slices of a group", group)) {
            sealed.add((GroupSlice) row.get("$slice"));
        }
        sealed.sort(Comparator.comparingLong(GroupSlice::sequence));
        List<List<Evidence>> evidence = new ArrayList<>();
        List<List<ComponentState>> components = new ArrayList<>();
        for (GroupSlice s : sealed) {
            evidence.add(s.evidence());
            components.add(s.components());
        }
        for (SignatureSession open : openSlices.values()) {
            EvidenceLedger ledger = open.ledger();
            evidence.add(ledger.evidence(group));
            components.add(ledger.components(group));
        }
        List<Evidence> window = WindowMerge.evidence(evidence);
        List<ComponentState> states = WindowMerge.components(components);
        if (window.isEmpty() && states.isEmpty()) {
            return List.of();
        }
        List<SourceExtent> extents = sources.entrySet().stream()
                .map(e -> new SourceExtent(e.getKey(), e.getValue().stats.snapshot().read())).toList();
        RankingSession.Result result = ranking.rank(window, states, extents);
        return assembler.assemble(result.hypotheses(), result.evidence(), states);
    }

    /** A group with nothing in its window, nothing open and no problem left is dropped, so a fleet's passing hosts do not pile up. */
    private void forgetIdleGroups() {
        groups.values().removeIf(g -> {
            String name = g.fact.getName();
            boolean idle = g.fact.slices() == 0 && tracker.open(name).isEmpty()
                    && openSlices.values().stream().noneMatch(s -> s.ledger().groups().contains(name));
            if (idle) {
                stream.delete(g.handle);
            }
            return idle;
        });
    }
}
