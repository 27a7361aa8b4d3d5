package io.oteldoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TLS_LINE = "2025-06-10T09:25:10.650Z\tinfo\tinternal/retry_sender.go:133\tExporting failed. Will retry the request after interval.\t"
            + "{\"otelcol.component.id\": \"otlp\", \"otelcol.component.kind\": \"exporter\", \"otelcol.signal\": \"traces\", \"error\": "
            + "\"rpc error: code = Unavailable desc = connection error: desc = \\\"transport: authentication handshake failed: tls: failed to verify "
            + "certificate: x509: certificate signed by unknown authority\\\"\", \"interval\": \"4.002176845s\"}\n";
    private static final String HEALTHY_LINE = "2025-06-10T09:00:00.000Z\tinfo\tservice@v0.130.0/service.go:275\tEverything is ready. Begin running and processing data.\n";

    @TempDir
    Path dir;

    @Test
    void helpAndVersionExitZero() {
        Cli help = Cli.run("--help");
        assertEquals(ExitCode.HEALTHY, help.exit());
        assertTrue(help.stdout().contains("otel-doctor analyze"));
        assertTrue(help.stdout().contains("Exit codes"));
        Cli version = Cli.run("--version");
        assertEquals(ExitCode.HEALTHY, version.exit());
        assertTrue(version.stdout().matches("otel-doctor \\d+\\.\\d+\\.\\d+.*\\R"), version.stdout());
    }

    @Test
    void usageErrorsExitTwoAndWriteNothingToStdout() {
        for (String[] args : new String[][] {{}, {"diagnose"}, {"analyze", "--format", "xml"}, {"analyze", "--group-by", "pod"},
                {"analyze", "--bogus"}, {"analyze", "-", "-"}, {"analyze", "--threads", "3"}, {"analyze", "--threads", "x"}}) {
            Cli r = Cli.run(args);
            assertEquals(ExitCode.USAGE, r.exit(), String.join(" ", args));
            assertEquals("", r.stdout(), String.join(" ", args));
            assertFalse(r.stderr().isBlank(), String.join(" ", args));
        }
    }

    @Test
    void readsStandardInputWhenNoPathIsGiven() {
        Cli r = Cli.withStdin(TLS_LINE, "analyze");
        assertEquals(ExitCode.PROBLEMS_FOUND, r.exit(), r.stderr());
        assertTrue(r.stdout().contains("1. tls:"), r.stdout());
        assertTrue(r.stdout().contains("-:1"), "evidence cites stdin as '-'");
    }

    @Test
    void aGrpcCoreWarningNamesTheAddressItDialledOnce() {
        Cli r = Cli.withStdin("2024-05-21T21:20:10.481Z\twarn\tzapgrpc/zapgrpc.go:195\t[core] [Channel #1 SubChannel #2] grpc: "
                + "addrConn.createTransport failed to connect to {Addr: \"10.20.10.4:3301\", ServerName: \"10.20.10.4:3301\", }. Err: "
                + "connection error: desc = \"error reading server preface: http2: frame too large\"\t{\"grpc_log\": true}\n", "analyze");
        assertEquals(ExitCode.PROBLEMS_FOUND, r.exit(), r.stderr());
        assertTrue(r.stdout().contains("   component grpc client -> 10.20.10.4:3301\n"), r.stdout());
    }

    @Test
    void healthyInputExitsZero() throws IOException {
        Path log = Files.writeString(dir.resolve("ok.log"), HEALTHY_LINE);
        Cli r = Cli.run("analyze", log.toString());
        assertEquals(ExitCode.HEALTHY, r.exit(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("No export problem found."));
    }

    @Test
    void emptyInputIsHealthyAndAccounted() throws IOException {
        Path log = Files.writeString(dir.resolve("empty.log"), "");
        JsonNode report = JSON.readTree(Cli.run("analyze", "-f", "json", log.toString()).stdout());
        assertEquals(0, report.at("/input/totals/read").asInt());
        assertTrue(report.at("/groups/0/diagnoses").isEmpty());
    }

    @Test
    void missingInputExitsThreeButStillReportsTheRest() throws IOException {
        Path log = Files.writeString(dir.resolve("tls.log"), TLS_LINE);
        Cli r = Cli.run("analyze", "-f", "json", log.toString(), dir.resolve("nope.log").toString());
        assertEquals(ExitCode.INPUT_ERROR, r.exit());
        assertTrue(r.stderr().contains("nope.log"), r.stderr());
        JsonNode report = JSON.readTree(r.stdout());
        assertFalse(report.at("/input/complete").asBoolean());
        assertEquals("tls", report.at("/groups/0/diagnoses/0/cause").asText());
        assertTrue(report.at("/input/problems/0/source").asText().endsWith("nope.log"));
    }

    @Test
    void truncatedGzipIsReportedWithWhatCouldBeRead() throws IOException {
        Path gz = dir.resolve("cut.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            for (int i = 0; i < 200; i++) {
                out.write(TLS_LINE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        byte[] whole = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(whole, whole.length - 12));
        Cli r = Cli.run("analyze", "-f", "json", gz.toString());
        assertEquals(ExitCode.INPUT_ERROR, r.exit(), r.stderr());
        JsonNode source = JSON.readTree(r.stdout()).at("/input/sources/0");
        assertTrue(source.get("error").asText().contains("truncated"), source.toString());
        assertTrue(source.get("read").asLong() > 0);
    }

    @Test
    void jsonReportCarriesTheDocumentedFields() throws IOException {
        Path log = Files.writeString(dir.resolve("tls.log"), HEALTHY_LINE + TLS_LINE + TLS_LINE);
        Cli r = Cli.run("analyze", "--format", "json", "--verbose", log.toString());
        JsonNode report = JSON.readTree(r.stdout()); // stdout is the report alone, even with --verbose
        assertEquals("otel-doctor/report/1", report.get("schema").asText());
        JsonNode source = report.at("/input/sources/0");
        assertEquals(3, source.get("read").asLong());
        assertEquals(source.get("read").asLong(),
                source.get("parsed").asLong() + source.get("skippedNoSignature").asLong() + source.get("skippedBlank").asLong()
                        + source.get("unrecognized").asLong());
        JsonNode d = report.at("/groups/0/diagnoses/0");
        for (String field : new String[] {"cause", "confidence", "component", "evidence", "fix", "why", "check", "next", "title"}) {
            assertTrue(d.has(field), "diagnosis lacks " + field + ": " + d);
        }
        JsonNode e = d.at("/evidence/0");
        assertTrue(e.get("source").asText().endsWith("tls.log"));
        assertEquals(2, e.get("line").asLong());
        assertFalse(e.get("text").asText().isBlank());
        assertTrue(d.get("confidence").asDouble() > 0.9 && d.get("confidence").asDouble() <= 1.0);
    }

    @Test
    void jsonStatsAccountForTheRun() throws IOException {
        Path log = Files.writeString(dir.resolve("tls.log"), HEALTHY_LINE + TLS_LINE + TLS_LINE);
        JsonNode report = JSON.readTree(Cli.run("analyze", "--format", "json", log.toString()).stdout());
        JsonNode stats = report.get("stats");
        assertEquals(report.at("/input/totals/read").asLong(), stats.get("linesRead").asLong());
        assertEquals(report.at("/input/totals/bytes").asLong(), stats.get("bytesRead").asLong());
        assertEquals(Files.size(log), stats.get("bytesRead").asLong());
        assertEquals(2, stats.get("candidateRecords").asLong(), "the healthy line has no trigger");
        assertEquals(2, stats.get("signals").asLong());
        assertEquals(1, stats.get("threads").asInt());
        assertTrue(stats.get("peakHeapBytes").asLong() > 0, stats.toString());
        assertTrue(stats.get("linesPerSecond").asLong() > 0, stats.toString());
        assertTrue(stats.get("megabytesPerSecond").isNumber(), stats.toString());
        for (String stage : new String[] {"scan", "parse", "rules", "ranking"}) {
            JsonNode millis = stats.at("/stageMillis/" + stage);
            assertTrue(millis.isIntegralNumber() && millis.asLong() >= 0, stage + ": " + stats);
        }
    }

    @Test
    void statsOptionWritesToStandardErrorOnly() throws IOException {
        Path log = Files.writeString(dir.resolve("tls.log"), HEALTHY_LINE + TLS_LINE);
        Cli plain = Cli.run("analyze", log.toString());
        Cli withStats = Cli.run("analyze", "--stats", log.toString());
        assertEquals(plain.exit(), withStats.exit());
        assertEquals(plain.stdout(), withStats.stdout(), "the report on stdout does not change");
        assertFalse(plain.stderr().contains("stats:"), plain.stderr());
        assertTrue(withStats.stderr().matches("(?s)stats: 2 lines, 0\\.0 MiB in .* 1 thread, peak heap \\d+ MiB\\R"
                + "stats: scan .* parse .* rules .* ranking .*; 1 candidate records, 1 signals\\R"), withStats.stderr());
    }

    @Test
    void secretsInEvidenceAreMasked() throws IOException {
        String line = "2025-06-10T09:35:41.118Z\terror\tinternal/queue_sender.go:51\tExporting failed. Dropping data.\t"
                + "{\"otelcol.component.id\": \"otlphttp/vendor\", \"otelcol.component.kind\": \"exporter\", \"otelcol.signal\": \"traces\", "
                + "\"error\": \"not retryable error: Permanent error: rpc error: code = Unauthenticated desc = error exporting items, request to "
                + "https://alice:s3cr3tpw@otlp.vendor.example/v1/traces?api_key=AKIA12345SECRET responded with HTTP Status Code 401, "
                + "Message=rejected Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig, Details=[]\", \"dropped_items\": 512}\n";
        Path log = Files.writeString(dir.resolve("auth.log"), line);
        for (String format : new String[] {"text", "json"}) {
            Cli r = Cli.run("analyze", "-f", format, log.toString());
            assertEquals(ExitCode.PROBLEMS_FOUND, r.exit());
            assertFalse(r.stdout().contains("s3cr3tpw"), format);
            assertFalse(r.stdout().contains("AKIA12345SECRET"), format);
            assertFalse(r.stdout().contains("eyJhbGciOiJIUzI1NiJ9"), format);
            assertTrue(r.stdout().contains("auth"), format);
        }
    }

    @Test
    void groupsByFile() throws IOException {
        Path a = Files.writeString(dir.resolve("a.log"), TLS_LINE);
        Path b = Files.writeString(dir.resolve("b.log"), HEALTHY_LINE);
        JsonNode report = JSON.readTree(Cli.run("analyze", "-f", "json", "--group-by", "file", dir.toString()).stdout());
        assertEquals(2, report.get("groups").size());
        assertEquals(a.toString(), report.at("/groups/0/key").asText());
        assertEquals("tls", report.at("/groups/0/diagnoses/0/cause").asText());
        assertEquals(b.toString(), report.at("/groups/1/key").asText());
        assertTrue(report.at("/groups/1/diagnoses").isEmpty());
    }

    @Test
    void groupsByHostIncludingHealthyHosts() throws IOException {
        String failing = "Jun 10 09:12:44 gw-a otelcol-contrib[1]: " + TLS_LINE.replace("\t", "        ");
        String healthy = "Jun 10 09:12:45 gw-b otelcol-contrib[1]: " + HEALTHY_LINE.replace("\t", "        ");
        Path log = Files.writeString(dir.resolve("fleet.log"), failing + healthy + failing);
        JsonNode report = JSON.readTree(Cli.run("analyze", "-f", "json", "--group-by", "host", log.toString()).stdout());
        assertEquals(2, report.get("groups").size(), report.toString());
        assertEquals("gw-a", report.at("/groups/0/key").asText());
        assertEquals("tls", report.at("/groups/0/diagnoses/0/cause").asText());
        assertEquals("gw-b", report.at("/groups/1/key").asText());
        assertTrue(report.at("/groups/1/diagnoses").isEmpty());
    }

    @Test
    void binaryDataAndInvalidUtf8AreAccountedNotFatal() throws IOException {
        byte[] binary = {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, '\n', 0, 0, 0, '\n'};
        byte[] badUtf8 = "2025-06-10T09:00:00.000Z\tinfo\tx.go:1\tcaf\u00e9 \n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path bin = Files.write(dir.resolve("core.bin"), binary);
        Path latin1 = Files.write(dir.resolve("latin1.log"), badUtf8);
        Path tls = Files.writeString(dir.resolve("tls.log"), TLS_LINE);
        Cli r = Cli.run("analyze", "-f", "json", bin.toString(), latin1.toString(), tls.toString());
        assertEquals(ExitCode.PROBLEMS_FOUND, r.exit(), r.stderr());
        JsonNode report = JSON.readTree(r.stdout());
        for (JsonNode source : report.at("/input/sources")) {
            assertEquals(source.get("read").asLong(), source.get("parsed").asLong() + source.get("skippedNoSignature").asLong()
                    + source.get("skippedBlank").asLong() + source.get("unrecognized").asLong(), source.toString());
        }
        assertEquals("tls", report.at("/groups/0/diagnoses/0/cause").asText());
    }

    @Test
    void hugeLinesAreCutAndCounted() throws IOException {
        Path log = dir.resolve("huge.log");
        try (java.io.Writer w = Files.newBufferedWriter(log)) {
            w.write(HEALTHY_LINE);
            w.write("x".repeat(10 * 1024 * 1024));
            w.write("\n");
            w.write(TLS_LINE);
        }
        Cli r = Cli.run("analyze", "-f", "json", log.toString());
        assertEquals(ExitCode.PROBLEMS_FOUND, r.exit(), r.stderr());
        JsonNode source = JSON.readTree(r.stdout()).at("/input/sources/0");
        assertEquals(3, source.get("read").asLong());
        assertEquals(1, source.get("truncated").asLong());
        assertEquals(3, JSON.readTree(r.stdout()).at("/groups/0/diagnoses/0/evidence/0/line").asLong());
    }

    @Test
    void aDirectoryOfPlainGzippedAndTarredLogsInOneRun() throws IOException {
        Files.createDirectories(dir.resolve("node-a"));
        Files.writeString(dir.resolve("node-a/otelcol.log"), HEALTHY_LINE);
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("node-a/otelcol.log.1.gz")))) {
            gz.write(TLS_LINE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] log = (HEALTHY_LINE + TLS_LINE).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                new GZIPOutputStream(Files.newOutputStream(dir.resolve("node-b.tar.gz"))))) {
            var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("var/log/otelcol.log");
            entry.setSize(log.length);
            tar.putArchiveEntry(entry);
            tar.write(log);
            tar.closeArchiveEntry();
        }
        Cli r = Cli.run("analyze", "-f", "json", "--group-by", "file", dir.toString());
        JsonNode report = JSON.readTree(r.stdout());
        java.util.List<String> keys = new java.util.ArrayList<>();
        report.get("groups").forEach(g -> keys.add(dir.relativize(Path.of(g.get("key").asText().replace("!/", "/"))).toString()
                + (g.get("key").asText().contains("!/") ? " (in archive)" : "")));
        assertEquals(java.util.List.of("node-a/otelcol.log.1.gz", "node-a/otelcol.log", "node-b.tar.gz/var/log/otelcol.log (in archive)"), keys);
        JsonNode archived = report.at("/groups/2/diagnoses/0/evidence/0");
        assertTrue(archived.get("source").asText().endsWith("node-b.tar.gz!/var/log/otelcol.log"), archived.toString());
        assertEquals(2, archived.get("line").asLong());
        assertEquals("tls", report.at("/groups/0/diagnoses/0/cause").asText());
        assertTrue(report.at("/groups/1/diagnoses").isEmpty());
    }

    @Test
    void evalScoresLabelledLogs() throws IOException {
        Cli text = Cli.run("eval", "../corpus", "../examples");
        assertEquals(ExitCode.HEALTHY, text.exit(), text.stderr());
        assertTrue(text.stdout().contains("top-1"), text.stdout());
        assertTrue(text.stdout().contains("calibration"), text.stdout());
        assertTrue(text.stdout().contains("partial misses"), text.stdout());
        JsonNode corpus = JSON.readTree(Cli.run("eval", "--format", "json", "../corpus").stdout());
        assertTrue(corpus.at("/citations/checked").asInt() > 0, corpus.get("citations").toString());
        assertTrue(corpus.at("/citations/partialMisses").isInt(), corpus.get("citations").toString());
        JsonNode json = JSON.readTree(Cli.run("eval", "--format", "json", "../examples").stdout());
        assertTrue(json.get("samples").asInt() >= 20);
        assertTrue(json.get("top1").asDouble() > 0.9);
        assertEquals(5, json.get("calibration").size());
        assertEquals(ExitCode.PROBLEMS_FOUND, Cli.run("eval", "--min-top1", "1.5", "../examples").exit(), "gate below the bar exits 1");
        Path wrongLines = Files.createDirectories(dir.resolve("cited"));
        Files.writeString(wrongLines.resolve("a.log"), "#@ expect: tls\n#@ cite: Everything is ready\n"
                + "2025-06-10T09:12:40.000Z\tinfo\tservice@v0.130.0/service.go:239\tEverything is ready. Begin running and processing data.\n"
                + TLS_LINE);
        assertEquals(ExitCode.HEALTHY, Cli.run("eval", "--max-partial", "1", wrongLines.toString()).exit());
        assertEquals(ExitCode.PROBLEMS_FOUND, Cli.run("eval", "--max-partial", "0", wrongLines.toString()).exit(),
                "the right cause from a line that is not its proof is a partial miss");
        assertEquals(ExitCode.USAGE, Cli.run("eval", dir.resolve("missing").toString()).exit());
        Path fitted = dir.resolve("calibration.json");
        Cli fit = Cli.run("eval", "--fit-calibration", fitted.toString(), "../examples");
        assertEquals(ExitCode.HEALTHY, fit.exit(), fit.stderr());
        assertTrue(fit.stdout().contains("<- chosen"), fit.stdout());
        assertTrue(JSON.readTree(Files.readString(fitted)).get("knots").size() >= 2, Files.readString(fitted));
    }

    @Test
    void inputFormatOverridesDetection() throws IOException {
        // an SDK line that detection would take for docker compose output
        String line = "checkout-api  | Failed to export spans. Server responded with HTTP status code 401. Error message: invalid key\n";
        Path log = Files.writeString(dir.resolve("app.log"), line + TLS_LINE);
        JsonNode detected = JSON.readTree(Cli.run("analyze", "-f", "json", log.toString()).stdout());
        assertEquals(0, detected.at("/input/sources/0/unrecognized").asLong());
        assertEquals(2, detected.at("/groups/0/diagnoses").size(), "detection reads both lines");
        JsonNode console = JSON.readTree(Cli.run("analyze", "-f", "json", "--input-format", "collector-console", log.toString()).stdout());
        assertEquals(1, console.at("/input/sources/0/unrecognized").asLong(), "the SDK line is not a console line");
        assertEquals("tls", console.at("/groups/0/diagnoses/0/cause").asText());
        assertEquals(1, console.at("/groups/0/diagnoses").size());
        assertEquals(ExitCode.USAGE, Cli.run("analyze", "--input-format", "yaml", log.toString()).exit());
    }

    @Test
    void textReportFitsEightyColumns() throws IOException {
        Path log = Files.writeString(dir.resolve("tls.log"), TLS_LINE);
        for (String line : Cli.run("analyze", log.toString()).stdout().split("\n")) {
            assertTrue(line.length() <= 80, "too wide: " + line);
        }
    }
}
