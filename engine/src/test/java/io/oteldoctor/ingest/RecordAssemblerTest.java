package io.oteldoctor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordAssemblerTest {

    private static final String ZAP_ERROR = "2025-06-10T10:05:00.100Z\terror\tinternal/base_exporter.go:117\tExporting failed. Rejecting data.\t{\"error\": \"sending queue is full\"}\n"
            + "go.opentelemetry.io/collector/exporter/exporterhelper/internal.(*BaseExporter).Send\n"
            + "\tgo.opentelemetry.io/collector/exporter@v0.130.0/exporterhelper/internal/base_exporter.go:117\n";
    private static final String JAVA = "SEVERE: Failed to export spans. The request could not be executed.\n"
            + "java.net.ConnectException: Failed to connect to otel-collector/10.0.0.5:4317\n"
            + "\tat okhttp3.internal.connection.RealConnection.connectSocket(RealConnection.kt:297)\n"
            + "Caused by: java.net.ConnectException: Connection refused\n"
            + "\t... 12 more\n";
    private static final String INFO = "2025-06-10T10:05:01.000Z\tinfo\tservice@v0.130.0/service.go:275\tEverything is ready.\n";

    private record Run(List<RawRecord> records, SourceAccounting accounting) {
    }

    private static Run assemble(String text, LineFilter filter) throws IOException {
        SourceStats stats = new SourceStats("t");
        List<RawRecord> records = new ArrayList<>();
        RecordAssembler a = new RecordAssembler("t", stats, r -> {
            records.add(r);
            stats.parsed(InputFormat.PLAIN, r.lines().size());
        });
        new LineScanner(1024, filter).scan(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), a);
        return new Run(records, stats.snapshot());
    }

    @Test
    void stackTracesJoinTheirHeader() throws IOException {
        Run run = assemble(ZAP_ERROR + INFO + JAVA, LineFilter.ALL);
        assertEquals(List.of(1L, 4L, 5L), run.records().stream().map(RawRecord::firstLine).toList());
        assertEquals(List.of(3, 1, 5), run.records().stream().map(r -> r.lines().size()).toList());
    }

    @Test
    void aGoPanicKeepsTheTraceGoPrintsAfterOneBlankLine() throws IOException {
        String panic = "panic: TODO\n\ngoroutine 48 [running]:\n"
                + "github.com/example/exporter.(*exp).push(0xc0003dbd00, 0x4383e60)\n\t/src/exporter/exporter.go:72 +0x47\n";
        Run run = assemble(INFO + panic + INFO, LineFilter.ALL);
        assertEquals(List.of(1L, 2L, 7L), run.records().stream().map(RawRecord::firstLine).toList());
        assertEquals(5, run.records().get(1).lines().size(), "the blank line is one of the record's lines");
        assertEquals(0, run.accounting().skippedBlank());
        assertEquals(run.accounting().read(), run.accounting().parsed());

        Run twoBlanks = assemble("panic: TODO\n\n\ngoroutine 48 [running]:\n", LineFilter.ALL);
        assertEquals(2, twoBlanks.records().size());
        assertEquals(2, twoBlanks.accounting().skippedBlank());
        Run otherLine = assemble("panic: TODO\n\n" + INFO, LineFilter.ALL);
        assertEquals(2, otherLine.records().size());
        assertEquals(1, otherLine.accounting().skippedBlank());

        byte[] b = ("panic: TODO\n\ngoroutine 48 [running]:\n").getBytes(StandardCharsets.UTF_8);
        assertFalse(RecordAssembler.startsRecordAfter(b, 0, 11, 12, 12), "a blank line under a record may still join it");
        assertFalse(RecordAssembler.startsRecordAfter(b, 12, 12, 13, b.length - 1), "the trace joins across the blank line");
    }

    @Test
    void aContainersBlankLineIsBlank() throws IOException {
        Run run = assemble("otel    | panic: TODO\notel    |\notel    | goroutine 48 [running]:\notel    | created by main.main\n", LineFilter.ALL);
        assertEquals(1, run.records().size());
        assertEquals(4, run.records().get(0).lines().size());
    }

    @Test
    void aRecordPassesWhenAnyOfItsLinesPasses() throws IOException {
        LineFilter onlyCausedBy = (b, s, e) -> new String(b, s, e - s, StandardCharsets.UTF_8).startsWith("Caused by");
        Run run = assemble(INFO + JAVA + "\n" + INFO, onlyCausedBy);
        assertEquals(1, run.records().size());
        assertEquals(5, run.records().get(0).lines().size());
        assertEquals(2L, run.records().get(0).firstLine());
    }

    @Test
    void everyLineIsAccountedFor() throws IOException {
        LineFilter queueOnly = (b, s, e) -> new String(b, s, e - s, StandardCharsets.UTF_8).contains("queue");
        Run run = assemble(ZAP_ERROR + "\n   \n" + INFO + JAVA, queueOnly);
        SourceAccounting a = run.accounting();
        assertEquals(11, a.read());
        assertEquals(3, a.parsed());
        assertEquals(2, a.skippedBlank());
        assertEquals(6, a.skippedNoSignature());
        assertEquals(a.read(), a.parsed() + a.skippedBlank() + a.skippedNoSignature() + a.unrecognized());
    }

    @Test
    void aPythonTracebackJoinsTheLineThatLoggedIt() throws IOException {
        String py = "Exception while exporting Span batch.\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/srv/venv/lib/python3.11/site-packages/urllib3/connection.py\", line 203, in _new_conn\n"
                + "socket.gaierror: [Errno 11001] getaddrinfo failed\n"
                + "requests.exceptions.ConnectionError: HTTPConnectionPool(host='otel', port=4318): Max retries exceeded\n";
        Run run = assemble(py + INFO, LineFilter.ALL);
        assertEquals(List.of(1L, 6L), run.records().stream().map(RawRecord::firstLine).toList());
        assertEquals(5, run.records().get(0).lines().size());
    }

    @Test
    void aBareErrorLineStillStartsARecord() throws IOException {
        Run run = assemble(INFO + "Error: invalid configuration: exporters::otlp: endpoint must be set\n", LineFilter.ALL);
        assertEquals(2, run.records().size());
    }

    @Test
    void aJulLevelLineJoinsOnlyItsHeader() throws IOException {
        String jul = "Jun 10, 2025 9:12:44 AM io.opentelemetry.exporter.internal.http.HttpExporter onError\n" + JAVA;
        Run run = assemble(INFO + jul, LineFilter.ALL);
        assertEquals(List.of(1L, 2L), run.records().stream().map(RawRecord::firstLine).toList());
        assertEquals(6, run.records().get(1).lines().size());
    }

    @Test
    void indentedRecordsPastedInACodeBlockStayApart() throws IOException {
        String indented = (ZAP_ERROR + INFO).lines().map(l -> "    " + l).reduce("", (a, l) -> a + l + "\n");
        Run run = assemble(indented, LineFilter.ALL);
        assertEquals(List.of(1L, 4L), run.records().stream().map(RawRecord::firstLine).toList());
        assertEquals(3, run.records().get(0).lines().size());
    }

    @Test
    void journalEntriesHoldingOneStackLineEachJoinUp() throws IOException {
        String journal = "{\"MESSAGE\":\"2025-06-10T10:05:00.100Z\\terror\\tinternal/x.go:1\\tExporting failed. Dropping data.\\t{}\",\"_HOSTNAME\":\"h\"}\n"
                + "{\"MESSAGE\":\"go.opentelemetry.io/collector/exporter/exporterhelper/internal.NewQueueSender.func1\",\"_HOSTNAME\":\"h\"}\n"
                + "{\"MESSAGE\":\"\\tgo.opentelemetry.io/collector/exporter@v0.130.0/exporterhelper/internal/queue_sender.go:51\",\"_HOSTNAME\":\"h\"}\n";
        Run run = assemble(journal, LineFilter.ALL);
        assertEquals(1, run.records().size());
        assertEquals(3, run.records().get(0).lines().size());
    }

    @Test
    void eachObjectOfAPrettyPrintedArrayIsARecordOfItsOwn() throws IOException {
        String entry = "  {\n    \"textPayload\": \"x\",\n    \"resource\": {\n      \"type\": \"k8s_container\"\n    }\n  }";
        Run run = assemble("[\n" + entry + ",\n" + entry + "\n]\n", LineFilter.ALL);
        assertEquals(List.of(1L, 2L, 8L), run.records().stream().map(RawRecord::firstLine).toList());
        assertEquals(List.of(1, 6, 7), run.records().stream().map(r -> r.lines().size()).toList(),
                "the closing bracket ends the last record");
    }

    @Test
    void cloudFoundryStackFramesJoinTheirRecord() throws IOException {
        StringBuilder cf = new StringBuilder();
        for (String line : (ZAP_ERROR + INFO).split("\n")) {
            cf.append("   2025-06-10T06:05:00.10-0400 [APP/PROC/WEB/0] ERR ").append(line).append('\n');
        }
        Run run = assemble(cf.toString(), LineFilter.ALL);
        assertEquals(List.of(3, 1), run.records().stream().map(r -> r.lines().size()).toList());
    }

    private static final String GRPC_DUMP = "2025-06-10T10:05:02.000Z\twarn\tzapgrpc/zapgrpc.go:191\t[core] [Channel #1 SubChannel #2] grpc: "
            + "addrConn.createTransport failed to connect to {\n"
            + "  \"Addr\": \"otel-gw.example.test:4317\",\n"
            + "  \"ServerName\": \"otel-gw.example.test:4317\",\n"
            + "  \"Metadata\": null\n"
            + "}. Err: connection error: desc = \"transport: authentication handshake failed: tls: first record does not look like a TLS handshake\""
            + "\t{\"grpc_log\": true}\n";

    @Test
    void aBlockOpenedAtTheEndOfARecordIsClosedByItsBraceLine() throws IOException {
        Run run = assemble(INFO + GRPC_DUMP + INFO, LineFilter.ALL);
        assertEquals(List.of(1, 5, 1), run.records().stream().map(r -> r.lines().size()).toList());
        // the same through a transport that puts a prefix on every line, and through journald's JSON
        StringBuilder journal = new StringBuilder();
        StringBuilder json = new StringBuilder();
        for (String line : (INFO + GRPC_DUMP + INFO).split("\n")) {
            journal.append("Jun 10 10:05:02 otel-gw-01 otelcol-contrib[812]: ").append(line).append('\n');
            json.append("{\"MESSAGE\":\"").append(line.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t"))
                    .append("\",\"_HOSTNAME\":\"otel-gw-01\"}\n");
        }
        assertEquals(List.of(1, 5, 1), assemble(journal.toString(), LineFilter.ALL).records().stream().map(r -> r.lines().size()).toList());
        assertEquals(List.of(1, 5, 1), assemble(json.toString(), LineFilter.ALL).records().stream().map(r -> r.lines().size()).toList());
    }

    @Test
    void aBraceLineJoinsOnlyARecordThatOpenedABlock() throws IOException {
        // a record that opened no block, and one whose block is already closed, are not continued
        String strayClose = "}. Err: connection error: desc = \"transport: Error while dialing: dial tcp 10.0.0.5:4317: connect: connection refused\"\n";
        Run run = assemble(INFO + strayClose + GRPC_DUMP + strayClose, LineFilter.ALL);
        assertEquals(List.of(1, 1, 5, 1), run.records().stream().map(r -> r.lines().size()).toList());
        // the brace line may close a block any line before it opened, so no piece of a log is cut there
        byte[] b = (INFO + strayClose).getBytes(StandardCharsets.UTF_8);
        int k = INFO.length() - 1;
        assertEquals(false, RecordAssembler.startsRecordAfter(b, 0, k, k + 1, b.length - 1));
    }

    @Test
    void aPrettyPrintedObjectIsOneRecordToItsClosingBrace() throws IOException {
        // opentelemetry-js errors logged by console.log(JSON.stringify(err, null, 4)): the lone '{' opens it
        String pretty = "{\n    \"stack\": \"OTLPExporterError: Bad Request\\n    at IncomingMessage.<anonymous> (util.js:76:35)\",\n"
                + "    \"name\": \"OTLPExporterError\",\n    \"code\": \"400\"\n}\n";
        Run run = assemble(pretty + pretty, LineFilter.ALL);
        assertEquals(List.of(5, 5), run.records().stream().map(r -> r.lines().size()).toList());
    }

    @Test
    void dotNetSelfDiagnosticsKeepTheirExceptionChain() throws IOException {
        String log = "[2024-02-19T14:07:51.0023311Z] [Error] EventSource=OpenTelemetry-Exporter-OpenTelemetryProtocol, "
                + "Message=Exporter failed send data to collector to https://otlp.example.org/v1/traces endpoint. Data will not be sent.\n"
                + "Exception: System.Net.Http.HttpRequestException: An error occurred while sending the request.\n"
                + "---> System.Net.WebException: The underlying connection was closed: An unexpected error occurred on a send.\n"
                + "   at System.Net.TlsStream.EndWrite(IAsyncResult asyncResult)\n"
                + "[2024-02-19T14:07:56.0023311Z] [Error] EventSource=OpenTelemetry-Exporter-OpenTelemetryProtocol, Message=...\n"
                + "Exception: see the message above\n";
        // a line "Exception: " starts only when a dotted exception name follows, as the SDK writes it
        assertEquals(List.of(4, 1, 1), assemble(log, LineFilter.ALL).records().stream().map(r -> r.lines().size()).toList());
    }

    @Test
    void phpStackFramesJoinTheExceptionAbove() throws IOException {
        String log = "OpenTelemetry: [error] Export failure [exception] Not Found\n"
                + "#0 /srv/app/vendor/open-telemetry/exporter-otlp/SpanExporter.php(41): send('{...}', NULL)\n"
                + "#1 [internal function]: OpenTelemetry\\SDK\\Trace\\TracerProvider->shutdown()\n"
                + "#2 C:\\inetpub\\app\\vendor\\autoload.php(12): run()\n"
                + "#3 {main}\n"
                + "#4 items were dropped\n"
                + "#general is where we talk\n";
        // a numbered line that is not a frame (no path, no internal function, no {main}) starts a record
        assertEquals(List.of(5, 1, 1), assemble(log, LineFilter.ALL).records().stream().map(r -> r.lines().size()).toList());
    }

    @Test
    void fieldsPrettyPrintedUnderAConsoleLineJoinIt() throws IOException {
        String head = "2022-05-14T08:21:44.908Z\terror\texporterhelper/queued_retry.go:93\tExporting failed. Dropping data.\t\n";
        String fields = "{\n    \"kind\": \"exporter\",\n    \"name\": \"otlp\"\n}\n";
        Run run = assemble(head + fields + INFO, LineFilter.ALL);
        assertEquals(List.of(5, 1), run.records().stream().map(r -> r.lines().size()).toList());
        // without the tab that separates a console message from its fields, a lone brace starts its own object
        Run apart = assemble(head.replace("\t\n", "\n") + fields, LineFilter.ALL);
        assertEquals(List.of(1, 4), apart.records().stream().map(r -> r.lines().size()).toList());
        byte[] b = (head + fields).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int braceStart = head.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertFalse(RecordAssembler.startsRecordAfter(b, 0, braceStart - 1, braceStart, braceStart + 1),
                "a reader that starts at the brace would split what a reader from the top joins");
    }

    @Test
    void aBlockWhoseIndentationAPasteLostStillHoldsItsMembers() throws IOException {
        String flat = GRPC_DUMP.replace("\n  \"", "\n\"");
        Run run = assemble(INFO + flat + INFO, LineFilter.ALL);
        assertEquals(List.of(1, 5, 1), run.records().stream().map(r -> r.lines().size()).toList());
        // a quoted name and a colon continue only a block a record opened
        assertEquals(List.of(1, 1), assemble(INFO + "\"Addr\": \"otel-gw.example.test:4317\",\n", LineFilter.ALL)
                .records().stream().map(r -> r.lines().size()).toList());
    }

    private static String boxed(String text, int width) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        do {
            String segment = text.substring(i, Math.min(text.length(), i + width));
            out.append("\u2502 ").append(segment).append(" ".repeat(width - segment.length())).append(" \u2502\n");
            i += width;
        } while (i < text.length());
        return out.toString();
    }

    @Test
    void k9sSegmentsThatFillTheirBoxJoinTheNextBoxedLine() throws IOException {
        String head = ZAP_ERROR.split("\n")[0].replace("\t", "    ");
        String k9s = boxed(head, 60) + boxed("go.opentelemetry.io/collector/exporter/exporterhelper/internal.(*BaseExporter).Send", 60)
                + boxed("    go.opentelemetry.io/collector/exporter@v0.130.0/exporterhelper/internal/base_exporter.go:117", 60)
                + boxed(INFO.strip().replace("\t", "    "), 60);
        Run run = assemble(k9s, LineFilter.ALL);
        assertEquals(List.of(3 + 2 + 2, 2), run.records().stream().map(r -> r.lines().size()).toList());
        // a full segment before a line without the box ends its record; so does a padded one
        Run unboxed = assemble(boxed(head.substring(0, 60), 60) + INFO + boxed(head.substring(0, 59), 60) + boxed(head, 60), LineFilter.ALL);
        assertEquals(List.of(1, 1, 1, 3), unboxed.records().stream().map(r -> r.lines().size()).toList());
    }

    @Test
    void theBoxCharacterInsideOrdinaryLinesChangesNothing() throws IOException {
        String table = "\u2502 exporter \u2502 otlp/gateway \u2502 failing\n"
                + "2025-06-10T10:05:01.000Z\tinfo\tservice@v0.130.0/service.go:275\tstatus \u2502 ready \u2502\n";
        Run run = assemble(table + table, LineFilter.ALL);
        assertEquals(List.of(1, 1, 1, 1), run.records().stream().map(r -> r.lines().size()).toList());
    }
}
