package io.oteldoctor.cli.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldoctor.ingest.LineScanner;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The ways lines reach follow mode besides standard input: a followed file, TCP and HTTP on loopback. */
@Timeout(20)
class InputsTest {

    private static List<String> take(Inbox inbox, int lines) throws InterruptedException {
        List<String> got = new ArrayList<>();
        while (got.size() < lines) {
            Inbox.Item item = inbox.poll(10_000);
            assertNotNull(item, "only " + got + " arrived");
            if (item instanceof Inbox.Line l) {
                got.add(l.source() + " " + new String(l.bytes(), StandardCharsets.UTF_8));
            }
        }
        return got;
    }

    @Test
    void aFollowedFileIsReadAcrossRotationAndTruncation(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("otelcol.log");
        Files.writeString(log, "old line before following\n");
        Inbox inbox = new Inbox();
        FollowedFile file = new FollowedFile(log, false);
        Thread reader = new Thread(() -> {
            try {
                new LineScanner().scan(file, inbox.sink("f"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        reader.start();
        try {
            Files.writeString(log, "one\ntwo\n", StandardOpenOption.APPEND);
            assertEquals(List.of("f one", "f two"), take(inbox, 2));
            Files.move(log, dir.resolve("otelcol.log.1"));
            Files.writeString(log, "three\n");
            assertEquals(List.of("f three"), take(inbox, 1));
            Files.writeString(log, "4\n", StandardOpenOption.TRUNCATE_EXISTING);
            assertEquals(List.of("f 4"), take(inbox, 1));
        } finally {
            file.stop();
            reader.join(5_000);
        }
    }

    @Test
    void tcpConnectionsAreSourcesOfTheirOwn() throws Exception {
        Inbox inbox = new Inbox();
        try (Listener listener = new Listener(Listener.Address.parse("tcp://127.0.0.1:0"), inbox, 1 << 20)) {
            int port = listener.start();
            try (Socket s = new Socket("127.0.0.1", port); OutputStream out = s.getOutputStream()) {
                out.write("{\"message\":\"a\",\"timestamp\":\"2026-01-01T00:00:00Z\"}\nsecond line\n".getBytes(StandardCharsets.UTF_8));
            }
            List<String> got = take(inbox, 2);
            assertEquals("tcp://127.0.0.1:0#1 second line", got.get(1));
            Inbox.Item end = inbox.poll(5_000);
            assertTrue(end instanceof Inbox.Closed, "the connection's end is handed on: " + end);
        }
    }

    @Test
    void httpPostBodiesAreNdjson() throws Exception {
        Inbox inbox = new Inbox();
        try (Listener listener = new Listener(Listener.Address.parse("http://127.0.0.1:0"), inbox, 1 << 20)) {
            int port = listener.start();
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/ingest").toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            try (OutputStream out = c.getOutputStream()) {
                out.write("{\"log\":\"x\",\"date\":1.5}\n{\"log\":\"y\",\"date\":2.5}\n".getBytes(StandardCharsets.UTF_8));
            }
            assertEquals(204, c.getResponseCode());
            assertEquals(2, take(inbox, 2).size());
            HttpURLConnection get = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
            assertEquals(405, get.getResponseCode());
        }
    }
}
