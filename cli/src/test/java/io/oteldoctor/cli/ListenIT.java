package io.oteldoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code follow --listen} in its own JVM, fed as Vector's socket sink (NDJSON over TCP) and Fluent
 * Bit's http output (json_lines in a POST) would feed it, on loopback only; then stopped with
 * SIGTERM, which must still flush the summary.
 */
@Timeout(60)
class ListenIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("listening on (\\w+)://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void vectorOverTcpAndFluentBitOverHttp() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path events = dir.resolve("events.ndjson");
        Process p = new ProcessBuilder(java, "-jar", "target/otel-doctor.jar", "follow", "--group-by", "host",
                "--listen", "tcp://127.0.0.1:0", "--listen", "http://127.0.0.1:0")
                .redirectOutput(events.toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            int tcp = -1;
            int http = -1;
            while (tcp < 0 || http < 0) {
                assertTrue(p.isAlive(), "follow ended before listening: " + Files.readString(dir.resolve("stderr.txt")));
                Matcher m = LISTENING.matcher(Files.readString(dir.resolve("stderr.txt")));
                while (m.find()) {
                    if (m.group(1).equals("tcp")) {
                        tcp = Integer.parseInt(m.group(2));
                    } else {
                        http = Integer.parseInt(m.group(2));
                    }
                }
                Thread.sleep(50);
            }
            String error = "Permanent error: rpc error: code = Unauthenticated desc = invalid API key";
            String console = "2026-11-23T20:00:01.000Z\terror\texporterhelper/queue_sender.go:101\tExporting failed. Dropping data."
                    + "\t{\"kind\": \"exporter\", \"data_type\": \"traces\", \"name\": \"otlp/vendor\", \"error\": \"" + error + "\"}";
            String vector = JSON.writeValueAsString(Map.of("message", console, "timestamp", "2026-11-23T20:00:01.2Z",
                    "host", "node-tcp", "source_type", "file"));
            try (Socket s = new Socket("127.0.0.1", tcp); OutputStream out = s.getOutputStream()) {
                out.write((vector + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String fluentBit = JSON.writeValueAsString(Map.of("log", console, "date", 1763928001.5, "host", "node-http"));
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + http + "/").toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/x-ndjson");
            try (OutputStream out = c.getOutputStream()) {
                out.write((fluentBit + "\n").getBytes(StandardCharsets.UTF_8));
            }
            assertEquals(204, c.getResponseCode());

            long sent = System.nanoTime();
            List<JsonNode> opened = new ArrayList<>();
            while (opened.size() < 2 && System.nanoTime() - sent < TimeUnit.SECONDS.toNanos(10)) {
                opened.clear();
                for (String line : Files.readAllLines(events)) {
                    opened.add(JSON.readTree(line));
                }
                Thread.sleep(50);
            }
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            assertEquals(2, opened.size(), "events: " + opened);
            assertTrue(waited < 1500, "events took " + waited + " ms");
            assertEquals(List.of("node-http", "node-tcp"), opened.stream().map(e -> e.get("group").asText()).sorted().toList());
            assertTrue(opened.stream().allMatch(e -> e.get("cause").asText().equals("auth")), opened.toString());

            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(15, TimeUnit.SECONDS), "follow did not stop on SIGTERM");
            String rest = Files.readString(dir.resolve("stderr.txt"));
            assertTrue(rest.contains("2 lines read"), "the summary is flushed on SIGTERM: " + rest);
        } finally {
            p.destroyForcibly();
        }
    }
}
