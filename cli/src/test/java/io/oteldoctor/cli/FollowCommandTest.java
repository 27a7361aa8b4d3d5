package io.oteldoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oteldoctor.corpus.CollectorStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2025-03-02T10:00:00Z");

    private static String stream(CollectorStream s) {
        return String.join("\n", s.lines()) + "\n";
    }

    private static List<JsonNode> events(String ndjson) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void journalJsonThroughFollowOpensAndResolves() throws Exception {
        CollectorStream s = new CollectorStream("node-a", T0).healthy(30).failing("otlp/vendor", CollectorStream.TLS, false, 300, 5)
                .healthy(600);
        Cli r = Cli.withStdin(stream(s), "follow");
        assertEquals(ExitCode.HEALTHY, r.exit(), r.stderr());
        List<JsonNode> events = events(r.stdout());
        assertEquals(List.of("opened", "resolved"), events.stream().map(e -> e.get("event").asText()).toList(), r.stdout());
        for (JsonNode e : events) {
            assertEquals("otel-doctor/event/1", e.get("schema").asText());
            assertEquals("tls", e.get("cause").asText());
            assertEquals("otlp/vendor", e.get("component").asText());
            assertTrue(e.at("/diagnosis/fix").asText().length() > 20, "the event carries the whole diagnosis");
        }
        assertEquals(events.get(0).get("id"), events.get(1).get("id"));
        assertTrue(r.stderr().contains(s.lines().size() + " lines read"), r.stderr());
    }

    @Test
    void stillFailingAtTheEndExitsOne() {
        CollectorStream s = new CollectorStream("node-a", T0).failing("otlp/vendor", CollectorStream.UNAUTHENTICATED, true, 60, 10);
        Cli r = Cli.withStdin(stream(s), "follow", "--format", "text");
        assertEquals(ExitCode.PROBLEMS_FOUND, r.exit(), r.stderr());
        assertTrue(r.stdout().contains("OPENED   auth  otlp/vendor"), r.stdout());
        assertTrue(r.stderr().contains("1 problem open"), r.stderr());
    }

    @Test
    void confirmAnswersOkOnceAtStartAndOncePerLine(@TempDir Path dir) throws Exception {
        CollectorStream s = new CollectorStream("node-a", T0).failing("otlp/vendor", CollectorStream.UNAUTHENTICATED, true, 40, 10);
        Path events = dir.resolve("events.ndjson");
        Path state = dir.resolve("state.json");
        Cli r = Cli.withStdin(stream(s), "follow", "--confirm", "--events-to", events.toString(), "--state", state.toString());
        assertEquals(s.lines().size() + 1, r.stdout().split("\n").length);
        assertTrue(r.stdout().lines().allMatch("OK"::equals), "stdout is the protocol's alone: " + r.stdout());
        assertEquals("opened", events(Files.readString(events)).get(0).get("event").asText());
        JsonNode saved = JSON.readTree(state.toFile());
        assertEquals(s.lines().size(), saved.get("read").asLong());
    }

    @Test
    void aLineSentAgainAfterARestartIsConfirmedButNotCountedTwice(@TempDir Path dir) throws Exception {
        CollectorStream s = new CollectorStream("node-a", T0).healthy(10);
        List<String> lines = s.lines();
        Path state = dir.resolve("state.json");
        // the first process counts six lines and dies before confirming the sixth; rsyslog sends it again
        Cli first = Cli.withStdin(String.join("\n", lines.subList(0, 6)) + "\n", "follow", "--confirm", "--state", state.toString());
        assertEquals(ExitCode.HEALTHY, first.exit(), first.stderr());
        Cli second = Cli.withStdin(String.join("\n", lines.subList(5, 10)) + "\n", "follow", "--confirm", "--state", state.toString());
        assertEquals(6, second.stdout().lines().count(), "OK at start and for each of the five lines, the repeat included");
        assertEquals(10, JSON.readTree(state.toFile()).get("read").asLong());
    }

    @Test
    void annotateRepliesOncePerLineInOrder() throws Exception {
        CollectorStream s = new CollectorStream("node-a", T0).healthy(3).failing("otlp/vendor", CollectorStream.UNAUTHENTICATED, true, 5, 2);
        Cli r = Cli.withStdin(stream(s), "follow", "--annotate");
        List<String> replies = r.stdout().lines().toList();
        assertEquals(s.lines().size(), replies.size(), r.stdout());
        assertEquals("{}", replies.get(0));
        JsonNode last = JSON.readTree(replies.get(replies.size() - 1));
        assertEquals("auth", last.at("/$!/otelcol_diag/cause").asText(), replies.toString());
        assertTrue(r.stderr().contains("\"event\":\"opened\""), "events go to standard error: " + r.stderr());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(ExitCode.USAGE, Cli.run("follow", "--quiet", "soon").exit());
        assertEquals(ExitCode.USAGE, Cli.run("follow", "--quiet", "20m").exit());
        assertEquals(ExitCode.USAGE, Cli.run("follow", "--confirm", "--annotate").exit());
        assertEquals(ExitCode.USAGE, Cli.run("follow", "--confirm", "some.log").exit());
        assertEquals(ExitCode.USAGE, Cli.run("follow", "--listen", "udp://127.0.0.1:9").exit());
        assertEquals(ExitCode.USAGE, Cli.run("follow", "--state", "x.json").exit());
    }

    @Test
    void emptyInputIsHealthy() {
        Cli r = Cli.run("follow");
        assertEquals(ExitCode.HEALTHY, r.exit(), r.stderr());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("0 lines read"), r.stderr());
    }
}
