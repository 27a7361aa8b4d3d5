package io.oteldoctor.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldoctor.corpus.CollectorStream;
import io.oteldoctor.diagnosis.CauseCatalogue;
import io.oteldoctor.matching.Rulebase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FollowerTest {

    static final Rulebase STREAMS = Rulebase.bundledForStreams();
    static final CauseCatalogue CATALOGUE = CauseCatalogue.bundled();
    static final Instant T0 = Instant.parse("2025-03-02T10:00:00Z");

    private Follower follower;

    @AfterEach
    void close() {
        if (follower != null) {
            follower.close();
        }
    }

    private List<DiagnosisEvent> replay(FollowOptions options, CollectorStream stream) {
        follower = new Follower(STREAMS, CATALOGUE, options, Clock.fixed(T0.minusSeconds(3600), ZoneOffset.UTC));
        List<DiagnosisEvent> events = new ArrayList<>();
        var sink = follower.source("journal");
        for (String line : stream.lines()) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            sink.line(b, 0, b.length, false, true);
        }
        follower.endRecords();
        events.addAll(follower.tick());
        return events;
    }

    private static String summary(List<DiagnosisEvent> events) {
        return events.stream().map(e -> e.event().id() + " " + e.component() + " " + e.cause() + " #" + e.rank())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void aFailureOpensOnceAndResolvesAfterTheQuietPeriod() {
        CollectorStream stream = new CollectorStream("node-a", T0)
                .healthy(60)
                .failing("otlp/vendor", CollectorStream.TLS, false, 600, 5)
                .healthy(900);
        List<DiagnosisEvent> events = replay(FollowOptions.defaults(), stream);

        List<DiagnosisEvent> lifecycle = events.stream().filter(e -> e.event() != DiagnosisEvent.Kind.CHANGED).toList();
        assertEquals("opened otlp/vendor tls #1\nresolved otlp/vendor tls #1", summary(lifecycle), summary(events));
        DiagnosisEvent opened = lifecycle.get(0);
        DiagnosisEvent resolved = lifecycle.get(1);
        assertEquals(opened.id(), resolved.id());
        assertEquals("quiet", resolved.reason());
        // opened within the first slice of failures, resolved once five quiet minutes have passed
        Instant firstFailure = T0.plusSeconds(60);
        Instant lastFailure = T0.plusSeconds(60 + 595);
        assertTrue(!opened.time().isBefore(firstFailure) && opened.time().isBefore(firstFailure.plusSeconds(31)), opened.time().toString());
        Instant quietEnds = lastFailure.plus(FollowOptions.DEFAULT_QUIET);
        assertTrue(resolved.time().isAfter(quietEnds) && resolved.time().isBefore(quietEnds.plusSeconds(31)), resolved.time().toString());
        // the event counts the lines read up to it; by the end every line is accounted for
        assertTrue(resolved.input().read() < stream.lines().size());
        DiagnosisEvent.Input total = follower.input();
        assertEquals(stream.lines().size(), total.read());
        assertEquals(total.read(), total.parsed() + total.skipped() + total.unrecognized());
    }

    @Test
    void aSecondOutageWithAnotherCauseOpensItsOwnProblem() {
        CollectorStream stream = new CollectorStream("node-a", T0)
                .failing("otlp/vendor", CollectorStream.REFUSED, false, 300, 5)
                .healthy(600)
                .failing("otlp/vendor", CollectorStream.UNAUTHENTICATED, true, 120, 10);
        List<DiagnosisEvent> lifecycle = replay(FollowOptions.defaults(), stream).stream()
                .filter(e -> e.event() != DiagnosisEvent.Kind.CHANGED).toList();
        assertEquals("opened otlp/vendor network #1\nresolved otlp/vendor network #1\nopened otlp/vendor auth #1",
                summary(lifecycle));
    }

    @Test
    void aSteadyFailureDoesNotChurnEvents() {
        CollectorStream stream = new CollectorStream("node-a", T0).failing("otlp/vendor", CollectorStream.TLS, false, 3600, 5);
        List<DiagnosisEvent> events = replay(FollowOptions.defaults(), stream);
        assertEquals(DiagnosisEvent.Kind.OPENED, events.get(0).event());
        assertTrue(events.size() <= 3, summary(events));
        // the stream session holds only the window's slices and the group, however long the stream
        long slicesInWindow = Follower.WINDOW.toMillis() / Follower.SLICE_MILLIS;
        assertTrue(follower.streamFacts() <= slicesInWindow + 2, "facts: " + follower.streamFacts());
    }

    @Test
    void linesWithoutTimesAgeOnTheWallClock() {
        MutableClock wall = new MutableClock(T0);
        follower = new Follower(STREAMS, CATALOGUE, FollowOptions.defaults().withQuiet(Duration.ofMinutes(1)), wall);
        var sink = follower.source("stdin");
        byte[] line = ("WARN io.opentelemetry.exporter.internal.grpc.GrpcExporter - Failed to export spans. Server responded with "
                + "gRPC status code 16. Error message: invalid API key").getBytes(StandardCharsets.UTF_8);
        sink.line(line, 0, line.length, false, true);
        follower.endRecords();
        List<DiagnosisEvent> first = follower.tick();
        assertEquals("opened", first.get(0).event().id(), summary(first));
        wall.advance(Duration.ofSeconds(30));
        assertTrue(follower.tick().isEmpty());
        wall.advance(Duration.ofSeconds(40));
        List<DiagnosisEvent> later = follower.tick();
        assertEquals("resolved", later.get(0).event().id(), summary(later));
    }

    @Test
    void lateLinesAreFiledNotLost() {
        CollectorStream stream = new CollectorStream("node-a", T0).healthy(120);
        CollectorStream old = new CollectorStream("node-a", T0).failing("otlp/vendor", CollectorStream.TLS, false, 10, 5);
        List<String> lines = new ArrayList<>(stream.lines());
        lines.addAll(old.lines());
        follower = new Follower(STREAMS, CATALOGUE, FollowOptions.defaults(), Clock.fixed(T0, ZoneOffset.UTC));
        var sink = follower.source("journal");
        for (String l : lines) {
            byte[] b = l.getBytes(StandardCharsets.UTF_8);
            sink.line(b, 0, b.length, false, true);
        }
        follower.endRecords();
        List<DiagnosisEvent> events = follower.tick();
        assertEquals(2, follower.input().late());
        assertEquals("opened otlp/vendor tls #1", summary(events));
    }

    @Test
    void theWindowInJavaIsTheWindowInTheRules() throws IOException {
        String drl = java.nio.file.Files.readString(java.nio.file.Path.of("../rules/src/main/resources/io/oteldoctor/rules/follow/follow.drl"));
        {
            String minutes = Follower.WINDOW.toMinutes() + "m)";
            assertTrue(drl.contains("@expires(" + minutes), "follow.drl must expire slices after " + minutes);
            assertTrue(drl.contains("window:time(" + minutes), "follow.drl's window must be " + minutes);
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
