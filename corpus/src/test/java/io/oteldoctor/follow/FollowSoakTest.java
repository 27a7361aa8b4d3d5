package io.oteldoctor.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldoctor.corpus.CollectorStream;
import io.oteldoctor.diagnosis.CauseCatalogue;
import io.oteldoctor.ingest.LineSink;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two simulated days of one collector through follow mode, an hour at a time: quiet hours, a
 * four-hour TLS outage, recovery, a network outage, recovery, then an auth failure that is still
 * going at the end. The events must tell exactly that story, and neither the heap nor the stream
 * session may grow with the hours streamed.
 */
@Timeout(300)
class FollowSoakTest {

    private static final Instant DAY_ONE = Instant.parse("2025-05-01T00:00:00Z");

    private record Hour(String fault, String error, boolean permanent) {
    }

    @Test
    void daysOfOutputKeepMemoryFlatAndTellTheStory() {
        List<Hour> hours = new ArrayList<>();
        for (int h = 0; h < 48; h++) {
            if (h >= 8 && h < 12) {
                hours.add(new Hour("otlp/vendor", CollectorStream.TLS, false));
            } else if (h >= 26 && h < 27) {
                hours.add(new Hour("otlp/vendor", CollectorStream.REFUSED, false));
            } else if (h >= 46) {
                hours.add(new Hour("otlphttp/backup", CollectorStream.UNAUTHENTICATED, true));
            } else {
                hours.add(null);
            }
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Long> heapAfterQuietHours = new ArrayList<>();
        List<DiagnosisEvent> events = new ArrayList<>();
        try (Follower follower = new Follower(FollowerTest.STREAMS, FollowerTest.CATALOGUE, FollowOptions.defaults(),
                Clock.fixed(DAY_ONE, ZoneOffset.UTC))) {
            LineSink sink = follower.source("journal");
            Instant t = DAY_ONE;
            for (int h = 0; h < hours.size(); h++) {
                Hour hour = hours.get(h);
                CollectorStream stream = new CollectorStream("node-a", t);
                if (hour == null) {
                    stream.healthy(3600);
                } else {
                    stream.failing(hour.fault, hour.error, hour.permanent, 3600, 5);
                }
                stream.feed(sink);
                t = stream.now();
                events.addAll(follower.tick());
                if (hour == null && (h == 6 || h == 20 || h == 44)) {
                    System.gc();
                    heapAfterQuietHours.add(memory.getHeapMemoryUsage().getUsed());
                }
                assertTrue(follower.streamFacts() <= Follower.WINDOW.toMillis() / Follower.SLICE_MILLIS + 2,
                        "hour " + h + ": " + follower.streamFacts() + " facts in the stream session");
            }
            follower.endRecords();
            events.addAll(follower.tick());
            assertEquals(48 * 3600, follower.input().read());
        }
        String story = events.stream().filter(e -> e.event() != DiagnosisEvent.Kind.CHANGED)
                .map(e -> e.event().id() + " " + e.component() + " " + e.cause()).collect(Collectors.joining("\n"));
        assertEquals(String.join("\n",
                "opened otlp/vendor tls",
                "resolved otlp/vendor tls",
                "opened otlp/vendor network",
                "resolved otlp/vendor network",
                "opened otlphttp/backup auth"), story);
        long changes = events.stream().filter(e -> e.event() == DiagnosisEvent.Kind.CHANGED).count();
        assertTrue(changes <= 6, "a steady outage must not churn: " + changes + " changed events");
        System.out.printf("soak: heap after quiet hours 6, 20 and 44: %s MB; %d events%n",
                heapAfterQuietHours.stream().map(b -> String.valueOf(b >> 20)).collect(Collectors.joining(", ")), events.size());
        long first = heapAfterQuietHours.get(0);
        long last = heapAfterQuietHours.get(heapAfterQuietHours.size() - 1);
        assertTrue(last < first + (16L << 20), "heap grew from " + (first >> 20) + " MB to " + (last >> 20) + " MB");
    }
}
