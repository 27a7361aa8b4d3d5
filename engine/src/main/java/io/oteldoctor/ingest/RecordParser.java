package io.oteldoctor.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a raw record into a {@link LogRecord}: unwraps the transport (journald JSON or
 * {@code short*}), then reads the collector's console or JSON layout, or an SDK logger's layout.
 * Only records that passed the prefilter get here, so clarity wins over speed.
 */
public final class RecordParser {

    // A factory and node factory, no ObjectMapper: creating the first mapper loads and initialises
    // data binding (date formats, introspection), some 70 ms of every start on the reading thread.
    // Trailing commas allowed: a JSON entry pasted into an issue is often cut down to the field
    // that matters, and the comma after it stays.
    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** zap's level names as the console encoder writes them (lower case, or upper case with the capital encoder). */
    static final java.util.List<String> CONSOLE_LEVELS = java.util.List.of("debug", "info", "warn", "error", "dpanic", "panic",
            "fatal", "DEBUG", "INFO", "WARN", "ERROR", "DPANIC", "PANIC", "FATAL");
    private static final String CONSOLE_LEVEL = "(" + String.join("|", CONSOLE_LEVELS) + ")";
    /**
     * The console time: ISO 8601, or seconds since the epoch as zap's epoch encoder writes them
     * ({@code 1.6795869182428775e+09}, or {@code 1679586918.2428775}). Only a number of seconds
     * between 2001 and 2286 is a time, so a count or a millisecond time is never taken for one.
     */
    private static final String CONSOLE_TIME = "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})"
            + "|\\d\\.\\d+e\\+09|\\d{10}(?:\\.\\d+)?)";
    private static final Pattern CONSOLE_HEAD = Pattern.compile("^" + CONSOLE_TIME + "(?:\\t| {2,})" + CONSOLE_LEVEL + "(?:\\t| {2,})");
    private static final Pattern PASTED_CONSOLE = Pattern.compile("^" + CONSOLE_TIME + " +" + CONSOLE_LEVEL + " +");
    private static final Pattern CALLER = Pattern.compile("^[\\w.@/+-]+\\.go:\\d+$");
    private static final Pattern CALLER_FIRST_CONSOLE = Pattern.compile("^([\\w.@/+-]+\\.go:\\d+)(?:\\t+| {2,})(?=\\S)");
    /**
     * The console layout with its separators gone, as some log viewers copy it (Docker Desktop,
     * web consoles that drop tabs): {@code 2024-11-08T15:25:29.344Zwarngrpc@v1.67.1/clientconn.go:1379[core] ...}.
     * The caller is required: the time, a level word and a Go file and line run together say
     * console, where a time and a word alone could be anything.
     */
    private static final Pattern GLUED_CONSOLE = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2}))[ \\t]*" + CONSOLE_LEVEL
                    + "[ \\t]*([\\w.@/+-]+\\.go:\\d+)[ \\t]*");
    /**
     * The console layout without its time (a collector configured without one, or a line whose
     * time was cut off when it was pasted): a zap level, then a caller, each followed by a tab or
     * by spaces. The caller is what tells it from prose that starts with a level word.
     */
    private static final Pattern UNTIMED_CONSOLE = Pattern.compile("^" + CONSOLE_LEVEL + "(?:\\t+| +)([\\w.@/+-]+\\.go:\\d+)(?:\\t+| +)");
    /**
     * AWS Lambda's runtimes: Node's {@code <time>⇥<request id>⇥<LEVEL>⇥<message>} and Python's
     * {@code [LEVEL]⇥<time>⇥<request id>⇥<message>}; the request id reads "undefined" outside an invocation.
     */
    private static final Pattern LAMBDA_NODE = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z)\\t(?:[0-9a-f-]{36}|undefined)\\t(TRACE|DEBUG|INFO|WARN|ERROR|FATAL)\\t(.*)$", Pattern.DOTALL);
    private static final Pattern LAMBDA_PYTHON = Pattern.compile(
            "^\\[(DEBUG|INFO|WARNING|ERROR|CRITICAL)\\]\\t(\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z)\\t(?:[0-9a-f-]{36}|undefined)\\t(.*)$", Pattern.DOTALL);
    /** The Java agent's own log line; before 1.0 it named itself opentelemetry.auto.trace, then opentelemetry.javaagent. */
    private static final Pattern JAVAAGENT = Pattern.compile(
            "^\\[(?:otel\\.javaagent|opentelemetry\\.javaagent|opentelemetry\\.auto\\.trace) ([^\\]]+)\\] \\[([^\\]]*)\\] (TRACE|DEBUG|INFO|WARN|ERROR) (\\S+) - (.*)$", Pattern.DOTALL);
    private static final Pattern JUL_LEVEL = Pattern.compile(
            "^(SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST): (.*)$", Pattern.DOTALL);
    /** Dart's logging package prints the same level names as JUL, then the time: {@code WARNING: 2024-02-19 16:38:23.374773: ...}. */
    private static final Pattern DART_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?): ");
    private static final String JUL_TIME = "([A-Z][a-z]{2} \\d{1,2}, \\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M)";
    private static final Pattern JUL_HEADER = Pattern.compile("^" + JUL_TIME + " (\\S+)(?: (\\S+))?$");
    /** JUL's two lines joined into one, as a paste or a log shipper flattens them. */
    private static final Pattern JUL_ONE_LINE = Pattern.compile(
            "^" + JUL_TIME + " (\\S+) \\S+ (SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST): (.*)$", Pattern.DOTALL);
    /**
     * Spring Boot's console layout: {@code 2025-01-23T11:03:47.876Z  WARN 1 --- [app] [thread] logger : message}
     * (3.x; 2.x has no application name and a space-separated time).
     */
    private static final Pattern SPRING_BOOT = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}[.,]\\d{3}(?:Z|[+-]\\d{2}:?\\d{2})?)\\s+(TRACE|DEBUG|INFO|WARN|ERROR) +\\d+ --- "
                    + "(?:\\[[^\\]]*\\] *)+(\\S+) *: (.*)$", Pattern.DOTALL);
    private static final Pattern LOGBACK = Pattern.compile(
            "^(?:\\d{4}-\\d{2}-\\d{2}[ T])?\\d{2}:\\d{2}:\\d{2}[.,]\\d{3} \\[([^\\]]*)\\] (TRACE|DEBUG|INFO|WARN|ERROR)\\s+(\\S+) - (.*)$",
            Pattern.DOTALL);
    private static final Pattern PYTHON_BASIC = Pattern.compile(
            "^(CRITICAL|ERROR|WARNING|INFO|DEBUG):([\\w.]+):(.*)$", Pattern.DOTALL);
    private static final Pattern GO_STD = Pattern.compile(
            "^(\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?) (.*)$", Pattern.DOTALL);
    private static final Pattern DOTNET_SELF_DIAG = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d+Z):(.*)$", Pattern.DOTALL);
    /** Ruby's stdlib Logger, which opentelemetry-ruby logs through: {@code E, [2025-06-10T09:12:44.123456 #4242] ERROR -- : message}. */
    private static final Pattern RUBY_LOGGER = Pattern.compile(
            "^[DIWEFA], \\[(\\d{4}-\\d{2}-\\d{2}T[\\d:.]+)\\s*#\\d+\\]\\s+(DEBUG|INFO|WARN|ERROR|FATAL|ANY) -- ([^:]*): (.*)$", Pattern.DOTALL);
    /**
     * Erlang's and Elixir's default logger formats: {@code 09:12:44.123 [error] message}, date
     * optional, and the time too ({@code [info] message}, Phoenix's development console).
     */
    private static final Pattern BEAM_LOGGER = Pattern.compile(
            "^(?:(?:\\d{4}-\\d{2}-\\d{2}[ T])?\\d{2}:\\d{2}:\\d{2}\\.\\d{3,6} )?\\[(debug|info|notice|warning|error|critical|alert|emergency)\\] (.*)$",
            Pattern.DOTALL);
    /**
     * swift-log's stream handler: {@code 2025-10-16T10:44:27+0000 warning swift-otel: key=value [source] message}.
     * Shaped like journald's short-iso line, with the level where the host would be.
     */
    private static final Pattern SWIFT_LOG = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})) (trace|debug|info|notice|warning|error|critical) ([^\\s:]+) ?:(?: (.*))?$",
            Pattern.DOTALL);
    /**
     * Rust's tracing-subscriber fmt layout, {@code 2026-02-19T12:53:22.091417Z ERROR ThreadId(36)
     * opentelemetry_sdk: message}: the level in capitals where journald's host would be, an optional
     * thread, then the target. Its pretty layout indents the same head by two spaces.
     */
    private static final Pattern RUST_TRACING = Pattern.compile(
            "^ {0,2}(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})) +(TRACE|DEBUG|INFO|WARN|ERROR) +"
                    + "(?:ThreadId\\(\\d+\\) +)?([A-Za-z_][\\w:]*): ?(.*)$", Pattern.DOTALL);
    /**
     * Quarkus's console layout (JBoss Log Manager): {@code 2025-04-07 10:21:19,906 SEVERE
     * [io.qua.ope.run.exp.otl.VertxGrpcExporter] (vert.x-eventloop-thread-0) message}, the category
     * abbreviated, JUL's level names where the code logs through JUL.
     */
    private static final Pattern JBOSS = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3}) +(FATAL|ERROR|SEVERE|WARN|WARNING|INFO|CONFIG|DEBUG|FINE|TRACE|FINER|FINEST)"
                    + " +\\[([^\\]]+)\\] \\([^)]*\\) (.*)$", Pattern.DOTALL);
    /**
     * glog's layout, which gRPC's C core writes for Python, Ruby, PHP and C++ programs:
     * {@code E1130 15:37:07.081350000 6174420992 ssl_transport_security.cc:1511] message}. It has
     * no year, so the time is left unread.
     */
    private static final Pattern GLOG = Pattern.compile(
            "^([IWEF])\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d+\\s+\\d+ ([\\w.-]+\\.(?:cc|c|cpp|h):\\d+)\\] ?(.*)$", Pattern.DOTALL);
    private static final Pattern LEADING_TIME = Pattern.compile(
            "^\\[?(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,:]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?)\\]?[ \\t]+");
    /** One or two names (pod, container) and a space before a line that starts with its ISO time. */
    private static final Pattern POD_PREFIX = Pattern.compile("(?:[a-z0-9][a-z0-9.-]{0,252} ){1,2}(?=\\d{4}-\\d{2}-\\d{2}T\\d{2}:)");
    /** A time of day: a message that holds one still has its head, whatever cut it short. */
    private static final Pattern CLOCK = Pattern.compile("\\d{2}:\\d{2}:\\d{2}");
    /** Fields only a collector component's logger adds, in each generation's names. */
    private static final List<String> COMPONENT_KEYS = List.of("otelcol.component.id", "otelcol.component.kind", "kind", "component_kind");
    /** opentelemetry-rust's global error handler, which prints to stderr with no level of its own. */
    private static final Pattern RUST_ERROR_HANDLER = Pattern.compile("OpenTelemetry (?:\\w+ )?error occurred");
    private static final Pattern LEVEL_WORD = Pattern.compile(
            "(?:^|[\\s\\[|])(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|SEVERE|CRITICAL|FATAL|trace|debug|info|warn|warning|error|fatal)(?=[\\s\\]|:]|$)");
    private static final Pattern CRI = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}T\\S+) (stdout|stderr) ([FP]) (.*)$", Pattern.DOTALL);
    /** {@code cf logs}: the platform's time, {@code [SOURCE/INSTANCE]}, then {@code OUT} or {@code ERR} and the app's line. */
    private static final Pattern CLOUD_FOUNDRY = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}T\\S+) \\[([^\\]\\s]+)\\] +(?:OUT|ERR)(?: (.*))?$", Pattern.DOTALL);
    private static final Pattern KUBECTL = Pattern.compile("^\\[pod/([^/\\]]+)/([^\\]]+)\\] (.*)$", Pattern.DOTALL);
    private static final Pattern RFC5424 = Pattern.compile(
            "^<\\d{1,3}>1 (\\S+) (\\S+) (\\S+) \\S+ \\S+ (?:-|(?:\\[(?:[^\\]\\\\]|\\\\.)*\\])+) ?(?:\\uFEFF)?(.*)$", Pattern.DOTALL);
    private static final Pattern PRI = Pattern.compile("^<\\d{1,3}>");
    /**
     * A syslog tag with its pid and nothing before it: journald's or syslog's line with the time and
     * host columns cut off, as pastes and some shippers' templates ({@code %syslogtag%%msg%}) leave it.
     * The pid is required, so that an ordinary {@code Error: ...} line is not taken for a tag.
     */
    private static final Pattern SYSLOG_TAG = Pattern.compile("^([A-Za-z][\\w.@-]*)\\[(\\d+)\\]: ");
    private static final Pattern COMPOSE = Pattern.compile("^([A-Za-z0-9][\\w.-]*) +\\| (.*)$", Pattern.DOTALL);
    /** {@code Format-List}: the property name, the padding that aligns the colons, then the value. */
    private static final Pattern EVENT_LIST_MESSAGE = Pattern.compile("^Message +: (.*)$", Pattern.DOTALL);
    private static final Pattern LOGFMT_HEAD = Pattern.compile("^(?:ts|time|level)=\\S+ (?:.* )?msg=");
    private static final Pattern SHORT_PREFIX = Pattern.compile(
            "^(?:\\w{3} )?(?:\\w{3} [ \\d]\\d \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?|\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?: ?[A-Z]+|Z|[+-]\\d{2}:?\\d{2})?) (?:([^\\s\\[:]+)\\[\\d*\\]|(\\S+) ([^\\s\\[:]+)(?:\\[\\d+\\])?): ?");

    private final InputFormat forced;

    /** Detects the layout of every line. */
    public RecordParser() {
        this(null);
    }

    /**
     * @param forced the layout every line is in ({@code --input-format}), or null to detect it per
     *               line; a line that is not in the forced layout is not a record
     */
    public RecordParser(InputFormat forced) {
        this.forced = forced;
    }

    /** Reads a record; returns null when it is not text (binary data) or not in the forced layout. */
    public LogRecord parse(RawRecord raw) {
        List<byte[]> lines = unboxed(raw.lines());
        byte[] head = lines.get(0);
        if (isBinary(head)) {
            return null;
        }
        String headText = new String(head, StandardCharsets.UTF_8);
        if (lines.size() > 1 && headText.strip().equals("{")) {
            LogRecord pretty = prettyJson(raw, lines);
            if (pretty != null) {
                return pretty;
            }
        }
        Unwrapped outer = forced == null ? unwrap(headText) : unwrapAs(headText, forced);
        if (outer == null) {
            return null;
        }
        // pieces of one split line (CRI "P", docker entries without a newline) are joined first
        List<String> messages = new ArrayList<>();
        StringBuilder current = new StringBuilder(outer.message);
        boolean partial = outer.partial;
        for (int i = 1; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            if (isBinary(line)) {
                continue;
            }
            Unwrapped u = unwrap(new String(line, StandardCharsets.UTF_8));
            if (!partial) {
                messages.add(current.toString());
                current.setLength(0);
            }
            current.append(u.message);
            partial = u.partial;
        }
        messages.add(current.toString());
        List<String> continuation = messages.subList(1, messages.size());
        Inner inner = outer.parsed != null && messages.get(0).equals(outer.message) ? outer.parsed : parseInner(messages.get(0));
        Matcher jul = JUL_HEADER.matcher(inner.message);
        if (!continuation.isEmpty() && jul.matches()) {
            Matcher level = JUL_LEVEL.matcher(continuation.get(0));
            if (level.matches()) {
                inner = new Inner(Timestamps.parse(jul.group(1)), Level.parse(level.group(1)), jul.group(2), level.group(2), Map.of());
                continuation = continuation.subList(1, continuation.size());
            }
        } else if (inner.logger == null && (jul = JUL_ONE_LINE.matcher(inner.message)).matches()) {
            inner = new Inner(Timestamps.parse(jul.group(1)), Level.parse(jul.group(3)), jul.group(2), jul.group(4), Map.of());
        }
        Map<String, String> below = continuation.isEmpty() || !inner.fields.isEmpty() || inner.logger == null
                || !CALLER.matcher(inner.logger).matches() ? null : fieldsBelow(inner.message, continuation);
        if (below != null) {
            // a console head whose fields object a paste pretty-printed onto the lines under it
            String message = inner.message.strip();
            message = message.endsWith("{") ? message.substring(0, message.length() - 1).strip() : message;
            inner = new Inner(inner.timestamp, inner.level, inner.logger, message, below);
            continuation = List.of();
        } else if (!continuation.isEmpty() && inner.fields.isEmpty() && inner.logger != null && CALLER.matcher(inner.logger).matches()
                && (below = fieldsAfterMessageNewline(continuation.get(0))) != null) {
            // a message that itself ended with a newline: zap writes the fields on the next line, tab first, before any stack
            inner = new Inner(inner.timestamp, inner.level, inner.logger, inner.message, below);
            continuation = continuation.subList(1, continuation.size());
        } else if (!continuation.isEmpty()) {
            // a console head without its fields object whose last indented line ends with one
            TrailingFields trailing = inner.fields.isEmpty() && inner.logger != null && CALLER.matcher(inner.logger).matches()
                    ? trailingFields(continuation.get(continuation.size() - 1).strip(), true) : null;
            // or a head with no words of its own (a glog header whose message a paste moved below it),
            // or one that opens a block its last line closes (gRPC's address dump, "to {" ... "}. Err: ...")
            if (trailing != null || inner.message.isBlank() || closesOpenedBlock(inner.message, continuation)) {
                inner = rejoined(inner, continuation, trailing);
                continuation = List.of();
            }
        }
        Instant ts = inner.timestamp != null ? inner.timestamp : outer.timestamp;
        return new LogRecord(raw.source(), raw.firstLine(), raw.lastLine(), outer.format, ts, outer.host,
                outer.process, inner.level, inner.logger, inner.message, inner.fields,
                String.join("\n", continuation));
    }

    /**
     * A pretty-printed JSON log entry (an entry of {@code gcloud logging read --format=json}, a
     * collector's JSON line pasted through a JSON formatter), read as the one line it would be in
     * a JSON log; null when its lines do not make one object or the object is no log entry.
     */
    private LogRecord prettyJson(RawRecord raw, List<byte[]> lines) {
        StringBuilder joined = new StringBuilder();
        for (byte[] line : lines) {
            if (isBinary(line)) {
                return null;
            }
            joined.append(new String(line, StandardCharsets.UTF_8)).append('\n');
        }
        String text = joined.toString().strip();
        if (readJson(text) == null) {
            return null;
        }
        Unwrapped whole = forced == null ? unwrap(text) : unwrapAs(text, forced);
        if (whole == null || whole.format == InputFormat.PLAIN) {
            // an object that is no log entry (a console line's fields a paste spread over lines)
            // is read line by line, as any other record
            return null;
        }
        Inner inner = whole.parsed != null ? whole.parsed : parseInner(whole.message);
        Instant ts = inner.timestamp != null ? inner.timestamp : whole.timestamp;
        return new LogRecord(raw.source(), raw.firstLine(), raw.lastLine(), whole.format, ts, whole.host, whole.process,
                inner.level, inner.logger, inner.message, inner.fields, "");
    }

    /**
     * The fields of a console line spread over the lines below it as an indented JSON object,
     * opened at the end of the head or on the first line under it: null unless those lines are
     * exactly one object.
     */
    private static Map<String, String> fieldsBelow(String head, List<String> continuation) {
        boolean openedAtHead = head.strip().endsWith("{");
        if (!openedAtHead && !continuation.get(0).strip().equals("{")) {
            return null;
        }
        // nothing may follow the object: gRPC's JSON address dump goes on after its brace ("}. Err: ...")
        return flatObject((openedAtHead ? "{\n" : "") + String.join("\n", continuation), true);
    }

    /** The record's first line under the head when it is one fields object (a line that only indentation made a continuation). */
    private static Map<String, String> fieldsAfterMessageNewline(String line) {
        String object = line.strip();
        return object.startsWith("{\"") ? fieldsObject(object) : null;
    }

    /**
     * Whether a head that ends by opening a brace after words of its own has its block closed by the
     * record's last line: gRPC's multi-line address dump, whose closing line ({@code }. Err:
     * connection error: ...}) holds the error. Read as one message, the error stays beside the
     * address it is about.
     */
    private static boolean closesOpenedBlock(String head, List<String> continuation) {
        String opened = head.strip();
        return opened.length() > 1 && opened.endsWith("{") && continuation.get(continuation.size() - 1).startsWith("}");
    }

    /**
     * The record's lines with k9s's box taken off (see {@link Layouts#isBoxed}), each line the
     * segments it was wrapped into joined again: a segment that fills the box goes on in the next
     * one with nothing between them, and the padding that ends a line is dropped. Lines without
     * the box stay as they are.
     */
    static List<byte[]> unboxed(List<byte[]> lines) {
        if (lines.stream().noneMatch(l -> Layouts.isBoxed(l, 0, l.length))) {
            return lines;
        }
        List<byte[]> out = new ArrayList<>();
        java.io.ByteArrayOutputStream wrapped = null;
        for (byte[] line : lines) {
            if (!Layouts.isBoxed(line, 0, line.length)) {
                if (wrapped != null) {
                    out.add(wrapped.toByteArray());
                    wrapped = null;
                }
                out.add(line);
                continue;
            }
            int from = Layouts.boxedTextStart(0);
            boolean full = Layouts.fillsBox(line, 0, line.length);
            int to = full ? Layouts.boxedTextEnd(line, 0, line.length) : Layouts.messageEnd(line, 0, line.length);
            if (wrapped == null) {
                wrapped = new java.io.ByteArrayOutputStream();
            }
            wrapped.write(line, from, to - from);
            if (!full) {
                out.add(wrapped.toByteArray());
                wrapped = null;
            }
        }
        if (wrapped != null) {
            out.add(wrapped.toByteArray());
        }
        return out;
    }

    /**
     * A record a paste or a viewer broke over several lines, read as the one line it was: the
     * indented lines continue the head's message, and a fields object that ends the last of them
     * is the record's (zap's console lines end with their fields; a stack trace under one never does).
     *
     * @param trailing the fields object that ends the last line, or null when it has none
     */
    private static Inner rejoined(Inner head, List<String> continuation, TrailingFields trailing) {
        StringBuilder message = new StringBuilder(head.message.strip());
        int last = continuation.size() - 1;
        for (int i = 0; i <= last; i++) {
            String line = continuation.get(i).strip();
            String part = i == last && trailing != null ? line.substring(0, trailing.messageEnd()).strip() : line;
            if (!part.isEmpty()) {
                message.append(message.length() == 0 ? "" : " ").append(part);
            }
        }
        return new Inner(head.timestamp, head.level, head.logger, message.toString(), trailing == null ? head.fields : trailing.fields());
    }

    /**
     * The line read as the given layout only. Plain text is taken as it is (no transport is
     * unwrapped, whatever it looks like); the collector's console layout must match it; any other
     * layout must be the one detection finds.
     */
    private Unwrapped unwrapAs(String line, InputFormat format) {
        String text = line.stripLeading();
        switch (format) {
            case PLAIN -> {
                return new Unwrapped(InputFormat.PLAIN, text, null, null, null, plain(text));
            }
            case COLLECTOR_CONSOLE -> {
                Matcher m = CONSOLE_HEAD.matcher(text);
                Inner inner = m.lookingAt() ? console(text, m) : pastedConsole(text);
                return inner == null ? null : new Unwrapped(InputFormat.COLLECTOR_CONSOLE, text, null, null, null, inner);
            }
            default -> {
                Unwrapped u = unwrap(line);
                return u.format == format ? u : null;
            }
        }
    }

    /** The layout of one line as the format detector sees it. */
    public InputFormat detect(String line) {
        return unwrap(line).format;
    }

    private record Unwrapped(InputFormat format, String message, Instant timestamp, String host, String process,
                             Inner parsed, boolean partial) {

        Unwrapped(InputFormat format, String message, Instant timestamp, String host, String process, Inner parsed) {
            this(format, message, timestamp, host, process, parsed, false);
        }
    }

    private record Inner(Instant timestamp, Level level, String logger, String message, Map<String, String> fields) {
    }

    private Unwrapped unwrap(String line) {
        while (line.startsWith("> ")) {
            line = line.substring(2); // a Markdown quote around a pasted log
        }
        String text = !line.isEmpty() && line.charAt(0) == 0x1E ? line.substring(1) : line;
        if (!text.isEmpty() && Character.isWhitespace(text.charAt(0))) {
            text = text.stripLeading();
            line = text;
        }
        if (text.startsWith("{")) {
            JsonNode node = readJson(text);
            if (node != null && node.isObject()) {
                if (node.has("MESSAGE") && isJournal(node)) {
                    String message = journalMessage(node.get("MESSAGE"));
                    String process = text(node, "SYSLOG_IDENTIFIER");
                    if (process == null) {
                        process = text(node, "_COMM");
                    }
                    return new Unwrapped(InputFormat.JOURNAL_JSON, message,
                            Timestamps.fromEpochMicros(text(node, "__REALTIME_TIMESTAMP")), text(node, "_HOSTNAME"),
                            process, null);
                }
                if (node.has("log") && (node.has("stream") || node.has("time"))) {
                    String log = node.get("log").asText();
                    boolean partial = !log.endsWith("\n");
                    String message = partial ? log : log.substring(0, log.length() - 1);
                    return new Unwrapped(InputFormat.DOCKER_JSON, message, Timestamps.parse(text(node, "time")), null, null, null,
                            partial);
                }
                if (node.has("level") && (node.has("msg") || node.has("ts"))) {
                    return new Unwrapped(InputFormat.COLLECTOR_JSON, text, null, null, null, zapJson(node));
                }
                JsonNode payload = node.get("jsonPayload");
                if (payload != null && payload.isObject() && payload.has("level") && (payload.has("msg") || payload.has("ts"))) {
                    // Google Cloud Logging's LogEntry around a collector's JSON line
                    Inner zap = zapJson(payload);
                    if (zap.timestamp() == null) {
                        zap = new Inner(Timestamps.parse(text(node, "timestamp")), zap.level(), zap.logger(), zap.message(), zap.fields());
                    }
                    return new Unwrapped(InputFormat.SHIPPER_JSON, text, null, null, null, zap);
                }
                JsonNode ecsLevel = node.get("log.level");
                if (ecsLevel != null && ecsLevel.isTextual() && node.has("message")) {
                    Inner ecs = ecsJson(node);
                    boolean collector = ecs.fields().keySet().stream().anyMatch(k -> k.startsWith("otelcol."));
                    return new Unwrapped(collector ? InputFormat.COLLECTOR_JSON : InputFormat.PLAIN, text, null, null, null, ecs);
                }
                Unwrapped shipped = shipperJson(node);
                if (shipped != null) {
                    return shipped;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                flatten("", node, fields);
                return new Unwrapped(InputFormat.PLAIN, text, null, null, null,
                        new Inner(null, Level.parse(fields.get("level")), null, text, fields));
            }
        }
        Matcher cri = CRI.matcher(text);
        if (cri.matches()) {
            return new Unwrapped(InputFormat.KUBERNETES_CRI, cri.group(4), Timestamps.parse(cri.group(1)), null, null, null,
                    cri.group(3).equals("P"));
        }
        Matcher cf = CLOUD_FOUNDRY.matcher(text);
        if (cf.matches()) {
            // the app's own time inside wins; the platform's is when the line reached the log stream
            return new Unwrapped(InputFormat.CLOUD_FOUNDRY, cf.group(3) == null ? "" : cf.group(3), Timestamps.parse(cf.group(1)),
                    null, cf.group(2), null);
        }
        Matcher kubectl = KUBECTL.matcher(text);
        if (kubectl.matches()) {
            return new Unwrapped(InputFormat.KUBECTL_PREFIX, kubectl.group(3), null, kubectl.group(1), kubectl.group(2), null);
        }
        Matcher rfc5424 = RFC5424.matcher(text);
        if (rfc5424.matches()) {
            return new Unwrapped(InputFormat.SYSLOG_RFC5424, syslogMessage(rfc5424.group(4)), Timestamps.parse(rfc5424.group(1)),
                    rfc5424.group(2), rfc5424.group(3), null);
        }
        if (text.startsWith("<")) {
            Matcher pri = PRI.matcher(text);
            if (pri.lookingAt()) {
                text = text.substring(pri.end());
                line = text;
            }
        }
        Matcher m = SHORT_PREFIX.matcher(text);
        byte[] bytes = m.lookingAt() ? line.getBytes(StandardCharsets.UTF_8) : null;
        if (bytes != null && Layouts.journalShortPrefixEnd(bytes, 0, bytes.length) >= 0 && !SWIFT_LOG.matcher(text).matches()
                && !RUST_TRACING.matcher(text).matches()) {
            return new Unwrapped(InputFormat.JOURNAL_SHORT, syslogMessage(text.substring(m.end())), Timestamps.parse(text),
                    m.group(2), m.group(1) != null ? m.group(1) : m.group(3), null);
        }
        Matcher tag = SYSLOG_TAG.matcher(text);
        if (tag.lookingAt()) {
            return new Unwrapped(InputFormat.JOURNAL_SHORT, syslogMessage(text.substring(tag.end())), null, null, tag.group(1), null);
        }
        Matcher eventList = EVENT_LIST_MESSAGE.matcher(text);
        if (eventList.matches()) {
            return new Unwrapped(InputFormat.WINDOWS_EVENT_LIST, eventList.group(1), null, null, null, null);
        }
        Matcher compose = COMPOSE.matcher(text);
        if (compose.matches() && !CONSOLE_HEAD.matcher(text).lookingAt()) {
            return new Unwrapped(InputFormat.DOCKER_COMPOSE, compose.group(2), null, compose.group(1), compose.group(1), null);
        }
        if (LOGFMT_HEAD.matcher(text).lookingAt()) {
            return new Unwrapped(InputFormat.LOGFMT, text, null, null, null, logfmt(text));
        }
        Inner inner = parseInner(text);
        InputFormat format = CONSOLE_HEAD.matcher(text).lookingAt() || UNTIMED_CONSOLE.matcher(text).lookingAt()
                || GLUED_CONSOLE.matcher(text).lookingAt() ? InputFormat.COLLECTOR_CONSOLE : InputFormat.PLAIN;
        return new Unwrapped(format, text, null, null, null, inner);
    }

    private Inner parseInner(String message) {
        Inner inner = structured(message);
        return inner != null ? inner : plain(message);
    }

    /** The message read as one of the collector's layouts (logfmt, console in any of its forms, zap JSON), or null. */
    private Inner structured(String message) {
        if (LOGFMT_HEAD.matcher(message).lookingAt()) {
            return logfmt(message);
        }
        Inner pasted = pastedConsole(message);
        if (pasted != null) {
            return pasted;
        }
        Inner untimed = untimedConsole(message);
        if (untimed != null) {
            return untimed;
        }
        Matcher callerFirst = CALLER_FIRST_CONSOLE.matcher(message);
        if (callerFirst.lookingAt()) {
            // a paste that begins at the caller, its time and level cut off
            return withTrailingFields(null, Level.UNKNOWN, callerFirst.group(1), message.substring(callerFirst.end()), false);
        }
        if (message.startsWith("{")) {
            JsonNode node = readJson(message);
            if (node != null && node.isObject() && node.has("level")) {
                return zapJson(node);
            }
        }
        Matcher m = CONSOLE_HEAD.matcher(message);
        if (m.lookingAt()) {
            return console(message, m);
        }
        return gluedConsole(message);
    }

    /**
     * A console line whose tabs became single spaces (copied from a browser or a terminal): the
     * fields object is found by parsing the tail of the line, not by its separator.
     */
    private Inner pastedConsole(String line) {
        Matcher m = PASTED_CONSOLE.matcher(line);
        if (!m.lookingAt() || CONSOLE_HEAD.matcher(line).lookingAt() || RUST_TRACING.matcher(line).matches()
                || SPRING_BOOT.matcher(line).matches()) {
            return null;
        }
        String rest = line.substring(m.end());
        String caller = null;
        int space = rest.indexOf(' ');
        if (space > 0 && CALLER.matcher(rest.substring(0, space)).matches()) {
            caller = rest.substring(0, space);
            rest = rest.substring(space + 1).stripLeading();
        }
        return withTrailingFields(Timestamps.fromZapTs(m.group(1)), Level.parse(m.group(2)), caller, rest, false);
    }

    private Inner gluedConsole(String line) {
        Matcher m = GLUED_CONSOLE.matcher(line);
        if (!m.lookingAt()) {
            return null;
        }
        return withTrailingFields(Timestamps.parse(m.group(1)), Level.parse(m.group(2)), m.group(3), line.substring(m.end()), true);
    }

    private Inner untimedConsole(String line) {
        Matcher m = UNTIMED_CONSOLE.matcher(line);
        if (!m.lookingAt()) {
            return null;
        }
        return withTrailingFields(null, Level.parse(m.group(1)), m.group(2), line.substring(m.end()), false);
    }

    /**
     * The message and the fields object that ends it, where the separator before the object may
     * have lost its tab: the object is found by parsing, from the first candidate on.
     *
     * @param glued whether the separator may be gone altogether (see {@link #GLUED_CONSOLE})
     */
    private Inner withTrailingFields(Instant ts, Level level, String caller, String rest, boolean glued) {
        TrailingFields trailing = trailingFields(rest, glued);
        if (trailing != null) {
            return new Inner(ts, level, caller, rest.substring(0, trailing.messageEnd()).strip(), trailing.fields());
        }
        return new Inner(ts, level, caller, rest.strip(), Map.of());
    }

    /** A fields object that ends a line, and where the message before it ends. */
    private record TrailingFields(int messageEnd, Map<String, String> fields) {
    }

    /**
     * The fields object that ends the text, or null. Candidates (an opening brace and quote after
     * a tab or a space, or after anything when the separators may be gone) are tried from the
     * first on; the object must parse to the end of the text.
     */
    private static TrailingFields trailingFields(String rest, boolean glued) {
        for (int i = rest.indexOf("{\"", 1); i > 0; i = rest.indexOf("{\"", i + 1)) {
            char before = rest.charAt(i - 1);
            boolean separated = before == ' ' || before == '\t';
            if (separated || glued) {
                Map<String, String> object = fieldsObject(rest.substring(i).strip());
                if (object != null) {
                    return new TrailingFields(separated ? i - 1 : i, object);
                }
            }
        }
        return null;
    }

    /** {@code ts⇥level⇥caller⇥msg⇥{fields}}; journald's {@code short*} output turned each tab into spaces. */
    private Inner console(String line, Matcher head) {
        Instant ts = Timestamps.fromZapTs(head.group(1));
        Level level = Level.parse(head.group(2));
        String rest = line.substring(head.end());
        boolean tabs = line.charAt(head.end(1)) == '\t';
        String sep = tabs ? "\t" : "  ";
        String logger = null;
        int cut = rest.indexOf(sep);
        if (cut > 0 && CALLER.matcher(rest.substring(0, cut)).matches()) {
            logger = rest.substring(0, cut);
            rest = stripSeparator(rest.substring(cut), tabs);
        }
        String message = rest;
        Map<String, String> fields = Map.of();
        int fieldsAt = rest.indexOf(sep + "{");
        if (fieldsAt >= 0) {
            Map<String, String> object = fieldsObject(stripSeparator(rest.substring(fieldsAt), tabs));
            if (object != null) {
                fields = object;
                message = rest.substring(0, fieldsAt);
            }
        }
        return new Inner(ts, level, logger, message.strip(), fields);
    }

    private static String stripSeparator(String s, boolean tabs) {
        int i = 0;
        while (i < s.length() && (tabs ? s.charAt(i) == '\t' : s.charAt(i) == ' ')) {
            i++;
        }
        return s.substring(i);
    }

    private Inner zapJson(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        String ts = null;
        String level = null;
        String caller = null;
        String msg = "";
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "ts" -> ts = e.getValue().asText();
                case "level" -> level = e.getValue().asText();
                case "caller" -> caller = e.getValue().asText();
                case "msg" -> msg = e.getValue().asText();
                default -> flatten(e.getKey(), e.getValue(), fields);
            }
        }
        if (ts == null && msg.isEmpty() && caller == null) {
            // an application's JSON line rather than zap's (Quarkus, Log4j2 and logstash-logback encoders):
            // message, logger and time under their own names
            String message = fields.remove("message");
            String logger = firstPresent(fields, APP_JSON_LOGGER);
            String time = firstPresent(fields, SHIPPER_TIME);
            if (message != null) {
                return new Inner(Timestamps.parse(time == null ? "" : time), Level.parse(level), logger, message, fields);
            }
        }
        return new Inner(Timestamps.fromZapTs(ts), Level.parse(level), caller, msg, fields);
    }

    private static final List<String> APP_JSON_LOGGER = List.of("loggerName", "logger_name", "logger");

    /**
     * Elastic Common Schema's JSON (elastic-agent and its collector, APM Server, Beats): the
     * record's own level, message and time under dotted names, the error as {@code error.message}.
     */
    private Inner ecsJson(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> flatten(e.getKey(), e.getValue(), fields));
        String level = fields.remove("log.level");
        String message = fields.remove("message");
        String time = fields.remove("@timestamp");
        String logger = fields.get("log.logger");
        if (logger == null && fields.get("log.origin.file.name") != null) {
            String line = fields.get("log.origin.file.line");
            logger = fields.get("log.origin.file.name") + (line == null ? "" : ":" + line);
        }
        String error = fields.remove("error.message");
        if (error != null) {
            fields.putIfAbsent("error", error);
        }
        return new Inner(Timestamps.parse(time == null ? "" : time), Level.parse(level), logger, message, fields);
    }

    private static String firstPresent(Map<String, String> fields, List<String> names) {
        for (String name : names) {
            String v = fields.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** A Lambda runtime's line; a message that is a JSON object (Node's logged errors) brings its fields. */
    private static Inner lambda(String time, String level, String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (message.startsWith("{")) {
            JsonNode node = readJson(message);
            if (node != null && node.isObject()) {
                flatten("", node, fields);
            }
        }
        return new Inner(Timestamps.parse(time), Level.parse(level), null, message, fields);
    }

    private Inner plain(String text) {
        Matcher m = RUST_TRACING.matcher(text);
        if (m.matches()) {
            return new Inner(Timestamps.parse(m.group(1)), Level.parse(m.group(2)), m.group(3), m.group(4), Map.of());
        }
        m = LAMBDA_NODE.matcher(text);
        if (m.matches()) {
            return lambda(m.group(1), m.group(2), m.group(3));
        }
        m = LAMBDA_PYTHON.matcher(text);
        if (m.matches()) {
            return lambda(m.group(2), m.group(1), m.group(3));
        }
        m = JAVAAGENT.matcher(text);
        if (m.matches()) {
            return new Inner(Timestamps.parse(m.group(1)), Level.parse(m.group(3)), m.group(4), m.group(5), Map.of());
        }
        m = JUL_LEVEL.matcher(text);
        if (m.matches()) {
            Matcher dart = DART_TIME.matcher(m.group(2));
            if (dart.lookingAt()) {
                return new Inner(Timestamps.parse(dart.group(1)), Level.parse(m.group(1)), null, m.group(2).substring(dart.end()), Map.of());
            }
            return new Inner(null, Level.parse(m.group(1)), null, m.group(2), Map.of());
        }
        m = LOGBACK.matcher(text);
        if (m.matches()) {
            return new Inner(Timestamps.parse(text), Level.parse(m.group(2)), m.group(3), m.group(4), Map.of());
        }
        m = SPRING_BOOT.matcher(text);
        if (m.matches()) {
            return new Inner(Timestamps.parse(m.group(1)), Level.parse(m.group(2)), m.group(3), m.group(4), Map.of());
        }
        m = PYTHON_BASIC.matcher(text);
        if (m.matches()) {
            return new Inner(null, Level.parse(m.group(1)), m.group(2), m.group(3), Map.of());
        }
        m = GO_STD.matcher(text);
        if (m.matches()) {
            return new Inner(Timestamps.parse(m.group(1)), Level.UNKNOWN, null, m.group(2), Map.of());
        }
        m = DOTNET_SELF_DIAG.matcher(text);
        if (m.matches()) {
            return new Inner(Timestamps.parse(m.group(1)), Level.UNKNOWN, null, m.group(2), Map.of());
        }
        m = RUBY_LOGGER.matcher(text);
        if (m.matches()) {
            String progname = m.group(3).strip();
            return new Inner(Timestamps.parse(m.group(1)), Level.parse(m.group(2)), progname.isEmpty() ? null : progname, m.group(4), Map.of());
        }
        m = JBOSS.matcher(text);
        if (m.matches()) {
            return new Inner(Timestamps.parse(m.group(1)), Level.parse(m.group(2)), m.group(3), m.group(4), Map.of());
        }
        m = GLOG.matcher(text);
        if (m.matches()) {
            String level = switch (m.group(1)) {
                case "I" -> "info";
                case "W" -> "warn";
                case "E" -> "error";
                default -> "fatal";
            };
            return new Inner(null, Level.parse(level), m.group(2), m.group(3), Map.of());
        }
        m = SWIFT_LOG.matcher(text);
        if (m.matches()) {
            return new Inner(Timestamps.parse(m.group(1)), Level.parse(m.group(2)), m.group(3), m.group(4) == null ? "" : m.group(4), Map.of());
        }
        m = BEAM_LOGGER.matcher(text);
        if (m.matches()) {
            return new Inner(Timestamps.parse(text), beamLevel(m.group(1)), null, m.group(2), Map.of());
        }
        m = POD_PREFIX.matcher(text);
        if (m.lookingAt()) {
            // a pod's (and container's) name before each line, as stern and kubectl logs -l with a prefix print it
            Inner behind = structured(text.substring(m.end()));
            if (behind != null) {
                return behind;
            }
        }
        Instant ts = null;
        String rest = text;
        m = LEADING_TIME.matcher(text);
        if (m.lookingAt()) {
            ts = Timestamps.parse(m.group(1));
            rest = text.substring(m.end());
            // a viewer's own time before the record (Docker Desktop's, a copied dashboard's): the
            // record's layout still holds its level, caller, fields and a time with its zone
            Inner behind = structured(rest);
            if (behind != null) {
                return behind.timestamp() != null ? behind
                        : new Inner(ts, behind.level(), behind.logger(), behind.message(), behind.fields());
            }
        }
        TrailingFields headless = trailingFields(rest, false);
        if (headless != null && !rest.isEmpty() && Character.isLetter(rest.charAt(0)) && rest.lastIndexOf('\t', headless.messageEnd() - 1) < 0
                && !CLOCK.matcher(rest.substring(0, headless.messageEnd())).find()
                && COMPONENT_KEYS.stream().anyMatch(headless.fields()::containsKey)) {
            // a collector's console line whose time, level and caller a paste cut off: the message and its fields remain
            return new Inner(ts, Level.UNKNOWN, null, rest.substring(0, headless.messageEnd()).strip(), headless.fields());
        }
        if (RUST_ERROR_HANDLER.matcher(rest).lookingAt()) {
            // "trace" there names the signal, not a level: the handler reports errors only
            return new Inner(ts, Level.ERROR, null, text, Map.of());
        }
        Level level = Level.UNKNOWN;
        String head = rest.length() > 80 ? rest.substring(0, 80) : rest;
        Matcher lw = LEVEL_WORD.matcher(head);
        while (lw.find()) {
            if (isProse(head, lw.start(1), lw.group(1))) {
                continue;
            }
            level = Level.parse(lw.group(1));
            break;
        }
        return new Inner(ts, level, null, text, Map.of());
    }

    /**
     * A lowercase "trace", "debug" or "info" inside a sentence ("failed to push trace data") is a
     * word, not the line's level: one counts only first on the line, in brackets or after a tab. A lower level
     * taken wrongly would hide an error; "error" or "warn" in prose is still read as a level.
     */
    private static boolean isProse(String text, int at, String word) {
        if (!(word.equals("trace") || word.equals("debug") || word.equals("info"))) {
            return false;
        }
        char before = at == 0 ? ' ' : text.charAt(at - 1);
        return !text.substring(0, at).isBlank() && before != '[' && before != '|' && before != '\t';
    }

    /** Erlang's logger levels (RFC 5424 names) on this tool's scale. */
    private static Level beamLevel(String level) {
        return switch (level) {
            case "debug" -> Level.parse("debug");
            case "info", "notice" -> Level.parse("info");
            case "warning" -> Level.parse("warn");
            default -> Level.parse("error");
        };
    }

    /** rsyslog writes control characters as {@code #ooo}: a tab is {@code #011}. */
    private static String syslogMessage(String message) {
        return message.indexOf("#011") >= 0 ? message.replace("#011", "\t") : message;
    }

    /** Grafana Alloy / Agent logfmt: {@code key=value} pairs, values optionally double-quoted with escapes. */
    private static Inner logfmt(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            int keyStart = i;
            while (i < n && text.charAt(i) != '=' && text.charAt(i) != ' ') {
                i++;
            }
            String key = text.substring(keyStart, i);
            String value = "";
            if (i < n && text.charAt(i) == '=') {
                i++;
                if (i < n && text.charAt(i) == '"') {
                    StringBuilder v = new StringBuilder();
                    i++;
                    while (i < n && text.charAt(i) != '"') {
                        char c = text.charAt(i);
                        if (c == '\\' && i + 1 < n) {
                            char next = text.charAt(++i);
                            v.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
                        } else {
                            v.append(c);
                        }
                        i++;
                    }
                    i++;
                    value = v.toString();
                } else {
                    int valueStart = i;
                    while (i < n && text.charAt(i) != ' ') {
                        i++;
                    }
                    value = text.substring(valueStart, i);
                }
            }
            if (!key.isEmpty()) {
                fields.put(key, value);
            }
        }
        String msg = fields.getOrDefault("msg", "");
        Instant ts = Timestamps.parse(fields.get("ts") != null ? fields.get("ts") : fields.getOrDefault("time", ""));
        Level level = Level.parse(fields.get("level"));
        fields.remove("msg");
        fields.remove("ts");
        fields.remove("level");
        Matcher stdlib = GO_STD.matcher(msg);
        if (stdlib.matches()) {
            // Go's standard logger redirected into a structured one (logrus's writer, say), which
            // files every such line at info: the line had no level of its own, and the Go SDK's
            // default error handler prints its export failures this way. A level above info was
            // given on purpose and stays.
            msg = stdlib.group(2);
            if (!level.atLeast(Level.WARN)) {
                level = Level.UNKNOWN;
            }
        }
        return new Inner(ts, level, fields.get("caller"), msg, fields);
    }

    /** syslog-ng's format-json reuses journald's field name MESSAGE, with its own fields beside it and none of journald's. */
    private static boolean isJournal(JsonNode node) {
        boolean journalFields = node.has("__REALTIME_TIMESTAMP") || node.has("__CURSOR") || node.has("_HOSTNAME")
                || node.has("_COMM") || node.has("SYSLOG_IDENTIFIER") || node.has("_SYSTEMD_UNIT");
        boolean syslogNgFields = node.has("ISODATE") || node.has("HOST") || node.has("PROGRAM");
        return journalFields || !syslogNgFields;
    }

    // Field names log shippers give the message, its time and its host, most specific first:
    // rsyslog %jsonmesg% and jsonf templates, syslog-ng format-json, Vector, Fluent Bit json_lines, Logstash.
    private static final List<String> SHIPPER_MESSAGE = List.of("msg", "MESSAGE", "message", "log");
    private static final List<String> SHIPPER_TIME = List.of("timereported", "ISODATE", "timestamp", "@timestamp", "time", "date");
    private static final List<String> SHIPPER_HOST = List.of("hostname", "HOST", "host", "_HOSTNAME");
    private static final List<String> SHIPPER_PROCESS = List.of("programname", "app-name", "PROGRAM", "appname", "tag");

    /**
     * A record a log shipper re-encoded as JSON with the collector's line as one string field. The
     * shipper's time is when it received the line; the collector's own time inside the message
     * wins when there is one.
     */
    private static Unwrapped shipperJson(JsonNode node) {
        String message = null;
        for (String field : SHIPPER_MESSAGE) {
            JsonNode v = node.get(field);
            if (v != null && v.isTextual()) {
                message = v.asText();
                break;
            }
        }
        // an application's own JSON (a Node error object has "message") is not an envelope; a shipper always stamps its time
        if (message == null || SHIPPER_TIME.stream().noneMatch(node::has)) {
            // Google Cloud Logging's LogEntry: no application names a field textPayload, so it
            // is an envelope even when a paste kept nothing else of the entry
            JsonNode text = node.get("textPayload");
            if (text == null || !text.isTextual()) {
                return null;
            }
            message = text.asText();
        }
        message = syslogMessage(message.strip());
        Instant time = null;
        for (String field : SHIPPER_TIME) {
            JsonNode v = node.get(field);
            if (v != null && !v.isNull()) {
                time = v.isNumber() ? Instant.ofEpochMilli(Math.round(v.asDouble() * 1000)) : Timestamps.parse(v.asText());
                if (time != null) {
                    break;
                }
            }
        }
        return new Unwrapped(InputFormat.SHIPPER_JSON, message, time, firstText(node, SHIPPER_HOST),
                trimTag(firstText(node, SHIPPER_PROCESS)), null);
    }

    private static String firstText(JsonNode node, List<String> fields) {
        for (String field : fields) {
            JsonNode v = node.get(field);
            if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }

    /** rsyslog's syslogtag keeps the colon and pid: {@code otelcol[42]:}. */
    private static String trimTag(String tag) {
        if (tag == null) {
            return null;
        }
        int end = tag.length();
        while (end > 0 && (tag.charAt(end - 1) == ':' || tag.charAt(end - 1) == ']')) {
            end--;
        }
        int bracket = tag.indexOf('[');
        return tag.substring(0, bracket >= 0 && bracket < end ? bracket : end);
    }

    private static String journalMessage(JsonNode message) {
        if (message == null || message.isNull()) {
            return "";
        }
        if (message.isTextual()) {
            return message.asText();
        }
        if (message.isArray()) {
            boolean bytes = true;
            for (JsonNode n : message) {
                bytes &= n.isInt();
            }
            if (bytes) {
                byte[] b = new byte[message.size()];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) message.get(i).asInt();
                }
                return new String(b, StandardCharsets.UTF_8);
            }
            List<String> parts = new ArrayList<>();
            message.forEach(n -> parts.add(journalMessage(n)));
            return String.join("\n", parts);
        }
        return message.toString();
    }

    /** The JSON object at the start of {@code text}, or null when the text does not start with a complete one. */
    static JsonNode readJson(String text) {
        try (JsonParser p = JSON.createParser(text)) {
            return p.nextToken() == JsonToken.START_OBJECT ? tree(p) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The value at the parser's current token as a tree, built as {@code ObjectMapper.readTree}
     * builds it by default: integers as int, long or BigInteger nodes by size, other numbers as
     * doubles, and a repeated key keeping its last value in its first place. Leaves the parser on
     * the value's last token.
     */
    private static JsonNode tree(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                JsonToken t = p.nextToken();
                for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                    String key = p.currentName();
                    p.nextToken();
                    object.replace(key, tree(p));
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new JsonParseException(p, "not a complete object");
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t == null) {
                        throw new JsonParseException(p, "not a complete array");
                    }
                    array.add(tree(p));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new JsonParseException(p, "unexpected " + token);
        }
    }

    /**
     * The JSON object at the start of {@code text} as {@link #flatten} would give it, or null when
     * the text does not start with one. Read as a stream: a console line's fields are parsed for
     * every candidate record, and building a tree first costs more than the rest of the parse.
     */
    static Map<String, String> flatObject(String text) {
        return flatObject(text, false);
    }

    /** As {@link #flatObject(String)}; with {@code whole}, null also when anything but blanks follows the object. */
    private static Map<String, String> flatObject(String text, boolean whole) {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, String> out = new LinkedHashMap<>();
            flattenObject(p, "", out, null);
            return !whole || p.nextToken() == null ? out : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A console line's fields object at the start of {@code text}, whole or cut short by a paste
     * or the line limit: a cut one gives its own fields, not those of an object nested in it. The
     * whole object is tried first, which reads no token locations.
     */
    private static Map<String, String> fieldsObject(String text) {
        Map<String, String> object = flatObject(text);
        return object != null ? object : flatObjectUpToCut(text);
    }

    /**
     * The flattened fields of an object that {@code text} may end inside of, as a paste or a line
     * cut at its length limit leaves a console line's fields: the fields before the cut, and of a
     * string value the cut fell in, its text so far. Null when the text is no object or is
     * malformed before it ends.
     */
    static Map<String, String> flatObjectUpToCut(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            flattenObject(p, "", out, text);
            return out;
        } catch (IOException e) {
            return null;
        }
    }

    /** The text of a JSON string from {@code from} to the end, where the input was cut before its closing quote. */
    private static String unescapeCut(String text, int from) {
        StringBuilder out = new StringBuilder(text.length() - from);
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= text.length()) {
                break; // cut inside an escape
            }
            char e = text.charAt(i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 >= text.length()) {
                        i = text.length();
                    } else {
                        try {
                            out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                        } catch (NumberFormatException bad) {
                            out.append("\\u").append(text, i + 1, i + 5);
                        }
                        i += 4;
                    }
                }
                default -> out.append(e); // \" \\ \/
            }
        }
        return out.toString();
    }

    /**
     * Flattens the object the parser is in into {@code out}. With {@code cutText} (the whole input)
     * an input that ends inside stops the walk instead of failing it, and a string value the end
     * fell in keeps its text so far; returns false then.
     */
    private static boolean flattenObject(JsonParser p, String prefix, Map<String, String> out, String cutText) throws IOException {
        try {
            JsonToken t = p.nextToken();
            for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String key = prefix.isEmpty() ? p.currentName() : prefix + "." + p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT) {
                    if (!flattenObject(p, key, out, cutText)) {
                        return false;
                    }
                    continue;
                }
                int start = cutText == null ? -1 : (int) p.currentTokenLocation().getCharOffset();
                String text;
                try {
                    text = switch (value) {
                        case VALUE_STRING -> p.getText();
                        case VALUE_TRUE -> "true";
                        case VALUE_FALSE -> "false";
                        case VALUE_NULL -> "null";
                        case START_ARRAY -> tree(p).toString();
                        default -> tree(p).asText(); // numbers: as a tree reads them
                    };
                } catch (JsonEOFException cut) {
                    if (cutText != null && value == JsonToken.VALUE_STRING && !key.isEmpty()) {
                        out.put(key, unescapeCut(cutText, start + 1));
                    }
                    throw cut;
                }
                if (!key.isEmpty()) {
                    out.put(key, text);
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new JsonParseException(p, "not a complete object");
            }
            return true;
        } catch (JsonEOFException cut) {
            if (cutText == null) {
                throw cut;
            }
            return false;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (!prefix.isEmpty()) {
            out.put(prefix, node.isValueNode() ? node.asText() : node.toString());
        }
    }

    private static boolean isBinary(byte[] line) {
        for (byte b : line) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
