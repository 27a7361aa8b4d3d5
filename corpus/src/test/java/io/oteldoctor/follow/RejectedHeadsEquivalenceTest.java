package io.oteldoctor.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldoctor.analysis.GroupBy;
import io.oteldoctor.corpus.LabelledLog;
import io.oteldoctor.ingest.LineSink;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Reading a rejected record's time and group from a remembered shape must change nothing follow
 * mode says: the same events, at the same times, with the same evidence and line accounting, as
 * parsing every rejected record. Logs of samples of every layout, with hosts in transport prefixes
 * and healthy lines whose field values vary, so that shapes repeat and are read from memory.
 */
class RejectedHeadsEquivalenceTest {

    private static final Instant T0 = Instant.parse("2025-06-10T09:00:00Z");

    private record Replay(List<DiagnosisEvent> events, DiagnosisEvent.Input input) {
    }

    private static Replay replay(List<String> lines, GroupBy by, boolean rememberShapes) {
        try (Follower follower = new Follower(FollowerTest.STREAMS, FollowerTest.CATALOGUE, FollowOptions.defaults().withGroupBy(by),
                Clock.fixed(T0.minusSeconds(3600), ZoneOffset.UTC), rememberShapes)) {
            List<DiagnosisEvent> events = new ArrayList<>();
            LineSink sink = follower.source("mixed.log");
            for (String line : lines) {
                byte[] b = line.getBytes(StandardCharsets.UTF_8);
                sink.line(b, 0, b.length, false, true);
                events.addAll(follower.tick());
            }
            follower.endRecords();
            events.addAll(follower.tick());
            return new Replay(events, follower.input());
        }
    }

    @Test
    void rememberedShapesChangeNothing() {
        List<LabelledLog> all = LabelledLog.load(java.nio.file.Path.of("samples"), FollowerTest.CATALOGUE.ids());
        String[] hosts = {"node-a", "node-b"};
        int compared = 0;
        for (int seed = 0; seed < 12; seed++) {
            Random random = new Random(seed);
            List<String> lines = new ArrayList<>();
            Instant t = T0;
            for (int n = 0; n < 400; n++) {
                if (random.nextInt(8) == 0) {
                    lines.addAll(all.get(random.nextInt(all.size())).log().lines().toList());
                    continue;
                }
                t = t.plusMillis(random.nextInt(3000));
                String healthy = t + "\tinfo\tmemorylimiter/memorylimiter.go:180\tMemory usage is within limits\t{\"cur_mem_mib\": "
                        + random.nextInt(400) + ", \"kind\": \"processor\", \"name\": \"memory_limiter\"}";
                lines.add(switch (random.nextInt(3)) {
                    case 0 -> healthy;
                    case 1 -> t.toString().substring(0, 19) + "+0000 " + hosts[random.nextInt(2)] + " otelcol-contrib[812]: " + healthy;
                    default -> "{\"level\":\"info\",\"ts\":\"" + t + "\",\"caller\":\"memorylimiter/memorylimiter.go:180\","
                            + "\"msg\":\"Memory usage is within limits\",\"cur_mem_mib\":" + random.nextInt(400) + "}";
                });
            }
            for (GroupBy by : List.of(GroupBy.NONE, GroupBy.HOST)) {
                Replay parsed = replay(lines, by, false);
                Replay remembered = replay(lines, by, true);
                assertEquals(parsed.input(), remembered.input(), "seed " + seed + " by " + by);
                for (int i = 0; i < Math.min(parsed.events().size(), remembered.events().size()); i++) {
                    assertEquals(parsed.events().get(i), remembered.events().get(i), "seed " + seed + " by " + by + ", event " + i);
                }
                assertEquals(parsed.events().size(), remembered.events().size(), "seed " + seed + " by " + by);
                compared += parsed.events().size();
            }
        }
        assertTrue(compared > 0, "the logs opened problems to compare");
    }
}
