package io.oteldoctor.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldoctor.ingest.RawRecord;
import io.oteldoctor.ingest.SourceStats;
import io.oteldoctor.signature.Signal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A record read through a remembered shape must come out exactly as one parsed afresh: the same
 * conditions for the rules, and its own line, time and text. Records are made from real shapes of
 * collector failures, then varied where a shape ignores the difference (times, counts, intervals)
 * and where it must not (a changed character anywhere else), valid and invalid alike.
 */
class CandidateReaderTest {

    private static final String[] TEMPLATES = {
        "%T\terror\tinternal/retry_sender.go:133\tExporting failed. Will retry the request after interval.\t{\"resource\": "
                + "{\"service.instance.id\": \"6b1f0c2e\", \"service.name\": \"otelcol-contrib\", \"service.version\": \"0.130.0\"}, "
                + "\"otelcol.component.id\": \"otlp/backend\", \"otelcol.component.kind\": \"exporter\", \"otelcol.signal\": \"traces\", "
                + "\"error\": \"rpc error: code = Unavailable desc = connection error: desc = \\\"transport: Error while dialing: dial tcp "
                + "10.20.30.40:4317: connect: connection refused\\\"\", \"interval\": %S}",
        "%T\terror\tinternal/queue_sender.go:51\tExporting failed. Dropping data.\t{\"otelcol.component.id\": \"otlphttp/vendor\", "
                + "\"otelcol.component.kind\": \"exporter\", \"error\": \"not retryable error: Permanent error: rpc error: code = "
                + "Unauthenticated desc = error exporting items, request to https://otlp.vendor.example/v1/traces responded with HTTP "
                + "Status Code 401, Message=invalid API key, Details=[]\", \"dropped_items\": %N}",
        "%T\terror\texporterhelper/common.go:296\tExporting failed. Rejecting data.\t{\"kind\": \"exporter\", \"data_type\": \"metrics\", "
                + "\"name\": \"otlp\", \"error\": \"sending queue is full\", \"rejected_items\": %N}",
        "%T\twarn\tmemorylimiter/memorylimiter.go:222\tMemory usage is above soft limit. Refusing data.\t{\"kind\": \"processor\", "
                + "\"name\": \"memory_limiter\", \"cur_mem_mib\": %N}",
        "%T\twarn\tgrpc@v1.67.1/clientconn.go:1379\t[core] [Channel #1 SubChannel #2]grpc: addrConn.createTransport failed to connect "
                + "to {Addr: \"collector.example:4317\", ServerName: \"collector.example:4317\", }. Err: connection error: desc = "
                + "\"transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown "
                + "authority\"\t{\"grpc_log\": true}",
        "%T\tinfo\tservice@v0.130.0/service.go:197\tEverything is ready. Begin running and processing data.",
        "Jun 10 09:00:00 gw-01 otelcol-contrib[812]: %T\terror\tinternal/retry_sender.go:133\tExporting failed. Will retry the "
                + "request after interval.\t{\"kind\": \"exporter\", \"name\": \"otlp\", \"error\": \"context deadline exceeded\", "
                + "\"interval\": %S}",
        "%T    error    exporterhelper/queue_sender.go:101    Exporting failed. Dropping data.    {\"kind\": \"exporter\", "
                + "\"name\": \"otlphttp\", \"error\": \"Permanent error: error exporting items, request to http://localhost:4318/v1/logs "
                + "responded with HTTP Status Code 404\", \"dropped_items\": %N}",
        "{\"level\":\"error\",\"ts\":\"%T\",\"caller\":\"internal/retry_sender.go:133\",\"msg\":\"Exporting failed. Will retry the "
                + "request after interval.\",\"resource\":{\"service.instance.id\":\"6b1f0c2e\",\"service.name\":\"otelcol-contrib\"},"
                + "\"otelcol.component.id\":\"otlp/backend\",\"otelcol.component.kind\":\"exporter\",\"error\":\"rpc error: code = "
                + "Unavailable desc = connection error: desc = \\\"transport: Error while dialing: dial tcp 10.20.30.40:4317: connect: "
                + "connection refused\\\"\",\"interval\":%S}",
        "{ \"level\": \"warn\", \"ts\": \"%T\", \"caller\": \"exporterhelper/queue_sender.go:101\", \"msg\": \"Exporting failed. "
                + "Dropping data.\", \"kind\": \"exporter\", \"name\": \"otlphttp\", \"error\": \"Permanent error: error exporting items, "
                + "request to https://otlp.vendor.example/v1/traces responded with HTTP Status Code 401\", \"dropped_items\": %N }",
        "{\"level\":\"error\",\"ts\":%N,\"msg\":\"Exporting failed. Rejecting data.\",\"error\":\"sending queue is full\","
                + "\"rejected_items\":%N}",
        "{\"__REALTIME_TIMESTAMP\":\"1749546000000000\",\"_HOSTNAME\":\"gw-01\",\"MESSAGE\":\"%T\\terror\\tinternal/retry_sender.go:133"
                + "\\tExporting failed. Will retry the request after interval.\\t{\\\"error\\\": \\\"context deadline exceeded\\\"}\","
                + "\"level\":\"error\",\"ts\":\"%T\",\"interval\":%S}",
    };

    private static final String[] TIMES = {"2025-06-10T09:00:00.023Z", "2025-06-10T09:00:07.1Z", "2025-06-10T23:59:59+02:00",
        "2025-06-10T09:00:00Z", "2025-13-45T99:99:99.000Z", "2025-06-10T09:00:00.000000001-0700", "1749546007.25"};
    private static final String[] STRINGS = {"\"21.109235904s\"", "\"3.3s\"", "\"\"", "\"a\\\"b\"", "\"\\u00e9s\"", "\"bad\\q\"",
        "\"open", "3", "null"};
    private static final String[] NUMBERS = {"2007", "1", "0", "-4", "2.5e3", "012", "1.", "\"12\"", "true"};

    @Test
    void aRememberedShapeReadsAsTheRecordParsedAfresh() {
        Random random = new Random(20261124);
        List<String> lines = new ArrayList<>();
        while (lines.size() < 6000) {
            String template = TEMPLATES[random.nextInt(TEMPLATES.length)];
            if (random.nextInt(3) == 0) {
                template = mutate(template, random);
            }
            // the same record several times with new times and values, as a failing exporter writes it
            for (int n = 1 + random.nextInt(5); n > 0; n--) {
                lines.add(template.replace("%T", TIMES[random.nextInt(TIMES.length)])
                        .replace("%S", STRINGS[random.nextInt(STRINGS.length)])
                        .replace("%N", NUMBERS[random.nextInt(NUMBERS.length)]));
            }
        }
        AnalysisOptions options = AnalysisOptions.defaults();
        CandidateReader remembering = new CandidateReader(options);
        CandidateReader fresh = new CandidateReader(options.withRemembering(false));
        SourceStats rememberingStats = new SourceStats("app.log");
        SourceStats freshStats = new SourceStats("app.log");
        int withSignal = 0;
        for (int i = 0; i < lines.size(); i++) {
            RawRecord raw = new RawRecord("app.log", i + 1, List.of(lines.get(i).getBytes(StandardCharsets.UTF_8)), false);
            Reading expected = fresh.read(raw, "app.log", freshStats);
            Reading actual = remembering.read(raw, "app.log", rememberingStats);
            assertSame(expected, actual, lines.get(i));
            withSignal += expected.signal() != null ? 1 : 0;
        }
        assertEquals(freshStats.snapshot(), rememberingStats.snapshot());
        assertTrue(withSignal > 3000, "most records report a failure: " + withSignal);
        assertTrue(remembering.readByShape() > lines.size() / 3, "read by shape: " + remembering.readByShape());
        assertEquals(0, fresh.readByShape());
    }

    @Test
    void aJsonShapeHoldsOnlyWhereTheRecordTakesItsTimeFromTs() {
        // journald's JSON takes the time from its MESSAGE; a "ts" member beside it is just a field
        String journal = "{\"__REALTIME_TIMESTAMP\":\"1749546000000000\",\"_HOSTNAME\":\"gw-01\",\"MESSAGE\":\"2025-06-10T09:00:00Z"
                + "\\terror\\tinternal/retry_sender.go:133\\tExporting failed. Will retry the request after interval.\\t{\\\"error\\\": "
                + "\\\"context deadline exceeded\\\"}\",\"level\":\"error\",\"ts\":\"%s\"}";
        CandidateReader remembering = new CandidateReader(AnalysisOptions.defaults());
        CandidateReader fresh = new CandidateReader(AnalysisOptions.defaults().withRemembering(false));
        SourceStats stats = new SourceStats("journal.json");
        String[] times = {"2025-06-10T09:00:00Z", "2025-06-10T09:00:07Z", "2025-06-10T09:01:00Z"};
        for (int i = 0; i < times.length; i++) {
            RawRecord raw = new RawRecord("journal.json", i + 1, List.of(journal.formatted(times[i]).getBytes(StandardCharsets.UTF_8)), false);
            Reading expected = fresh.read(raw, "journal.json", stats);
            assertEquals(java.time.Instant.parse("2025-06-10T09:00:00Z"), expected.signal().getTimestamp());
            assertSame(expected, remembering.read(raw, "journal.json", stats), times[i]);
        }
    }

    /** One character changed, not in a placeholder: a digit to another digit, or to a character JSON and the layouts use. */
    private static String mutate(String template, Random random) {
        char[] chars = template.toCharArray();
        int at;
        do {
            at = random.nextInt(chars.length);
        } while (chars[at] == '%' || at > 0 && chars[at - 1] == '%');
        if (Character.isDigit(chars[at]) || random.nextBoolean()) {
            chars[at] = (char) ('0' + random.nextInt(10));
        } else {
            chars[at] = "\t \"{}:,\\x".charAt(random.nextInt(9));
        }
        return new String(chars);
    }

    private static void assertSame(Reading expected, Reading actual, String line) {
        assertEquals(expected.recognized(), actual.recognized(), line);
        assertEquals(expected.group(), actual.group(), line);
        Signal e = expected.signal();
        Signal a = actual.signal();
        assertEquals(e == null, a == null, line);
        if (e == null) {
            return;
        }
        assertEquals(e.conditions(), a.conditions(), line);
        assertEquals(e.getSource(), a.getSource(), line);
        assertEquals(e.getLine(), a.getLine(), line);
        assertEquals(e.getLastLine(), a.getLastLine(), line);
        assertEquals(e.getTimestamp(), a.getTimestamp(), line);
        assertEquals(e.getHost(), a.getHost(), line);
        assertEquals(e.getText(), a.getText(), line);
        assertEquals(e.getGroup(), a.getGroup(), line);
    }
}
