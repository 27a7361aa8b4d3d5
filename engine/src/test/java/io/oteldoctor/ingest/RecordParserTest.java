package io.oteldoctor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordParserTest {

    private static final String CONSOLE = "2025-06-10T09:12:44.123Z\tinfo\tinternal/retry_sender.go:133\tExporting failed. Will retry the request after interval.\t"
            + "{\"otelcol.component.id\": \"otlp\", \"otelcol.component.kind\": \"exporter\", \"error\": \"boom\", \"interval\": \"3.7s\"}";

    private static LogRecord parse(String... lines) {
        List<byte[]> bytes = java.util.Arrays.stream(lines).map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
        return new RecordParser().parse(new RawRecord("src", 7, bytes, false));
    }

    @Test
    void collectorConsole() {
        LogRecord r = parse(CONSOLE);
        assertEquals(InputFormat.COLLECTOR_CONSOLE, r.format());
        assertEquals(Instant.parse("2025-06-10T09:12:44.123Z"), r.timestamp());
        assertEquals(Level.INFO, r.level());
        assertEquals("internal/retry_sender.go:133", r.logger());
        assertEquals("Exporting failed. Will retry the request after interval.", r.message());
        assertEquals("otlp", r.field("otelcol.component.id"));
        assertEquals("boom", r.field("error"));
        assertEquals(7, r.line());
    }

    @Test
    void journalShortWithTabsTurnedIntoSpaces() {
        LogRecord r = parse("Jun 10 09:12:44 otel-gw-01 otelcol-contrib[812]: " + CONSOLE.replace("\t", "        "));
        assertEquals(InputFormat.JOURNAL_SHORT, r.format());
        assertEquals("otel-gw-01", r.host());
        assertEquals("otelcol-contrib", r.process());
        assertEquals(Level.INFO, r.level());
        assertEquals("boom", r.field("error"));
        assertEquals(Instant.parse("2025-06-10T09:12:44.123Z"), r.timestamp());
    }

    @Test
    void syslogTagWithoutTimeAndHostStillUnwrapsTheConsoleLine() {
        LogRecord r = parse("otelcol-contrib[812]: " + CONSOLE.replace("\t", "        "));
        assertEquals(InputFormat.JOURNAL_SHORT, r.format());
        assertEquals("otelcol-contrib", r.process());
        assertEquals("internal/retry_sender.go:133", r.logger());
        assertEquals("boom", r.field("error"));
        assertEquals(Instant.parse("2025-06-10T09:12:44.123Z"), r.timestamp());
    }

    @Test
    void aLevelWordInsideASentenceIsNoLevel() {
        assertEquals(Level.UNKNOWN, parse("pushing trace data via the OTLP exporter did not succeed").level());
        assertEquals(Level.ERROR, parse("OpenTelemetry trace error occurred. cannot send span to the batch span processor").level());
        assertEquals(Level.INFO, parse("info: exporter started").level());
        assertEquals(Level.DEBUG, parse("[debug] sending 3 spans").level());
    }

    @Test
    void aConsoleLineWhoseHeadAPasteCutOffKeepsItsMessageAndFields() {
        LogRecord r = parse("failed to send traces        {\"component_kind\": \"exporter\", \"component_name\": \"datadog\", \"error\": \"boom\"}");
        assertEquals("failed to send traces", r.message());
        assertEquals("boom", r.field("error"));
        assertEquals(Level.UNKNOWN, r.level());
    }

    @Test
    void ecsJsonIsTheRecordNotAnEnvelope() {
        LogRecord r = parse("{\"log.level\":\"error\",\"@timestamp\":\"2026-02-27T11:04:29.833Z\",\"message\":\"Exporting failed. Rejecting data.\","
                + "\"otelcol.component.kind\":\"exporter\",\"error\":{\"message\":\"element size too large\"},"
                + "\"log.origin\":{\"file.name\":\"internal/base_exporter.go\",\"file.line\":114},\"otelcol.component.id\":\"otlphttp\"}");
        assertEquals(InputFormat.COLLECTOR_JSON, r.format());
        assertEquals(Level.ERROR, r.level());
        assertEquals("Exporting failed. Rejecting data.", r.message());
        assertEquals("element size too large", r.field("error"));
        assertEquals("internal/base_exporter.go:114", r.logger());
        assertEquals(Instant.parse("2026-02-27T11:04:29.833Z"), r.timestamp());
    }

    @Test
    void aPodsNameBeforeAConsoleLineIsAPrefix() {
        LogRecord r = parse("otel-gw-7c9f5d6b8-x2x9k otc-container 2025-05-27T07:00:48.102Z\twarn\tbatchprocessor@v0.126.0/batch_processor.go:264\t"
                + "Sender failed\t{\"otelcol.component.id\": \"batch\", \"otelcol.component.kind\": \"processor\", \"error\": \"boom\"}");
        assertEquals(Level.WARN, r.level());
        assertEquals("Sender failed", r.message());
        assertEquals("boom", r.field("error"));
        LogRecord kept = parse("lupa-745957c65f-5rxmg 2022-12-14T12:18:20.865Z    warn    batchprocessor@v0.64.1/batch_processor.go:178    Sender failed    "
                + "{\"kind\": \"processor\", \"name\": \"batch\", \"error\": \"context deadline exceeded\"}");
        assertEquals("Sender failed", kept.message());
        assertEquals(Level.WARN, kept.level());
    }

    @Test
    void dartLoggingPutsItsTimeAfterTheLevel() {
        LogRecord r = parse("WARNING: 2024-02-19 16:38:23.374773: Failed to export 3 spans.");
        assertEquals(Level.WARN, r.level());
        assertEquals("Failed to export 3 spans.", r.message());
    }

    @Test
    void aLineStartingWithAWordAndAColonIsNoSyslogTag() {
        LogRecord r = parse("Error: failed to build pipelines: unknown type: \"otlpx\"");
        assertEquals(InputFormat.PLAIN, r.format());
        assertNull(r.process());
    }

    @Test
    void rustTracingLayoutsNameTheirTargetNotAHost() {
        LogRecord full = parse("2026-02-19T12:53:22.091417Z ERROR ThreadId(36) opentelemetry_sdk:  name=\"BatchSpanProcessor.ExportError\"");
        assertEquals(InputFormat.PLAIN, full.format());
        assertEquals(Level.ERROR, full.level());
        assertEquals("opentelemetry_sdk", full.logger());
        assertNull(full.host());
        assertEquals(Instant.parse("2026-02-19T12:53:22.091417Z"), full.timestamp());
        LogRecord pretty = parse("  2026-02-19T12:53:22.091435Z  WARN opentelemetry_otlp::exporter: , name: \"Export\"");
        assertEquals(Level.WARN, pretty.level());
        assertEquals("opentelemetry_otlp::exporter", pretty.logger());
        assertEquals(", name: \"Export\"", pretty.message());
    }

    @Test
    void journalShortIsoAndKernelLines() {
        LogRecord r = parse("2025-06-10T09:55:41+0000 otel-gw-01 kernel: Out of memory: Killed process 812 (otelcol-contrib)");
        assertEquals(InputFormat.JOURNAL_SHORT, r.format());
        assertEquals("kernel", r.process());
        assertEquals("Out of memory: Killed process 812 (otelcol-contrib)", r.message());
    }

    @Test
    void journalJsonWithTheConsoleLineInMessage() {
        String json = "{\"__REALTIME_TIMESTAMP\":\"1749547800010412\",\"_HOSTNAME\":\"otel-gw-01\",\"SYSLOG_IDENTIFIER\":\"otelcol-contrib\","
                + "\"PRIORITY\":\"6\",\"MESSAGE\":\"" + CONSOLE.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"}";
        LogRecord r = parse(json);
        assertEquals(InputFormat.JOURNAL_JSON, r.format());
        assertEquals("otel-gw-01", r.host());
        assertEquals("boom", r.field("error"));
        assertEquals(Instant.parse("2025-06-10T09:12:44.123Z"), r.timestamp(), "the collector's own time wins over journald's");
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"";
    }

    @Test
    void rsyslogJsonmesgFromItsSocketWithEscapedTabs() {
        String line = "{ \"msg\": " + jsonString(" " + CONSOLE.replace("\t", "#011"))
                + ", \"timereported\": \"2026-11-23T20:04:11.173379+00:00\", \"hostname\": \"vm\", \"syslogtag\": \"otelcol[42]:\","
                + " \"programname\": \"otelcol\", \"inputname\": \"imuxsock\", \"$!\": null }";
        LogRecord r = parse(line);
        assertEquals(InputFormat.SHIPPER_JSON, r.format());
        assertEquals("vm", r.host());
        assertEquals("otelcol", r.process());
        assertEquals("boom", r.field("error"));
        assertEquals(Instant.parse("2025-06-10T09:12:44.123Z"), r.timestamp(), "the collector's own time wins over the shipper's");
    }

    @Test
    void syslogNgFormatJsonIsNotJournald() {
        String line = "{\"PROGRAM\":\"otelcol\",\"PRIORITY\":\"notice\",\"MESSAGE\":" + jsonString(CONSOLE)
                + ",\"ISODATE\":\"2026-11-23T20:05:02+00:00\",\"HOST\":\"vm\",\"FACILITY\":\"user\"}";
        LogRecord r = parse(line);
        assertEquals(InputFormat.SHIPPER_JSON, r.format());
        assertEquals("vm", r.host());
        assertEquals("boom", r.field("error"));
    }

    @Test
    void vectorAndFluentBitRecords() {
        LogRecord vector = parse("{\"message\":" + jsonString("plain text without a time") + ",\"timestamp\":\"2026-11-23T20:05:02.5Z\","
                + "\"host\":\"node-7\",\"source_type\":\"file\"}");
        assertEquals(InputFormat.SHIPPER_JSON, vector.format());
        assertEquals("node-7", vector.host());
        assertEquals(Instant.parse("2026-11-23T20:05:02.5Z"), vector.timestamp(), "without its own time, the shipper's is used");
        LogRecord fluentBit = parse("{\"date\":1763928302.25,\"log\":" + jsonString("no time here") + "}");
        assertEquals(InputFormat.SHIPPER_JSON, fluentBit.format());
        assertEquals(Instant.ofEpochMilli(1763928302250L), fluentBit.timestamp());
    }

    @Test
    void anApplicationsOwnJsonWithAMessageIsNotAnEnvelope() {
        LogRecord r = parse("{\"stack\":\"Error: x\",\"message\":\"getaddrinfo ENOTFOUND collector\",\"hostname\":\"collector\"}");
        assertEquals(InputFormat.PLAIN, r.format());
    }

    @Test
    void journalJsonMessageAsBytesOrNull() {
        LogRecord bytes = parse("{\"MESSAGE\":[104,105],\"__REALTIME_TIMESTAMP\":\"1000000\"}");
        assertEquals("hi", bytes.message());
        assertEquals(Instant.ofEpochSecond(1), bytes.timestamp());
        assertEquals("", parse("{\"MESSAGE\":null}").message());
    }

    @Test
    void collectorJsonWithEpochOrIsoTime() {
        LogRecord epoch = parse("{\"level\":\"error\",\"ts\":1709550300.5,\"caller\":\"exporterhelper/common.go:213\",\"msg\":\"Exporting failed. Rejecting data.\","
                + "\"kind\":\"exporter\",\"name\":\"otlphttp\",\"error\":\"sending queue is full\",\"resource\":{\"service.name\":\"otelcol\"}}");
        assertEquals(InputFormat.COLLECTOR_JSON, epoch.format());
        assertEquals(Instant.parse("2024-03-04T11:05:00.500Z"), epoch.timestamp());
        assertEquals(Level.ERROR, epoch.level());
        assertEquals("otelcol", epoch.field("resource.service.name"));
        LogRecord iso = parse("{\"level\":\"info\",\"ts\":\"2025-06-10T09:13:02.877Z\",\"msg\":\"x\"}");
        assertEquals(Instant.parse("2025-06-10T09:13:02.877Z"), iso.timestamp());
    }

    @Test
    void sdkLayouts() {
        LogRecord agent = parse("[otel.javaagent 2025-06-10 09:36:10:044 +0000] [OkHttp https://x:4317/...] WARN io.opentelemetry.exporter.internal.grpc.GrpcExporter - Failed to export spans.");
        assertEquals(Level.WARN, agent.level());
        assertEquals("io.opentelemetry.exporter.internal.grpc.GrpcExporter", agent.logger());
        assertEquals("Failed to export spans.", agent.message());
        assertEquals(Instant.parse("2025-06-10T09:36:10.044Z"), agent.timestamp());
        LogRecord jul = parse("SEVERE: Failed to export spans.", "java.net.ConnectException: refused");
        assertEquals(Level.ERROR, jul.level());
        assertEquals("java.net.ConnectException: refused", jul.continuation());
        LogRecord go = parse("2025/06/10 09:36:12 traces export: context deadline exceeded");
        assertEquals(Instant.parse("2025-06-10T09:36:12Z"), go.timestamp());
        assertEquals("traces export: context deadline exceeded", go.message());
        LogRecord py = parse("WARNING:opentelemetry.exporter.otlp.proto.grpc.exporter:Transient error StatusCode.UNAVAILABLE");
        assertEquals(Level.WARN, py.level());
        assertEquals("opentelemetry.exporter.otlp.proto.grpc.exporter", py.logger());
    }

    @Test
    void julTwoLineRecordsReadAsOne() {
        LogRecord r = parse("Jun 10, 2025 9:12:44 AM io.opentelemetry.exporter.internal.http.HttpExporter onError",
                "SEVERE: Failed to export spans. The request could not be executed.",
                "java.net.ConnectException: Failed to connect to localhost/127.0.0.1:4318");
        assertEquals(Level.ERROR, r.level());
        assertEquals("io.opentelemetry.exporter.internal.http.HttpExporter", r.logger());
        assertEquals("Failed to export spans. The request could not be executed.", r.message());
        assertEquals("java.net.ConnectException: Failed to connect to localhost/127.0.0.1:4318", r.continuation());
        assertEquals(Instant.parse("2025-06-10T09:12:44Z"), r.timestamp());
    }

    @Test
    void containerTransports() {
        LogRecord cri = parse("2025-06-10T09:12:44.123456789Z stderr F " + CONSOLE);
        assertEquals(InputFormat.KUBERNETES_CRI, cri.format());
        assertEquals("boom", cri.field("error"));
        LogRecord split = parse("2025-06-10T09:12:44.1Z stderr P " + CONSOLE.substring(0, 60), "2025-06-10T09:12:44.1Z stderr F " + CONSOLE.substring(60));
        assertEquals("boom", split.field("error"));
        assertEquals("", split.continuation());
        LogRecord kubectl = parse("[pod/otel-collector-7d9f8/otc] " + CONSOLE);
        assertEquals(InputFormat.KUBECTL_PREFIX, kubectl.format());
        assertEquals("otel-collector-7d9f8", kubectl.host());
        assertEquals("boom", kubectl.field("error"));
        String escaped = CONSOLE.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t");
        LogRecord docker = parse("{\"log\":\"" + escaped + "\\n\",\"stream\":\"stderr\",\"time\":\"2025-06-10T09:12:44.123456789Z\"}");
        assertEquals(InputFormat.DOCKER_JSON, docker.format());
        assertEquals("boom", docker.field("error"));
        LogRecord compose = parse("otel-collector-1  | " + CONSOLE);
        assertEquals(InputFormat.DOCKER_COMPOSE, compose.format());
        assertEquals("otel-collector-1", compose.host());
        assertEquals("boom", compose.field("error"));
    }

    @Test
    void grpcAddressDumpIsOneMessageWithItsError() {
        LogRecord r = parse("2025-06-10T10:05:02.000Z\twarn\tzapgrpc/zapgrpc.go:191\t[core] [Channel #1 SubChannel #2] grpc: addrConn.createTransport failed to connect to {",
                "  \"Addr\": \"otel-gw.example.test:4317\",", "  \"ServerName\": \"otel-gw.example.test:4317\",", "  \"Metadata\": null",
                "}. Err: connection error: desc = \"transport: authentication handshake failed: tls: first record does not look like a TLS handshake\"\t{\"grpc_log\": true}");
        assertEquals("[core] [Channel #1 SubChannel #2] grpc: addrConn.createTransport failed to connect to { \"Addr\": \"otel-gw.example.test:4317\", "
                + "\"ServerName\": \"otel-gw.example.test:4317\", \"Metadata\": null }. Err: connection error: desc = \"transport: authentication handshake "
                + "failed: tls: first record does not look like a TLS handshake\"", r.message());
        assertEquals("true", r.field("grpc_log"));
        assertEquals("", r.continuation());
        // gRPC logging through Go's standard logger has no fields object: the closing line still joins the message
        LogRecord std = parse("2025/06/10 10:05:02 WARNING: [core] [Channel #1] Resolver state updated: {", "  \"Addresses\": [", "    {",
                "      \"Addr\": \"otel-gw.example.test:4317\"", "    }", "  ]", "} (resolver returned new addresses)");
        assertEquals("WARNING: [core] [Channel #1] Resolver state updated: { \"Addresses\": [ { \"Addr\": \"otel-gw.example.test:4317\" } ] } "
                + "(resolver returned new addresses)", std.message());
        // a stack trace under a line that opened nothing stays a continuation
        LogRecord traced = parse("2025/06/10 10:05:02 export failed: {", "\tmain.go:12", "panic: boom");
        assertEquals("export failed: {", traced.message());
    }

    @Test
    void k9sBoxIsTakenOffAndWrappedSegmentsJoinExactly() {
        String line = CONSOLE.replace("\t", "    ");
        int width = 70;
        List<String> segments = new java.util.ArrayList<>();
        for (int i = 0; i < line.length(); i += width) {
            String segment = line.substring(i, Math.min(line.length(), i + width));
            segments.add("\u2502 " + segment + " ".repeat(width - segment.length()) + " \u2502");
        }
        LogRecord r = parse(segments.toArray(String[]::new));
        assertEquals(InputFormat.COLLECTOR_CONSOLE, r.format());
        assertEquals("Exporting failed. Will retry the request after interval.", r.message());
        assertEquals("otlp", r.field("otelcol.component.id"));
        assertEquals("3.7s", r.field("interval"), "a segment wrapped mid-word joins with nothing between");
        assertEquals("", r.continuation());
        // a line that fits its box, with the bar straight after the text or after a space
        assertEquals("boom", parse("\u2502 " + line + "   \u2502").field("error"));
        assertEquals("boom", parse("\u2502 " + line + "\u2502").field("error"));
        // a line that only holds the character is read as it is
        assertEquals("\u2502 " + line, parse("\u2502 " + line).message());
    }

    @Test
    void consoleWithZapsEpochTime() {
        String head = "1.7495467641234567e+09\terror\texporterhelper/queued_retry.go:401\tExporting failed. The error is not retryable. Dropping data."
                + "\t{\"kind\": \"exporter\", \"data_type\": \"logs\", \"name\": \"otlphttp\", \"error\": \"Permanent error: 413\"}";
        LogRecord r = parse(head, "go.opentelemetry.io/collector/exporter/exporterhelper.(*retrySender).send",
                "\tgo.opentelemetry.io/collector@v0.71.0/exporter/exporterhelper/queued_retry.go:401");
        assertEquals(InputFormat.COLLECTOR_CONSOLE, r.format());
        assertEquals(Instant.ofEpochSecond(1749546764, 123_456_700), r.timestamp());
        assertEquals(Level.ERROR, r.level());
        assertEquals("exporterhelper/queued_retry.go:401", r.logger());
        assertEquals("Exporting failed. The error is not retryable. Dropping data.", r.message());
        assertEquals("otlphttp", r.field("name"));
        assertEquals(2, r.continuation().split("\n").length);
        // the same time written without the exponent, and with its tabs turned into spaces
        assertEquals(Instant.ofEpochSecond(1749546764, 123_456_700), parse(head.replace("1.7495467641234567e+09", "1749546764.1234567")).timestamp());
        assertEquals("otlphttp", parse(head.replace("\t", "    ")).field("name"));
        // a number that is no epoch second (milliseconds, a count) does not make a console line
        assertEquals(InputFormat.PLAIN, parse(head.replace("1.7495467641234567e+09", "1.7495467641234567e+12")).format());
        assertEquals(InputFormat.PLAIN, parse(head.replace("1.7495467641234567e+09", "42")).format());
    }

    @Test
    void cloudFoundryLogsUnwrapToTheAppsLine() {
        LogRecord cf = parse("   2025-06-10T05:12:44.12-0400 [APP/PROC/WEB/0] ERR " + CONSOLE);
        assertEquals(InputFormat.CLOUD_FOUNDRY, cf.format());
        assertEquals("APP/PROC/WEB/0", cf.process());
        assertEquals(InputFormat.COLLECTOR_CONSOLE, new RecordParser().detect(CONSOLE));
        assertEquals("internal/retry_sender.go:133", cf.logger());
        assertEquals("boom", cf.field("error"));
        assertEquals(Instant.parse("2025-06-10T09:12:44.123Z"), cf.timestamp(), "the app's own time, not the platform's");
        // the platform's time where the app's line has none; other sources and OUT read alike
        LogRecord router = parse("2025-06-10T05:12:44.12-0400 [RTR/1]      OUT otel-gw.apps.example.test - [2025-06-10T09:12:44Z] \"POST /v1/traces HTTP/1.1\" 503");
        assertEquals(InputFormat.CLOUD_FOUNDRY, router.format());
        assertEquals("RTR/1", router.process());
        assertEquals(Instant.parse("2025-06-10T09:12:44.120Z"), router.timestamp());
        byte[] line = ("   2025-06-10T05:12:44.12-0400 [CELL/0] OUT " + CONSOLE).getBytes(StandardCharsets.UTF_8);
        assertEquals("   2025-06-10T05:12:44.12-0400 [CELL/0] OUT ".length(), Layouts.messageStart(line, 0, line.length));
        // a bracketed word after a time that is not followed by OUT or ERR and a space is no cf prefix
        assertNotEquals(InputFormat.CLOUD_FOUNDRY, parse("2025-06-10T05:12:44.12-0400 [APP/PROC/WEB/0] STDERR boom").format());
        assertNotEquals(InputFormat.CLOUD_FOUNDRY, parse("2025-06-10T05:12:44.12-0400 [core] ERR: grpc failed").format());
    }

    @Test
    void windowsEventLogAsFormatListShowsIt() {
        LogRecord event = parse("Message            : " + CONSOLE);
        assertEquals(InputFormat.WINDOWS_EVENT_LIST, event.format());
        assertEquals("boom", event.field("error"));
        assertEquals(Level.parse("info"), event.level());
        // Get-WinEvent pads the names to its own width
        assertEquals("boom", parse("Message      : " + CONSOLE).field("error"));
        // another property, and an SDK's own "Message:" text, are not the event's message
        assertEquals(InputFormat.PLAIN, parse("ReplacementStrings : {" + CONSOLE + "}").format());
        assertEquals(InputFormat.PLAIN, parse("Message: export failed").format());
        byte[] line = ("Message            : " + CONSOLE).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("Message            : ".length(), Layouts.messageStart(line, 0, line.length));
    }

    @Test
    void syslogFilesWithEscapedTabs() {
        LogRecord rfc3164 = parse("Jun 10 09:12:44 otel-gw-01 otelcol-contrib[812]: " + CONSOLE.replace("\t", "#011"));
        assertEquals("boom", rfc3164.field("error"));
        assertEquals("otel-gw-01", rfc3164.host());
        LogRecord rfc5424 = parse("<14>1 2025-06-10T09:12:44.123456+00:00 otel-gw-01 otelcol-contrib 812 - - " + CONSOLE.replace("\t", "#011"));
        assertEquals(InputFormat.SYSLOG_RFC5424, rfc5424.format());
        assertEquals("otel-gw-01", rfc5424.host());
        assertEquals("boom", rfc5424.field("error"));
    }

    @Test
    void syslogLinesWhoseHostAPasteCutOut() {
        // the identifier is told from a host by its bracket, even with the pid blanked
        LogRecord r = parse("Jan 15 16:10:09 alloy[]: level=warn msg=\"error sending batch, will retry\" component_id=loki.write.default "
                + "error=\"context deadline exceeded\"");
        assertEquals(InputFormat.JOURNAL_SHORT, r.format());
        assertEquals("alloy", r.process());
        assertEquals(null, r.host());
        assertEquals("error sending batch, will retry", r.message());
        assertEquals("loki.write.default", r.field("component_id"));
        LogRecord withPid = parse("Jan 15 16:10:09 otelcol-contrib[812]: " + CONSOLE);
        assertEquals("otelcol-contrib", withPid.process());
        assertEquals("boom", withPid.field("error"));
        // with the host in place nothing changes
        LogRecord full = parse("Jan 15 16:10:09 gw-2 alloy[77]: level=warn msg=\"x\"");
        assertEquals("gw-2", full.host());
        assertEquals("alloy", full.process());
    }

    @Test
    void consoleFieldsPrettyPrintedBelowTheLine() {
        LogRecord r = parse("2022-05-14T08:21:44.908Z\terror\texporterhelper/queued_retry.go:93\tExporting failed. Dropping data.\t",
                "{", "    \"kind\": \"exporter\",", "    \"name\": \"otlp/honeycomb\",", "    \"error\": \"boom\"", "}");
        assertEquals("Exporting failed. Dropping data.", r.message());
        assertEquals("otlp/honeycomb", r.field("name"));
        assertEquals("boom", r.field("error"));
        assertEquals("", r.continuation());
        // grpc-go's JSON address dump goes on after its brace, so it is no fields object
        LogRecord dump = parse("2023-01-02T03:04:05.000Z\twarn\tzapgrpc/zapgrpc.go:191\t[core] grpc: addrConn.createTransport failed to connect to {",
                "\"Addr\": \"gw:4317\",", "\"ServerName\": \"gw:4317\"", "}. Err: connection error: desc = \"transport: x\"\t{\"grpc_log\": true}");
        assertTrue(dump.message().contains("Err: connection error"));
    }

    @Test
    void awsLambdaRuntimeLines() {
        LogRecord node = parse("2026-02-19T09:12:30.428Z\t5f0c2a7e-41b9-4d0e-9c55-0a8e77d3b2c1\tERROR\t{\"stack\":\"Error: x\",\"message\":\"x\"}");
        assertEquals(Level.ERROR, node.level());
        assertEquals(Instant.parse("2026-02-19T09:12:30.428Z"), node.timestamp());
        assertEquals("Error: x", node.field("stack"));
        LogRecord python = parse("[WARNING]\t2026-02-19T09:12:31.002Z\tundefined\tTransient error StatusCode.UNAVAILABLE encountered while exporting");
        assertEquals(Level.WARN, python.level());
        assertEquals("Transient error StatusCode.UNAVAILABLE encountered while exporting", python.message());
    }

    @Test
    void theJavaAgentsOlderNames() {
        for (String name : new String[] {"opentelemetry.auto.trace", "opentelemetry.javaagent", "otel.javaagent"}) {
            LogRecord r = parse("[" + name + " 2021-02-08 10:41:07:114 +0000] [main] INFO io.opentelemetry.x.Y - hello");
            assertEquals(Level.INFO, r.level(), name);
            assertEquals("io.opentelemetry.x.Y", r.logger(), name);
            assertEquals("hello", r.message(), name);
        }
    }

    @Test
    void alloyLogfmt() {
        LogRecord r = parse("ts=2025-06-10T09:12:44.123Z level=info msg=\"Exporting failed. Will retry the request after interval.\" "
                + "component_path=/ component_id=otelcol.exporter.otlp.default error=\"rpc error: code = Unavailable desc = \\\"x\\\"\" interval=5.5s");
        assertEquals(InputFormat.LOGFMT, r.format());
        assertEquals(Level.INFO, r.level());
        assertEquals("Exporting failed. Will retry the request after interval.", r.message());
        assertEquals("otelcol.exporter.otlp.default", r.field("component_id"));
        assertEquals("rpc error: code = Unavailable desc = \"x\"", r.field("error"));
        assertEquals(Instant.parse("2025-06-10T09:12:44.123Z"), r.timestamp());
    }

    @Test
    void pastedConsoleLinesWithoutTabs() {
        LogRecord spaces = parse(CONSOLE.replace("\t", " "));
        assertEquals(Level.INFO, spaces.level());
        assertEquals("internal/retry_sender.go:133", spaces.logger());
        assertEquals("Exporting failed. Will retry the request after interval.", spaces.message());
        assertEquals("boom", spaces.field("error"));
        LogRecord indented = parse("    " + CONSOLE);
        assertEquals("boom", indented.field("error"));
        assertEquals(InputFormat.COLLECTOR_CONSOLE, indented.format());
    }

    @Test
    void consoleLinesWhoseSeparatorsAreGone() {
        // what Docker Desktop's log view and some web consoles copy: no tab is left anywhere
        LogRecord r = parse(CONSOLE.replace("\t", ""));
        assertEquals(InputFormat.COLLECTOR_CONSOLE, r.format());
        assertEquals(Instant.parse("2025-06-10T09:12:44.123Z"), r.timestamp());
        assertEquals(Level.INFO, r.level());
        assertEquals("internal/retry_sender.go:133", r.logger());
        assertEquals("Exporting failed. Will retry the request after interval.", r.message());
        assertEquals("boom", r.field("error"));
        // a time and a level word run together without a Go caller are not enough
        LogRecord prose = parse("2025-06-10T09:12:44.123Zinfo the exporter will retry {\"a\": 1}");
        assertEquals(InputFormat.PLAIN, prose.format());
        assertEquals(Level.UNKNOWN, prose.level());
    }

    @Test
    void aViewersTimeBeforeTheRecordKeepsTheRecordsLayout() {
        for (String line : List.of("2025-06-10 11:12:44 " + CONSOLE.replace("\t", ""), "2025-06-10 11:12:44 " + CONSOLE,
                "2025-06-10T09:12:44.123456789Z " + CONSOLE)) {
            LogRecord r = parse(line);
            assertEquals(Level.INFO, r.level(), line);
            assertEquals("internal/retry_sender.go:133", r.logger(), line);
            assertEquals("Exporting failed. Will retry the request after interval.", r.message(), line);
            assertEquals("boom", r.field("error"), line);
            assertEquals(Instant.parse("2025-06-10T09:12:44.123Z"), r.timestamp(), "the record's own time, which has its zone");
        }
    }

    @Test
    void aConsoleLineBrokenOverIndentedLinesIsReadAsOne() {
        LogRecord r = parse("2024-05-21T21:20:10.481Z\twarn\tzapgrpc/zapgrpc.go:195\t[core] grpc: addrConn.createTransport failed to connect to "
                        + "{Addr: \"10.0.0.4:3301\", }.",
                " Err: connection error: desc = \"error reading server preface: http2: frame too large\"\t{\"grpc_log\": true}");
        assertEquals(Level.WARN, r.level());
        assertEquals("[core] grpc: addrConn.createTransport failed to connect to {Addr: \"10.0.0.4:3301\", }. Err: connection error: "
                + "desc = \"error reading server preface: http2: frame too large\"", r.message());
        assertEquals("true", r.field("grpc_log"));
        assertEquals("", r.continuation());
        // a Go stack trace under a line that has its fields stays a continuation
        LogRecord traced = parse(CONSOLE.replace("\tinfo\t", "\terror\t"), "go.opentelemetry.io/collector/exporter.(*x).send",
                "\t/build/exporter.go:42 {\"a\": 1}");
        assertEquals("boom", traced.field("error"));
        assertEquals("Exporting failed. Will retry the request after interval.", traced.message());
        assertFalse(traced.continuation().isEmpty());
    }

    @Test
    void aMarkdownQuoteAroundAPastedLineIsNotPartOfIt() {
        LogRecord r = parse("> " + CONSOLE);
        assertEquals(InputFormat.COLLECTOR_CONSOLE, r.format());
        assertEquals("boom", r.field("error"));
        assertEquals("internal/retry_sender.go:133", r.logger());
    }

    @Test
    void grpcCoreGlogLinesAndTheirMessageOnTheLinesBelow() {
        LogRecord one = parse("E0312 09:44:18.224861000 140372118738496 ssl_transport_security.cc:1519] Handshake failed with fatal error SSL_ERROR_SSL");
        assertEquals(Level.ERROR, one.level());
        assertEquals("ssl_transport_security.cc:1519", one.logger());
        assertEquals("Handshake failed with fatal error SSL_ERROR_SSL", one.message());
        LogRecord broken = parse("W0312 09:44:18.224861000 140372118738496 subchannel.cc:806]", "    Connect failed:",
                "        UNAVAILABLE: ipv4:10.0.0.9:4317: Connection refused");
        assertEquals(Level.WARN, broken.level());
        assertEquals("Connect failed: UNAVAILABLE: ipv4:10.0.0.9:4317: Connection refused", broken.message());
        assertEquals("", broken.continuation());
    }

    @Test
    void quarkusConsoleLinesNameTheirCategory() {
        LogRecord r = parse("2025-04-07 10:21:19,906 SEVERE [io.qua.ope.run.exp.otl.VertxGrpcExporter] (vert.x-eventloop-thread-0) "
                + "Failed to export spans. The request could not be executed.");
        assertEquals(Level.ERROR, r.level());
        assertEquals("io.qua.ope.run.exp.otl.VertxGrpcExporter", r.logger());
        assertEquals("Failed to export spans. The request could not be executed.", r.message());
        assertEquals(Instant.parse("2025-04-07T10:21:19.906Z"), r.timestamp());
    }

    @Test
    void consoleLinesWithoutTheirTime() {
        String untimed = CONSOLE.substring(CONSOLE.indexOf('\t') + 1);
        for (String line : List.of(untimed, untimed.replace("\t", "    "), untimed.replace("\t", " "))) {
            LogRecord r = parse(line);
            assertEquals(InputFormat.COLLECTOR_CONSOLE, r.format(), line);
            assertNull(r.timestamp());
            assertEquals(Level.INFO, r.level());
            assertEquals("internal/retry_sender.go:133", r.logger());
            assertEquals("Exporting failed. Will retry the request after interval.", r.message());
            assertEquals("boom", r.field("error"));
        }
        // a level word opening prose is no console line: the caller is missing
        LogRecord prose = parse("info: the exporter will retry after interval {\"a\": 1}");
        assertEquals(InputFormat.PLAIN, prose.format());
    }

    @Test
    void goStandardLogLinesInsideAStructuredLoggersInfoRecord() {
        LogRecord r = parse("time=\"2024-09-19T11:58:13Z\" level=info msg=\"2024/09/19 11:58:13 failed to upload metrics: rpc error: "
                + "code = Unavailable desc = connection refused\"");
        assertEquals(InputFormat.LOGFMT, r.format());
        assertEquals(Level.UNKNOWN, r.level(), "the redirect's info is not the line's level");
        assertEquals("failed to upload metrics: rpc error: code = Unavailable desc = connection refused", r.message());
        assertEquals(Instant.parse("2024-09-19T11:58:13Z"), r.timestamp());
        // a level the structured logger was given on purpose stays
        LogRecord error = parse("time=\"2024-09-19T11:58:13Z\" level=error msg=\"2024/09/19 11:58:13 failed to upload metrics: boom\"");
        assertEquals(Level.ERROR, error.level());
        assertEquals("failed to upload metrics: boom", error.message());
        // and its own info lines stay info
        assertEquals(Level.INFO, parse("time=\"2024-09-19T11:58:13Z\" level=info msg=\"metrics uploaded\"").level());
    }

    @Test
    void binaryIsNotARecord() {
        assertNull(new RecordParser().parse(new RawRecord("src", 1, List.of(new byte[] {'a', 0, 'b'}), false)));
    }

    /** The streamed reading of a console line's fields must give what reading the tree and flattening it gave. */
    @org.junit.jupiter.api.Test
    void streamedFieldsMatchTheTreeFlattened() throws Exception {
        // trailing commas accepted on both sides: the parser allows them on purpose
        com.fasterxml.jackson.databind.ObjectMapper mapper = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA).build();
        String[] objects = {
                "{\"resource\": {\"service.name\": \"otelcol\", \"deep\": {\"er\": 1}}, \"error\": \"rpc error: code = Unavailable\"}",
                "{\"rejected_items\": 606, \"ts\": 1718010764.123456, \"big\": 123456789012345678901234567890, \"neg\": -0.0}",
                "{\"ok\": true, \"no\": false, \"none\": null, \"list\": [1, \"a\", {\"b\": [true]}], \"empty\": {}}",
                "{\"\": \"empty key\", \"esc\": \"tab\\there \\u00e9 \\\"q\\\"\", \"exp\": 1e3}",
                "{\"a\": 1} trailing text", "{}", "{\"unclosed\": 1", "[1, 2]", "not json", "{\"a\": }", "{\"a\": 1,}"};
        for (String text : objects) {
            java.util.Map<String, String> expected = null;
            try {
                com.fasterxml.jackson.databind.JsonNode node = mapper.readTree(text);
                if (node != null && node.isObject()) {
                    expected = new java.util.LinkedHashMap<>();
                    treeFlatten("", node, expected);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                expected = null;
            }
            java.util.Map<String, String> actual = RecordParser.flatObject(text);
            assertEquals(expected, actual, text);
            if (expected != null) {
                assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), text);
            }
        }
    }

    private static void treeFlatten(String prefix, com.fasterxml.jackson.databind.JsonNode node, java.util.Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> treeFlatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (!prefix.isEmpty()) {
            out.put(prefix, node.isValueNode() ? node.asText() : node.toString());
        }
    }

    private static final String GCP_ENTRY_TEXT = "2026-03-02T07:15:09.441Z\terror\tinternal/queue_sender.go:57\tExporting failed. Dropping data.\t"
            + "{\"otelcol.component.id\": \"googlecloud\", \"otelcol.component.kind\": \"exporter\", \"error\": \"boom\"}";

    @Test
    void cloudLoggingEntriesCarryTheLineInTextPayload() {
        LogRecord r = parse("{\"insertId\":\"x1\",\"textPayload\":" + jsonString(GCP_ENTRY_TEXT) + ",\"severity\":\"ERROR\","
                + "\"timestamp\":\"2026-03-02T07:15:09.500Z\",\"logName\":\"projects/p/logs/stderr\"}");
        assertEquals(InputFormat.SHIPPER_JSON, r.format());
        assertEquals(Level.ERROR, r.level());
        assertEquals("boom", r.field("error"));
        assertEquals(Instant.parse("2026-03-02T07:15:09.441Z"), r.timestamp(), "the collector's own time wins over the entry's");
    }

    @Test
    void aPrettyPrintedEntryIsReadAsOneLineEvenCutDownToOneFieldWithItsComma() {
        LogRecord r = parse("  {", "    \"textPayload\": " + jsonString(GCP_ENTRY_TEXT) + ",", "  },");
        assertEquals(InputFormat.SHIPPER_JSON, r.format());
        assertEquals("googlecloud", r.field("otelcol.component.id"));
        assertEquals("Exporting failed. Dropping data.", r.message());
        assertEquals("", r.continuation());
    }

    @Test
    void aCollectorJsonLineInACloudLoggingJsonPayload() {
        LogRecord r = parse("{", "  \"jsonPayload\": {", "    \"level\": \"error\",", "    \"msg\": \"Exporting failed. Dropping data.\",",
                "    \"error\": \"boom\"", "  },", "  \"timestamp\": \"2026-03-02T07:15:09.5Z\"", "}");
        assertEquals(InputFormat.SHIPPER_JSON, r.format());
        assertEquals(Level.ERROR, r.level());
        assertEquals("boom", r.field("error"));
        assertEquals(Instant.parse("2026-03-02T07:15:09.5Z"), r.timestamp(), "without ts of its own, the entry's time");
    }

    @Test
    void aPrettyPrintedObjectThatIsNoLogEntryIsReadLineByLine() {
        LogRecord r = parse("{", "  \"error\": \"rpc error: code = Unavailable\",", "  \"dropped_items\": 5", "}");
        assertEquals(InputFormat.PLAIN, r.format());
        assertEquals("{", r.message());
    }

    @Test
    void aFieldsObjectCutShortKeepsItsFieldsAndTheTextBeforeTheCut() {
        String cut = CONSOLE.substring(0, CONSOLE.indexOf("\"error\"")) + "\"error\": \"dial tcp: lookup db on 10.0.0.10:53: no such host\\nPerm";
        LogRecord tabs = parse(cut);
        assertEquals("Exporting failed. Will retry the request after interval.", tabs.message());
        assertEquals("otlp", tabs.field("otelcol.component.id"));
        assertEquals("dial tcp: lookup db on 10.0.0.10:53: no such host\nPerm", tabs.field("error"));
        LogRecord spaces = parse(cut.replace("\t", " ").replace("{\"otelcol", "{\"resource\": {\"service.name\": \"c\"}, \"otelcol"));
        assertEquals("otlp", spaces.field("otelcol.component.id"), "the line's own object, not the one nested in it");
        assertEquals("c", spaces.field("resource.service.name"));
    }

    @Test
    void readingUpToACut() {
        assertEquals(java.util.Map.of("a", "1", "b.c", "x\ty"), RecordParser.flatObjectUpToCut("{\"a\": 1, \"b\": {\"c\": \"x\\ty"));
        assertEquals(java.util.Map.of("a", "q\""), RecordParser.flatObjectUpToCut("{\"a\": \"q\\\"\\u00"), "a cut inside an escape drops it");
        assertEquals(java.util.Map.of("a", "1"), RecordParser.flatObjectUpToCut("{\"a\": 1, \"b"));
        assertNull(RecordParser.flatObjectUpToCut("{\"a\": 1 \"b\": 2"), "malformed before the end is no object");
        assertNull(RecordParser.flatObjectUpToCut("not json"));
    }

    @Test
    void springBootConsoleNamesItsLoggerAndLevel() {
        LogRecord r = parse("2025-01-23T11:03:47.876Z  WARN 1 --- [orders] [trics-publisher] i.m.registry.otlp.OtlpMeterRegistry      : "
                + "Failed to publish metrics to OTLP receiver (context: url=http://localhost:4318/v1/metrics)");
        assertEquals(Level.WARN, r.level());
        assertEquals("i.m.registry.otlp.OtlpMeterRegistry", r.logger());
        assertEquals(Instant.parse("2025-01-23T11:03:47.876Z"), r.timestamp());
        assertTrue(r.message().startsWith("Failed to publish metrics"));
        LogRecord boot2 = parse("2023-04-02 08:15:30.412 ERROR 7 --- [           main] o.s.boot.SpringApplication               : "
                + "Application run failed");
        assertEquals(Level.ERROR, boot2.level());
        assertEquals("o.s.boot.SpringApplication", boot2.logger());
    }

    @Test
    void anApplicationsJsonLineGivesItsMessageAndLogger() {
        // behind a transport's prefix, where no log shipper's JSON is expected
        LogRecord r = parse("data-connector_1  | {\"timestamp\":\"2023-09-07T17:02:05.366Z\",\"loggerName\":\"io.opentelemetry.exporter.internal.grpc.OkHttpGrpcExporter\","
                + "\"level\":\"SEVERE\",\"message\":\"Failed to export spans.\",\"threadName\":\"OkHttp\"}");
        assertEquals("Failed to export spans.", r.message());
        assertEquals("io.opentelemetry.exporter.internal.grpc.OkHttpGrpcExporter", r.logger());
        assertEquals(Instant.parse("2023-09-07T17:02:05.366Z"), r.timestamp());
    }

    @Test
    void aConsoleLineCutBeforeItsCallerKeepsCallerMessageAndFields() {
        LogRecord r = parse("exporterhelper/queued_retry.go:99       Dropping data because sending_queue is full. Try increasing queue_size. "
                + "{\"kind\": \"exporter\", \"name\": \"otlp/search\"}");
        assertEquals("exporterhelper/queued_retry.go:99", r.logger());
        assertEquals("Dropping data because sending_queue is full. Try increasing queue_size.", r.message());
        assertEquals("otlp/search", r.field("name"));
    }
}
