package io.oteldoctor.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oteldoctor.ingest.LineSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what {@code journalctl -o json} shows of a collector, second by second: steady info lines
 * and, while a fault is on, an exporter's failure lines every few seconds. Follow-mode tests and
 * the soak benchmark replay it; the failure texts are the collector's own (see signatures.md).
 */
public final class CollectorStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String TLS = "rpc error: code = Unavailable desc = connection error: desc = \\\"transport: authentication handshake "
            + "failed: tls: failed to verify certificate: x509: certificate signed by unknown authority\\\"";
    public static final String REFUSED = "rpc error: code = Unavailable desc = connection error: desc = \\\"transport: Error while "
            + "dialing: dial tcp 10.0.0.5:4317: connect: connection refused\\\"";
    public static final String UNAUTHENTICATED = "Permanent error: rpc error: code = Unauthenticated desc = invalid API key";

    private final List<String> lines = new ArrayList<>();
    private final String host;
    private Instant now;

    public CollectorStream(String host, Instant start) {
        this.host = host;
        this.now = start;
    }

    /** {@code seconds} of healthy output, one line a second. */
    public CollectorStream healthy(int seconds) {
        for (int i = 0; i < seconds; i++) {
            info("memorylimiter/memorylimiter.go:180", "Memory usage is within limits", "\"cur_mem_mib\": 120");
            now = now.plusSeconds(1);
        }
        return this;
    }

    /** {@code seconds} of an exporter failing every {@code every} seconds with {@code error}, among healthy lines. */
    public CollectorStream failing(String exporter, String error, boolean permanent, int seconds, int every) {
        for (int i = 0; i < seconds; i++) {
            if (i % every == 0) {
                String fields = "\"kind\": \"exporter\", \"data_type\": \"traces\", \"name\": \"" + exporter + "\", \"error\": \""
                        + error + "\"" + (permanent ? ", \"dropped_items\": 12" : ", \"interval\": \"5.1s\"");
                console(permanent ? "error" : "info", permanent ? "exporterhelper/queue_sender.go:101" : "exporterhelper/retry_sender.go:118",
                        permanent ? "Exporting failed. Dropping data." : "Exporting failed. Will retry the request after interval.", fields);
            } else {
                info("memorylimiter/memorylimiter.go:180", "Memory usage is within limits", "\"cur_mem_mib\": 120");
            }
            now = now.plusSeconds(1);
        }
        return this;
    }

    public Instant now() {
        return now;
    }

    public CollectorStream skip(Duration d) {
        now = now.plus(d);
        return this;
    }

    public List<String> lines() {
        return lines;
    }

    public void feed(LineSink sink) {
        for (String line : lines) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            sink.line(b, 0, b.length, false, true);
        }
    }

    private void info(String caller, String message, String fields) {
        console("info", caller, message, fields);
    }

    private void console(String level, String caller, String message, String fields) {
        String text = now + "\t" + level + "\t" + caller + "\t" + message + "\t{" + fields + "}";
        ObjectNode entry = JSON.createObjectNode();
        entry.put("__REALTIME_TIMESTAMP", Long.toString(now.toEpochMilli() * 1000));
        entry.put("_HOSTNAME", host);
        entry.put("SYSLOG_IDENTIFIER", "otelcol-contrib");
        entry.put("MESSAGE", text);
        lines.add(entry.toString());
    }
}
