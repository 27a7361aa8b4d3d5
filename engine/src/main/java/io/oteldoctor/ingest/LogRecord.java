package io.oteldoctor.ingest;

import java.time.Instant;
import java.util.Map;

/**
 * One log record after its transport was unwrapped: the collector's (or an SDK's) own message
 * and structured fields, with where it came from.
 *
 * @param line         1-based number of the record's first line in its source
 * @param lastLine     number of its last line (continuation lines included)
 * @param format       the outer layout the record arrived in
 * @param timestamp    the record's own time, or null when it carries none that can be read
 * @param host         host name from the transport (journald), or null
 * @param process      emitting process or journald identifier ({@code otelcol-contrib}, {@code kernel}), or null
 * @param logger       zap caller ({@code internal/retry_sender.go:133}) or SDK logger name, or null
 * @param message      the log message without fields
 * @param fields       structured fields, flattened with dotted keys; values as text
 * @param continuation continuation lines (stack traces, {@code Caused by:} chains) joined by newlines, or ""
 */
public record LogRecord(String source, long line, long lastLine, InputFormat format, Instant timestamp,
                        String host, String process, Level level, String logger, String message,
                        Map<String, String> fields, String continuation) {

    public LogRecord {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields)); // in the record's own order
        continuation = continuation == null ? "" : continuation;
    }

    public String field(String key) {
        return fields.get(key);
    }

    /** The first of the given fields that is present. */
    public String firstField(String... keys) {
        for (String key : keys) {
            String v = fields.get(key);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
